import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { computeTally, TallyResult } from '../../../projections/src/queries';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';
import { parseAsOf } from './as-of';
import { requireOrg, requireYear } from './query-inputs';
import { viewAt } from './view-at';

export interface TallyInput {
  orgId: string;
  year: number | string;
  period?: string;
  rollup?: boolean;
  asOf?: string;
}

export class TallyQuery extends Query<TallyResult & { asOf: string | null }> {
  constructor(readonly input: TallyInput) {
    super();
  }
}

@QueryHandler(TallyQuery)
export class TallyHandler implements IQueryHandler<TallyQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ input }: TallyQuery): Promise<TallyResult & { asOf: string | null }> {
    const year = requireYear(input.year);
    const asOf = parseAsOf(input.asOf);
    const view = await viewAt(this.ledger, asOf, input.orgId);
    await requireOrg(view, input.orgId);
    const tally = await computeTally(view, { orgId: input.orgId, year, period: input.period, rollup: Boolean(input.rollup) });
    return { ...tally, asOf: asOf ?? null };
  }
}
