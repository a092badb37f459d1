import type { ActivityDetails } from '../../activity';
import type { IssueList } from '../../errors';
import type { OrgDoc } from '../../state';
import type { ActivityFacts } from '../facts';
import { checkPastDate } from '../validation/dates';
import { orgLabel } from '../validation/membership';
import { cleanText } from '../validation/text';
import type { ActivityFieldsInput } from './activity-input';
import { resolveHeadcount, resolveHours, resolveQuantities } from './amounts-input';
import { resolveAttendance } from './attendance-input';
import { groupsOf, resolveGroups } from './groups-input';
import { resolveKinds, resolveQualifier } from './kinds-input';

/**
 * Validates a whole activity record and normalises it into ActivityDetails: strings trimmed
 * (empty → null), kinds as ids in catalog order, qualifier as an id, attendees with statuses.
 * Every problem goes to `issues`; the returned details are only meaningful when none were added.
 * `orgId` null means it was missing (already reported by the caller).
 */
export function normalizeActivity(
  issues: IssueList,
  input: ActivityFieldsInput,
  orgId: string | null,
  facts: ActivityFacts,
): ActivityDetails {
  const org = orgId === null ? undefined : facts.org;
  if (orgId !== null && org === undefined) issues.add('orgId', `组织 ${orgId} 不存在`, `org ${orgId} does not exist`);

  const date = checkPastDate(issues, 'date', input.date, { today: facts.today, label: '活动日期' });
  if (org !== undefined && date !== null) checkOrgAliveOn(issues, org, date);

  const resolved = resolveKinds(issues, input.kinds, org);
  const kinds = resolved.kinds.map((k) => k.id);
  const qualifier = resolveQualifier(issues, input.qualifier, resolved);

  const groups = org === undefined ? [] : groupsOf(org, facts.childGroups);
  const rosterOrgIds = org === undefined ? null : new Set([org.id, ...groups.map((g) => g.id)]);
  const attendees = resolveAttendance(issues, input, { members: facts.members, rosterOrgIds, date });

  const headcount = resolveHeadcount(issues, input.headcount);
  const present = attendees.reduce((n, a) => (a.status === 'present' ? n + 1 : n), 0);
  if (headcount !== null && headcount < present) {
    issues.add('headcount', `实到人数 ${headcount} 少于出席名单中的 ${present} 人`, `headcount ${headcount} is below the ${present} named present`);
  }

  return {
    date: date ?? '',
    kinds,
    qualifier,
    title: cleanText(input.title),
    place: cleanText(input.place),
    host: cleanText(input.host),
    speaker: cleanText(input.speaker),
    attendees,
    headcount,
    hours: resolveHours(issues, input.hours),
    quantities: resolveQuantities(issues, input.quantity, input.unit, input.item),
    groups: resolveGroups(issues, input.groups, org, groups, date, kinds),
    note: cleanText(input.note),
  };
}

function checkOrgAliveOn(issues: IssueList, org: OrgDoc, date: string): void {
  if (org.dissolvedOn !== null && org.dissolvedOn <= date) {
    issues.add('orgId', `组织${orgLabel(org)}已于 ${org.dissolvedOn} 撤销，不能登记 ${date} 的活动`, `org ${org.id} was dissolved on ${org.dissolvedOn}`);
  }
}
