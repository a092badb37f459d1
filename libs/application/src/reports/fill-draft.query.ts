import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { chinaDateOf, DEFAULT_COMPLIANCE_RULES, RULE_VERSION } from '../../../domain/src';
import { fillDraft, metricSourceOf, ReportFacts, type DraftFormat, type FilledDraft } from '../../../report/src';
import type { Ledger } from '../ledger';
import { parseAsOf } from '../queries/as-of';
import { requireOrg, requireYear } from '../queries/query-inputs';
import { viewAt } from '../queries/view-at';
import { Clock, CLOCK, LEDGER } from '../tokens';

export interface FillDraftInput {
  orgId: string;
  year: number | string;
  rollup?: boolean;
  asOf?: string;
  format: DraftFormat;
  content: Buffer;
}

/**
 * Fills a secretary's own draft from the org's figures of the year (with its 党小组; the whole
 * subtree with roll-up), read from the projections or an as-of replay.
 */
export class FillDraftQuery extends Query<FilledDraft> {
  constructor(readonly input: FillDraftInput) {
    super();
  }
}

@QueryHandler(FillDraftQuery)
export class FillDraftHandler implements IQueryHandler<FillDraftQuery> {
  constructor(
    @Inject(LEDGER) private readonly ledger: Ledger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input }: FillDraftQuery): Promise<FilledDraft> {
    const year = requireYear(input.year);
    const asOf = parseAsOf(input.asOf);
    const view = await viewAt(this.ledger, asOf, input.orgId);
    await requireOrg(view, input.orgId);
    const facts = await ReportFacts.load(view, {
      orgId: input.orgId,
      year,
      today: chinaDateOf(asOf ?? this.clock.now()),
      rules: DEFAULT_COMPLIANCE_RULES,
      ruleVersion: RULE_VERSION,
    }, { tallyOnly: true });
    const metrics = facts.tally(input.orgId, Boolean(input.rollup), facts.period(undefined));
    return fillDraft(input.format, input.content, metricSourceOf(metrics));
  }
}
