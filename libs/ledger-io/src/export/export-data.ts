import type { ActivityDoc, CivilDate, MemberDoc, OrgDoc } from '../../../domain/src';
import type { LedgerView } from '../../../projections/src/ledger-view';
import { childrenIndex, groupsOf, loadScope } from '../../../projections/src/org-tree';
import { resolvePeriod } from '../../../projections/src/tally/compute-tally';
import { computeCompliance, computeComplianceTree } from '../../../projections/src/compliance/compute-compliance';
import type { ComplianceResult } from '../../../projections/src/compliance/compliance-result';

export interface LedgerExportQuery {
  orgId: string;
  year: number;
  /** Include every org beneath (the sheets then carry a 组织 column). */
  rollup: boolean;
  /** Decides which compliance periods are still open (进行中). */
  today: CivilDate;
}

/** Everything the sheets are built from, read once. */
export interface LedgerExportData {
  root: OrgDoc;
  /** The orgs covered: the root alone, or its subtree in tree order. */
  scope: OrgDoc[];
  year: number;
  rollup: boolean;
  /** Live activities (corrections applied), date order. */
  activities: ActivityDoc[];
  voided: ActivityDoc[];
  /** Orgs whose members the export lists: the scope, and the root's 党小组 (its members too). */
  rosterOrgIds: string[];
  /** Members with a stint in the roster orgs, and anyone named on an activity of the scope. */
  members: MemberDoc[];
  /** Names of every org (党小组 named on a joint meeting may sit outside the scope). */
  orgNames: ReadonlyMap<string, string>;
  /** One result per org checked (the subtree's branches when rolled up). */
  compliance: ComplianceResult[];
}

/** Reads what an export needs; refuses a bad year or an unknown org with a ValidationError. */
export async function loadLedgerExport(view: LedgerView, query: LedgerExportQuery): Promise<LedgerExportData> {
  const period = resolvePeriod(query.year, undefined);
  const { root, orgs: scope } = await loadScope(view, query.orgId, query.rollup);
  const orgIds = scope.map((o) => o.id);
  const [all, allOrgs] = await Promise.all([view.listActivities(orgIds, period.from, period.to, { includeVoided: true }), view.listOrgs()]);
  const rosterOrgIds = [...new Set([...orgIds, ...groupsOf(childrenIndex(allOrgs), root.id).map((g) => g.id)])];
  const members = await view.listMembers(rosterOrgIds);
  const known = new Set(members.map((m) => m.id));
  for (const activity of all) {
    for (const attendee of activity.details.attendees) {
      if (known.has(attendee.memberId)) continue;
      known.add(attendee.memberId);
      const member = await view.getMember(attendee.memberId);
      if (member) members.push(member);
    }
  }
  const complianceQuery = { orgId: query.orgId, year: query.year, today: query.today };
  const compliance = query.rollup ? (await computeComplianceTree(view, complianceQuery)).orgs : [await computeCompliance(view, complianceQuery)];
  return {
    root,
    scope,
    year: query.year,
    rollup: query.rollup,
    activities: all.filter((a) => !a.voided),
    voided: all.filter((a) => a.voided),
    rosterOrgIds,
    members,
    orgNames: new Map(allOrgs.map((o) => [o.id, o.name])),
    compliance,
  };
}
