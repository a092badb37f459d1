import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { ReportRecord } from '../../../projections/src/reports/report-record';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';
import { parseAsOf } from './as-of';
import { requireOrg } from './query-inputs';
import { viewAt } from './view-at';

export interface ListReportsInput {
  orgId: string;
  /** The reports the ledger held at this instant (or civil date: end of that day, China time). */
  asOf?: string;
}

export interface ListReportsResult {
  org: string;
  asOf: string | null;
  /** Newest recording first. */
  reports: ReportRecord[];
}

export class ListReportsQuery extends Query<ListReportsResult> {
  constructor(readonly input: ListReportsInput) {
    super();
  }
}

/** The reports recorded for one organisation (its own, not its subtree's), now or as of an instant. */
@QueryHandler(ListReportsQuery)
export class ListReportsHandler implements IQueryHandler<ListReportsQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ input }: ListReportsQuery): Promise<ListReportsResult> {
    const asOf = parseAsOf(input.asOf);
    const view = await viewAt(this.ledger, asOf, input.orgId);
    await requireOrg(view, input.orgId);
    return { org: input.orgId, asOf: asOf ?? null, reports: await view.listReports(input.orgId) };
  }
}
