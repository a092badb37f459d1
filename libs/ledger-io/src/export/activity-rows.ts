import type { ActivityDoc } from '../../../domain/src';
import { formatQuantity, LEDGER_COLUMNS, LIST_SEPARATOR, type LedgerColumnKey } from '../ledger-columns';
import { kindsCell, qualifierName } from './kind-labels';
import { civilDateCell, type SheetCell, type SheetColumn } from './sheet-spec';

/** How ids become names on a sheet; an id nobody knows stays as it is, never vanishes. */
export interface ExportNames {
  member(id: string): string;
  org(id: string): string;
}

const NUMBER_COLUMNS: ReadonlySet<LedgerColumnKey> = new Set(['expected', 'present', 'hours']);

/** The 活动台账 columns, in the shared order; 组织 only when the export covers several orgs. */
export function activityColumnKeys(rollup: boolean): LedgerColumnKey[] {
  return LEDGER_COLUMNS.map((c) => c.key).filter((key) => rollup || key !== 'org');
}

export function activityColumns(rollup: boolean): SheetColumn[] {
  return activityColumnKeys(rollup).map((key) => ({
    header: LEDGER_COLUMNS.find((c) => c.key === key)?.header ?? key,
    type: key === 'date' ? 'date' : NUMBER_COLUMNS.has(key) ? 'number' : 'text',
  }));
}

/**
 * One activity as the importer reads it back: 参会人员, 请假 and 缺席 name people (列席 observers
 * count for nothing and are left out); 应到 is filled only when names are kept; 实到 is the named
 * count, else the bare headcount (the rule the tally counts attendance by, so a re-import
 * tallies the same).
 */
export function activityCells(activity: ActivityDoc, names: ExportNames): Record<LedgerColumnKey, SheetCell> {
  const d = activity.details;
  const named = d.attendees.length > 0;
  const distinct = (status: string) => [...new Set(d.attendees.filter((a) => a.status === status).map((a) => a.memberId))];
  const present = distinct('present');
  const leave = distinct('leave');
  const absent = distinct('absent');
  return {
    org: names.org(activity.orgId),
    date: civilDateCell(d.date),
    kinds: kindsCell(d),
    qualifier: qualifierName(d.kinds, d.qualifier),
    title: d.title,
    place: d.place,
    host: d.host,
    speaker: d.speaker,
    attendees: nameList(present, names),
    expected: named ? present.length + leave.length + absent.length : null,
    present: named ? present.length : d.headcount,
    leave: nameList(leave, names),
    absent: nameList(absent, names),
    hours: d.hours,
    groups: d.groups.length > 0 ? d.groups.map((id) => names.org(id)).join(LIST_SEPARATOR) : null,
    quantities: d.quantities.length > 0 ? d.quantities.map(formatQuantity).join(LIST_SEPARATOR) : null,
    note: d.note,
    id: activity.id,
  };
}

function nameList(memberIds: readonly string[], names: ExportNames): string | null {
  return memberIds.length > 0 ? memberIds.map((id) => names.member(id)).join(LIST_SEPARATOR) : null;
}

export function activityRow(activity: ActivityDoc, names: ExportNames, rollup: boolean): SheetCell[] {
  const cells = activityCells(activity, names);
  return activityColumnKeys(rollup).map((key) => cells[key]);
}
