import { activitySheet, threeMeetingsSheets, voidedSheet } from './activity-sheets';
import type { ExportNames } from './activity-rows';
import { complianceSheet } from './compliance-sheet';
import type { LedgerExportData } from './export-data';
import { memberAttendanceSheet } from './member-attendance-sheet';
import { monthlySummarySheet } from './monthly-summary-sheet';
import type { SheetSpec } from './sheet-spec';

/** Ids to names from what the export read; an unknown id is shown as itself. */
export function exportNames(data: Pick<LedgerExportData, 'members' | 'orgNames'>): ExportNames {
  const members = new Map(data.members.map((m) => [m.id, m.name]));
  return {
    member: (id) => members.get(id) ?? id,
    org: (id) => data.orgNames.get(id) ?? id,
  };
}

/** The workbook's sheets, in the order a reader wants them. */
export function ledgerSheets(data: LedgerExportData): SheetSpec[] {
  const names = exportNames(data);
  return [
    activitySheet(data.activities, names, data.rollup),
    voidedSheet(data.voided, names, data.rollup),
    ...threeMeetingsSheets(data.activities, names, data.rollup),
    monthlySummarySheet(data.activities),
    memberAttendanceSheet({ activities: data.activities, members: data.members, scopeOrgIds: data.rosterOrgIds, year: data.year, names }),
    complianceSheet(data.compliance, names),
  ];
}
