import { IssueList } from '../errors';
import { ORGANIZATION_REGISTERED } from '../events/organization-registered';
import type { DecidedEvent } from './decided-event';
import type { RegisterOrganizationFacts } from './facts';
import { checkNewId } from './validation/ids';
import { checkPastDate } from './validation/dates';
import { orgLabel } from './validation/membership';
import { checkName } from './validation/names';
import { orgKindChoices, resolveOrgKind } from './validation/org-kind-input';
import { checkPlacement } from './validation/org-placement';
import { present } from './validation/present';
import { cleanText, TextInput } from './validation/text';

export interface RegisterOrganizationInput {
  id: TextInput;
  name: TextInput;
  /** An OrgKind id or its Chinese name (党委, 党组, 党总支, 党支部, 党小组). */
  kind: TextInput;
  parentId?: TextInput;
  establishedOn?: TextInput;
}

export function decideRegisterOrganization(input: RegisterOrganizationInput, facts: RegisterOrganizationFacts): DecidedEvent[] {
  const issues = new IssueList();
  const id = checkNewId(issues, 'id', input.id, '组织编号');
  if (id !== null && facts.existing !== undefined) {
    issues.add('id', `组织编号 ${id} 已被${orgLabel(facts.existing)}使用`, `org id ${id} is already taken`);
  }
  const name = checkName(issues, 'name', input.name, '组织名称');

  const kindText = cleanText(input.kind);
  const kind = resolveOrgKind(kindText);
  if (kindText === null) {
    issues.add('kind', `请填写组织类型（${orgKindChoices()}）`, 'kind is required');
  } else if (kind === undefined) {
    issues.add('kind', `未知的组织类型：${kindText}（可选：${orgKindChoices()}）`, `unknown org kind: ${kindText}`);
  }

  const parentId = cleanText(input.parentId);
  if (parentId !== null && parentId === id) {
    issues.add('parentId', '组织不能隶属于自己', 'an org cannot be its own parent');
  } else if (kind !== undefined) {
    checkPlacement(issues, kind, parentId, facts.parent);
  }

  const establishedOn = cleanText(input.establishedOn) === null
    ? null
    : checkPastDate(issues, 'establishedOn', input.establishedOn, { today: facts.today, label: '成立日期' });

  issues.throwIfAny();
  return [
    {
      type: ORGANIZATION_REGISTERED,
      data: { orgId: present(id), name: present(name), kind: present(kind), parentId, establishedOn },
    },
  ];
}
