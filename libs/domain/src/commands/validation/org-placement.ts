import type { IssueList } from '../../errors';
import { ORG_KIND_INFO, OrgKind } from '../../catalog/org-kinds';
import type { OrgDoc } from '../../state';
import { orgLabel } from './membership';

/**
 * Checks that an org of `kind` may sit under `parent` (or at the root when parentId is null).
 * Any kind may be a root except 党小组, which only exists inside a branch.
 */
export function checkPlacement(
  issues: IssueList,
  kind: OrgKind,
  parentId: string | null,
  parent: OrgDoc | undefined,
): void {
  const info = ORG_KIND_INFO[kind];
  if (parentId === null) {
    if (kind === 'group') {
      issues.add('parentId', `${info.name}必须隶属于上级组织（党支部或党总支），请填写上级组织`, 'a group needs a parent org');
    }
    return;
  }
  if (parent === undefined) {
    issues.add('parentId', `上级组织 ${parentId} 不存在`, `parent org ${parentId} does not exist`);
    return;
  }
  if (parent.dissolvedOn !== null) {
    issues.add('parentId', `上级组织${orgLabel(parent)}已于 ${parent.dissolvedOn} 撤销`, `parent org ${parent.id} is dissolved`);
    return;
  }
  if (!info.parentKinds.includes(parent.kind)) {
    const allowed = info.parentKinds.map((k) => ORG_KIND_INFO[k].name).join('或');
    issues.add(
      'parentId',
      `${info.name}不能隶属于${ORG_KIND_INFO[parent.kind].name}${orgLabel(parent)}（上级应为${allowed}）`,
      `a ${kind} cannot sit under a ${parent.kind}`,
    );
  }
}
