import type { ImportOutcome, ImportPlan } from '../../../../../libs/application/src/import';
import { ACTIVITY_LOGGED } from '../../../../../libs/domain/src';
import type { ImportNotice, ImportProblem } from '../../../../../libs/ledger-io/src/import';
import { attendanceSummary } from '../activities/activity-text';
import { queryString } from '../form-values';
import { kindNames, qualifierName } from '../labels';

/** Rows of the preview table: enough to recognise the file, not the whole of it. */
export const PREVIEW_ROWS = 20;
/** Problems listed on a page (a broken file can have tens of thousands; the API returns them all). */
export const PROBLEMS_SHOWN = 500;

export interface ProblemRow {
  sheet: string;
  row: string;
  column: string;
  reason: string;
}

function problemRow(p: ImportProblem): ProblemRow {
  return {
    sheet: p.sheet,
    row: p.row === null ? '—' : String(p.row),
    column: p.column === null ? '—' : `${p.column}${p.columnLetter ? `（${p.columnLetter}列）` : ''}`,
    reason: p.message,
  };
}

function noticeText(n: ImportNotice): string {
  return `工作表“${n.sheet}”${n.row !== null ? `第 ${n.row} 行` : ''}：${n.message}`;
}

/** What the preview and the result pages both show: counts, problems and notices. */
function outcomeParts(plan: ImportPlan) {
  return {
    fileName: plan.source.file.name,
    sheets: plan.source.sheets.map((s) => s.sheet).join('、'),
    rows: plan.rows,
    problemRows: plan.problemRows,
    problemCount: plan.problems.length,
    problems: plan.problems.slice(0, PROBLEMS_SHOWN).map(problemRow),
    problemsHidden: Math.max(0, plan.problems.length - PROBLEMS_SHOWN),
    notices: plan.notices.map(noticeText),
  };
}

/** The first activities a confirm would append, as the ledger will show them. */
function sampleRows(plan: ImportPlan) {
  return plan.ready.slice(0, PREVIEW_ROWS).map((a) => {
    const details = a.event.type === ACTIVITY_LOGGED ? a.event.data.activity : null;
    return {
      row: a.ref.row,
      sheet: a.ref.sheet,
      orgId: a.orgId,
      date: details?.date ?? '',
      kinds: details ? kindNames(details.kinds) : '',
      combined: (details?.kinds.length ?? 0) > 1,
      qualifier: details ? qualifierName(details.kinds, details.qualifier) : null,
      title: details?.title ?? '',
      attendance: details ? attendanceSummary(details) : '',
      hours: details?.hours === null || details?.hours === undefined ? '' : String(details.hours),
    };
  });
}

export function previewModel(plan: ImportPlan, input: { token: string; orgId: string; strict: boolean }) {
  const ready = plan.ready.length;
  const refusedByStrict = input.strict && plan.problems.length > 0;
  return {
    ...outcomeParts(plan),
    token: input.token,
    strict: input.strict,
    ready,
    already: plan.already.length,
    sample: sampleRows(plan),
    sampleMore: Math.max(0, ready - PREVIEW_ROWS),
    canConfirm: ready > 0 && !refusedByStrict,
    refusedByStrict,
    backLink: `/ledger${queryString({ org: input.orgId })}`,
    againLink: `/imports/new${queryString({ org: input.orgId })}`,
  };
}

/** The year the imported rows mostly fall in: where the 台账 link leads. */
function yearOf(plan: ImportPlan): number | null {
  const counts = new Map<number, number>();
  for (const a of [...plan.ready]) {
    const date = a.event.type === ACTIVITY_LOGGED ? a.event.data.activity.date : '';
    const year = Number(date.slice(0, 4));
    if (year > 0) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = year;
  return best;
}

export function resultModel(outcome: ImportOutcome, input: { orgId: string; strict: boolean }) {
  const plan = outcome.plan;
  return {
    ...outcomeParts(plan),
    strict: input.strict,
    imported: outcome.imported,
    already: outcome.alreadyImported,
    refused: outcome.refused,
    nothingNew: !outcome.refused && outcome.imported === 0,
    ledgerLink: `/ledger${queryString({ org: input.orgId, year: yearOf(plan) })}`,
    againLink: `/imports/new${queryString({ org: input.orgId })}`,
  };
}
