import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ValidationError } from '../../../domain/src';
import { findLateEntries, LateEntriesResult } from '../../../projections/src/queries';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';
import { parseAsOf } from './as-of';
import { requireOrg, requireYear } from './query-inputs';
import { viewAt } from './view-at';

export interface LateEntriesInput {
  orgId: string;
  year: number | string;
  days?: number | string;
  rollup?: boolean;
  asOf?: string;
}

export class LateEntriesQuery extends Query<LateEntriesResult> {
  constructor(readonly input: LateEntriesInput) {
    super();
  }
}

@QueryHandler(LateEntriesQuery)
export class LateEntriesHandler implements IQueryHandler<LateEntriesQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ input }: LateEntriesQuery): Promise<LateEntriesResult> {
    const year = requireYear(input.year);
    const days = input.days === undefined ? 30 : Number(input.days);
    if (!Number.isInteger(days) || days < 0) {
      throw ValidationError.of('days', `天数必须是非负整数：${String(input.days)}`, `days must be a non-negative integer: ${String(input.days)}`);
    }
    const view = await viewAt(this.ledger, parseAsOf(input.asOf), input.orgId);
    await requireOrg(view, input.orgId);
    return findLateEntries(view, { orgId: input.orgId, year, days, rollup: Boolean(input.rollup) });
  }
}
