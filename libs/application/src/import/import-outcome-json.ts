import type { ImportNotice, ImportProblem } from '../../../ledger-io/src/import';
import type { ImportPlan } from './plan-import';
import type { ImportOutcome } from './run-import';

/** An import's answer as JSON, the same from `taizhang import --json` and the API. */
export interface ImportOutcomeJson {
  file: string;
  org: string;
  sheets: string[];
  dryRun: boolean;
  strict: boolean;
  rows: number;
  ready: number;
  imported: number;
  alreadyImported: number;
  problemRows: number;
  refused: boolean;
  problems: ImportProblem[];
  notices: ImportNotice[];
}

export function importOutcomeJson(
  plan: ImportPlan,
  options: { orgId: string; dryRun: boolean; strict: boolean },
  outcome: Pick<ImportOutcome, 'imported' | 'alreadyImported' | 'refused'>,
): ImportOutcomeJson {
  return {
    file: plan.source.file.name,
    org: options.orgId,
    sheets: plan.source.sheets.map((s) => s.sheet),
    dryRun: options.dryRun,
    strict: options.strict,
    rows: plan.rows,
    ready: plan.ready.length,
    imported: outcome.imported,
    alreadyImported: outcome.alreadyImported,
    problemRows: plan.problemRows,
    refused: outcome.refused,
    problems: plan.problems,
    notices: plan.notices,
  };
}
