import { IssueList } from '../errors';
import { ORGANIZATION_RENAMED } from '../events/organization-renamed';
import type { DecidedEvent } from './decided-event';
import type { RenameOrganizationFacts } from './facts';
import { requireId } from './validation/ids';
import { checkName } from './validation/names';
import { checkLiveOrg } from './validation/org-lookup';
import { present } from './validation/present';
import type { TextInput } from './validation/text';

export interface RenameOrganizationInput {
  orgId: TextInput;
  name: TextInput;
}

export function decideRenameOrganization(input: RenameOrganizationInput, facts: RenameOrganizationFacts): DecidedEvent[] {
  const issues = new IssueList();
  const orgId = requireId(issues, 'orgId', input.orgId, '组织编号');
  const org = checkLiveOrg(issues, 'orgId', orgId, facts.org);
  const name = checkName(issues, 'name', input.name, '新名称');
  if (org !== undefined && name !== null && name === org.name) {
    issues.add('name', `新名称与现名称相同：${name}`, 'the new name equals the current one');
  }
  issues.throwIfAny();
  const current = present(org);
  return [{ type: ORGANIZATION_RENAMED, data: { orgId: current.id, name: present(name), previousName: current.name } }];
}
