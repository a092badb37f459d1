import type { IssueList } from '../../errors';
import type { OrgDoc } from '../../state';
import { orgLabel } from './membership';

/**
 * The org a command acts on, when it exists and is not dissolved; otherwise records why not.
 * `id` null means the id itself was missing (already reported).
 */
export function checkLiveOrg(issues: IssueList, field: string, id: string | null, org: OrgDoc | undefined): OrgDoc | undefined {
  if (id === null) return undefined;
  if (org === undefined) {
    issues.add(field, `组织 ${id} 不存在`, `org ${id} does not exist`);
    return undefined;
  }
  if (org.dissolvedOn !== null) {
    issues.add(field, `组织${orgLabel(org)}已于 ${org.dissolvedOn} 撤销`, `org ${id} was dissolved on ${org.dissolvedOn}`);
    return undefined;
  }
  return org;
}
