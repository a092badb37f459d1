import { IssueList } from '../errors';
import { ORGANIZATION_DISSOLVED } from '../events/organization-dissolved';
import type { DecidedEvent } from './decided-event';
import type { DissolveOrganizationFacts } from './facts';
import { checkPastDate } from './validation/dates';
import { requireId } from './validation/ids';
import { orgLabel } from './validation/membership';
import { checkReason } from './validation/names';
import { checkLiveOrg } from './validation/org-lookup';
import { present } from './validation/present';
import type { TextInput } from './validation/text';

export interface DissolveOrganizationInput {
  orgId: TextInput;
  /** Defaults to today. */
  on?: TextInput;
  reason: TextInput;
}

/**
 * Refuses while the org still has live child orgs or current members: they would be left inside
 * an org that no longer exists, so they must be moved or transferred first.
 */
export function decideDissolveOrganization(input: DissolveOrganizationInput, facts: DissolveOrganizationFacts): DecidedEvent[] {
  const issues = new IssueList();
  const orgId = requireId(issues, 'orgId', input.orgId, '组织编号');
  const org = checkLiveOrg(issues, 'orgId', orgId, facts.org);
  const on = checkPastDate(issues, 'on', input.on, { today: facts.today, label: '撤销日期', fallback: facts.today });
  const reason = checkReason(issues, 'reason', input.reason, '撤销组织');

  if (org !== undefined) {
    if (on !== null && org.establishedOn !== null && on < org.establishedOn) {
      issues.add('on', `撤销日期 ${on} 早于组织成立日期 ${org.establishedOn}`, `dissolution date is before the org was established`);
    }
    const liveChildren = facts.children.filter((c) => c.parentId === org.id && c.dissolvedOn === null);
    if (liveChildren.length > 0) {
      const names = liveChildren.map(orgLabel).join('、');
      issues.add('orgId', `组织${orgLabel(org)}还有下级组织${names}，请先撤销或调整这些组织`, `org still has ${liveChildren.length} live child org(s)`);
    }
    const current = facts.members.filter((m) => m.orgId === org.id);
    if (current.length > 0) {
      const ids = current.map((m) => m.id).join('、');
      issues.add('orgId', `组织${orgLabel(org)}还有 ${current.length} 名党员（${ids}），请先办理组织关系转接`, `org still has ${current.length} current member(s)`);
    }
  }

  issues.throwIfAny();
  return [{ type: ORGANIZATION_DISSOLVED, data: { orgId: present(org).id, on: present(on), reason: present(reason) } }];
}
