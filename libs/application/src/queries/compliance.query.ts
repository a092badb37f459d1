import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { chinaDateOf } from '../../../domain/src';
import { computeCompliance, ComplianceResult } from '../../../projections/src/queries';
import type { Ledger } from '../ledger';
import { Clock, CLOCK, LEDGER } from '../tokens';
import { parseAsOf } from './as-of';
import { requireOrg, requireYear } from './query-inputs';
import { viewAt } from './view-at';

export interface ComplianceInput {
  orgId: string;
  year: number | string;
  asOf?: string;
}

export class ComplianceQuery extends Query<ComplianceResult> {
  constructor(readonly input: ComplianceInput) {
    super();
  }
}

@QueryHandler(ComplianceQuery)
export class ComplianceHandler implements IQueryHandler<ComplianceQuery> {
  constructor(
    @Inject(LEDGER) private readonly ledger: Ledger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input }: ComplianceQuery): Promise<ComplianceResult> {
    const year = requireYear(input.year);
    const asOf = parseAsOf(input.asOf);
    const view = await viewAt(this.ledger, asOf, input.orgId);
    await requireOrg(view, input.orgId);
    // "Today" for pending periods: the as-of instant when replaying, else now.
    const today = chinaDateOf(asOf ?? this.clock.now());
    return computeCompliance(view, { orgId: input.orgId, year, today });
  }
}
