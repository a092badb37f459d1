import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { findActivityKind, ValidationError } from '../../../domain/src';
import type { ActivityDoc } from '../../../domain/src';
import { descendantsOf } from '../../../projections/src/org-tree';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';
import { parseAsOf } from './as-of';
import { requireOrg, requireYear } from './query-inputs';
import { viewAt } from './view-at';

export interface ListActivitiesInput {
  orgId: string;
  year: number | string;
  kind?: string;
  month?: number | string;
  includeVoided?: boolean;
  rollup?: boolean;
  asOf?: string;
}

export interface ListActivitiesResult {
  org: string;
  year: number;
  activities: ActivityDoc[];
}

export class ListActivitiesQuery extends Query<ListActivitiesResult> {
  constructor(readonly input: ListActivitiesInput) {
    super();
  }
}

@QueryHandler(ListActivitiesQuery)
export class ListActivitiesHandler implements IQueryHandler<ListActivitiesQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ input }: ListActivitiesQuery): Promise<ListActivitiesResult> {
    const year = requireYear(input.year);
    const view = await viewAt(this.ledger, parseAsOf(input.asOf), input.orgId);
    await requireOrg(view, input.orgId);
    const kind = input.kind ? findActivityKind(input.kind) : undefined;
    if (input.kind && !kind) throw ValidationError.of('kind', `未知的活动类型：${input.kind}`, `unknown activity kind: ${input.kind}`);
    const month = input.month === undefined || input.month === '' ? undefined : Number(input.month);
    if (month !== undefined && (!Number.isInteger(month) || month < 1 || month > 12)) {
      throw ValidationError.of('month', `月份无效：${String(input.month)}`, `invalid month: ${String(input.month)}`);
    }
    const orgIds = input.rollup ? descendantsOf(await view.listOrgs(), input.orgId).map((o) => o.id) : [input.orgId];
    const from = month ? `${year}-${String(month).padStart(2, '0')}-01` : `${year}-01-01`;
    const to = month ? `${year}-${String(month).padStart(2, '0')}-31` : `${year}-12-31`;
    const all = await view.listActivities(orgIds, from, to, { includeVoided: Boolean(input.includeVoided) });
    const activities = kind ? all.filter((a) => a.details.kinds.includes(kind.id)) : all;
    return { org: input.orgId, year, activities };
  }
}
