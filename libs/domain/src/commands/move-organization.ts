import { IssueList } from '../errors';
import { ORGANIZATION_MOVED } from '../events/organization-moved';
import type { DecidedEvent } from './decided-event';
import type { MoveOrganizationFacts } from './facts';
import { requireId } from './validation/ids';
import { orgLabel } from './validation/membership';
import { checkLiveOrg } from './validation/org-lookup';
import { checkPlacement } from './validation/org-placement';
import { present } from './validation/present';
import { cleanText, TextInput } from './validation/text';

export interface MoveOrganizationInput {
  orgId: TextInput;
  /** The new parent; empty makes the org a root (not allowed for a 党小组). */
  parentId: TextInput;
}

export function decideMoveOrganization(input: MoveOrganizationInput, facts: MoveOrganizationFacts): DecidedEvent[] {
  const issues = new IssueList();
  const orgId = requireId(issues, 'orgId', input.orgId, '组织编号');
  const org = checkLiveOrg(issues, 'orgId', orgId, facts.org);
  const parentId = cleanText(input.parentId);

  if (org !== undefined) {
    if (parentId === org.parentId) {
      const where = parentId === null ? '已是顶级组织' : `已隶属于 ${parentId}`;
      issues.add('parentId', `组织${orgLabel(org)}${where}，无需调整`, 'the org already has this parent');
    } else if (parentId !== null && (parentId === org.id || facts.parentAncestorIds.includes(org.id))) {
      issues.add('parentId', `不能把组织${orgLabel(org)}调整到它自己或它的下级组织之下`, 'moving under itself or a descendant would make a cycle');
    } else {
      checkPlacement(issues, org.kind, parentId, facts.parent);
    }
  }

  issues.throwIfAny();
  const moved = present(org);
  return [{ type: ORGANIZATION_MOVED, data: { orgId: moved.id, parentId, previousParentId: moved.parentId } }];
}
