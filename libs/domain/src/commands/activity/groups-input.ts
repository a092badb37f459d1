import type { CivilDate } from '../../civil-date';
import type { IssueList } from '../../errors';
import type { OrgDoc } from '../../state';
import { orgLabel } from '../validation/membership';
import { ListInput, splitList } from '../validation/text';

export const GROUP_MEETING = 'group-meeting';

/** The org's 党小组: kind='group' children (the handler may pass every child). */
export function groupsOf(org: OrgDoc, children: readonly OrgDoc[]): OrgDoc[] {
  return children.filter((c) => c.kind === 'group' && c.parentId === org.id);
}

/**
 * Resolves 党小组 taking part (by id or name) to ids. They must be live child groups of the org on
 * the activity date, and only a 党小组会 names groups (it counts once per group).
 */
export function resolveGroups(
  issues: IssueList,
  value: ListInput,
  org: OrgDoc | undefined,
  groups: readonly OrgDoc[],
  date: CivilDate | null,
  kindIds: readonly string[],
): string[] {
  const words = splitList(value);
  if (words.length === 0) return [];
  if (!kindIds.includes(GROUP_MEETING)) {
    issues.add('groups', '填写了参加的党小组，但活动类型中没有“党小组会”', 'groups are only for a group meeting');
  }
  if (org === undefined) return [];
  const ids: string[] = [];
  for (const word of words) {
    const group = groups.find((g) => g.id === word) ?? groups.find((g) => g.name === word);
    if (group === undefined) {
      issues.add('groups', `${word} 不是${orgLabel(org)}的下属党小组`, `${word} is not a group of org ${org.id}`);
      continue;
    }
    if (date !== null && group.dissolvedOn !== null && group.dissolvedOn <= date) {
      issues.add('groups', `党小组${orgLabel(group)}已于 ${group.dissolvedOn} 撤销`, `group ${group.id} was dissolved on ${group.dissolvedOn}`);
      continue;
    }
    if (ids.includes(group.id)) {
      issues.add('groups', `党小组${orgLabel(group)}重复填写`, `group ${group.id} given twice`);
      continue;
    }
    ids.push(group.id);
  }
  return ids;
}
