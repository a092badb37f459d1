import type { CivilDate } from '../../civil-date';
import type { MemberDoc, MembershipPeriod, OrgDoc } from '../../state';

/** The open stint of a current member; undefined after leaving. */
export function currentPeriod(member: MemberDoc): MembershipPeriod | undefined {
  const last = member.periods[member.periods.length - 1];
  return last !== undefined && last.to === null ? last : undefined;
}

/** Whether the member belonged to one of these orgs on that date (stints run from ≤ date < to). */
export function wasMemberOn(member: MemberDoc, orgIds: ReadonlySet<string>, date: CivilDate): boolean {
  for (const p of member.periods) {
    if (orgIds.has(p.orgId) && p.from <= date && (p.to === null || date < p.to)) return true;
  }
  return false;
}

/** How an org is named in messages: its Chinese name and id. */
export function orgLabel(org: OrgDoc): string {
  return `“${org.name}”（${org.id}）`;
}

export function memberLabel(member: MemberDoc): string {
  return `${member.name}（${member.id}）`;
}
