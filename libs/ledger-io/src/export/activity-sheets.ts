import type { ActivityDoc } from '../../../domain/src';
import { activityColumns, activityRow, type ExportNames } from './activity-rows';
import { THREE_MEETINGS_ONE_LESSON } from './kind-labels';
import type { SheetSpec } from './sheet-spec';

export const ACTIVITY_SHEET_NAME = '活动台账';
export const VOIDED_SHEET_NAME = '已作废';

/** Every live activity, date order: the sheet the importer reads back. */
export function activitySheet(activities: readonly ActivityDoc[], names: ExportNames, rollup: boolean): SheetSpec {
  return { name: ACTIVITY_SHEET_NAME, columns: activityColumns(rollup), rows: activities.map((a) => activityRow(a, names, rollup)) };
}

/** One sheet per kind of 三会一课: the same columns, the activities carrying that kind. */
export function threeMeetingsSheets(activities: readonly ActivityDoc[], names: ExportNames, rollup: boolean): SheetSpec[] {
  return THREE_MEETINGS_ONE_LESSON.map(({ kind, sheetName }) => ({
    name: sheetName,
    columns: activityColumns(rollup),
    rows: activities.filter((a) => a.details.kinds.includes(kind)).map((a) => activityRow(a, names, rollup)),
  }));
}

/**
 * Voided activities as they last stood, with why, when and by whom they were voided. Its columns
 * start like 活动台账's, but it has its own name so an import of the workbook never takes it.
 */
export function voidedSheet(voided: readonly ActivityDoc[], names: ExportNames, rollup: boolean): SheetSpec {
  return {
    name: VOIDED_SHEET_NAME,
    columns: [...activityColumns(rollup), { header: '作废原因', type: 'text' }, { header: '作废时间', type: 'text' }, { header: '作废人', type: 'text' }],
    rows: voided.map((a) => {
      const voiding = [...a.revisions].reverse().find((r) => r.type === 'ActivityVoided');
      return [...activityRow(a, names, rollup), voiding?.reason ?? null, voiding ? chinaTime(voiding.recordedAt) : null, voiding?.actor ?? null];
    }),
  };
}

/** An instant as China time, `2021-06-01 10:00`, which is how users read it. */
export function chinaTime(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
