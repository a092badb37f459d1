import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { chinaDateOf } from '../../../domain/src';
import { compileReport, loadTemplate, reportCompiledData, type CompiledReport } from '../../../report/src';
import type { CommandMeta } from '../command-meta';
import { RecordReportCommand } from '../commands/report.commands';
import type { Ledger } from '../ledger';
import { timeOrderedUuid } from '../new-event';
import { parseAsOf } from '../queries/as-of';
import { requireOrg, requireYear } from '../queries/query-inputs';
import { viewAt } from '../queries/view-at';
import { Clock, CLOCK, LEDGER } from '../tokens';

export const REPORT_FORMATS = ['md', 'html', 'docx', 'json', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface CompileReportInput {
  orgId: string;
  year: number | string;
  template: string;
  /** A secretary's own templates folder, searched before the built-in one. */
  templatesDir?: string;
  rollup?: boolean;
  /** Kinds the user confirms did not happen: their blanks become 0. */
  zeroOk?: readonly string[];
  asOf?: string;
  /** Recorded with the report (the figures do not depend on it). */
  format: ReportFormat;
}

/**
 * Compiles a year-end report from the projections (or an as-of replay) and records it as a
 * `ReportCompiled` event, so the report can be listed and re-verified later. Returns the report
 * with the id it was recorded under.
 */
export class CompileReportCommand extends Command<CompiledReport> {
  constructor(
    readonly input: CompileReportInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(CompileReportCommand)
export class CompileReportHandler implements ICommandHandler<CompileReportCommand> {
  constructor(
    @Inject(LEDGER) private readonly ledger: Ledger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandBus,
  ) {}

  async execute({ input, meta }: CompileReportCommand): Promise<CompiledReport> {
    const year = requireYear(input.year);
    const asOf = parseAsOf(input.asOf);
    const template = loadTemplate(input.template, input.templatesDir);
    const view = await viewAt(this.ledger, asOf, input.orgId);
    await requireOrg(view, input.orgId);
    const now = this.clock.now();
    const report = await compileReport({
      view,
      store: this.ledger.store,
      orgId: input.orgId,
      year,
      template,
      rollup: Boolean(input.rollup),
      zeroOk: input.zeroOk,
      today: chinaDateOf(asOf ?? now),
      compiledAt: now.toISOString(),
      asOfInstant: asOf ?? null,
    });
    const reportId = timeOrderedUuid(now.getTime());
    await this.commands.execute(new RecordReportCommand(reportCompiledData(report, reportId, input.format), meta));
    return { ...report, reportId };
  }
}
