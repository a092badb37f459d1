import type { CivilDate } from '../../../domain/src/civil-date';
import { memberLabel, wasMemberOn } from '../../../domain/src/commands/validation/membership';
import type { MemberDoc } from '../../../domain/src/state';
import { nameWithId } from './name-list';

/** Every member the ledger knows, by id and by name (spaces removed: “王 芳” is 王芳). */
export interface RosterIndex {
  byId: ReadonlyMap<string, MemberDoc>;
  byName: ReadonlyMap<string, readonly MemberDoc[]>;
}

const nameKey = (name: string) => name.replace(/\s+/gu, '');

export function rosterIndex(members: Iterable<MemberDoc>): RosterIndex {
  const byId = new Map<string, MemberDoc>();
  const byName = new Map<string, MemberDoc[]>();
  for (const m of members) {
    byId.set(m.id, m);
    const key = nameKey(m.name);
    const list = byName.get(key);
    if (list) list.push(m);
    else byName.set(key, [m]);
  }
  return { byId, byName };
}

export interface NameContext {
  /** The org and its 党小组: whose members on `date` may be present, on leave or absent. */
  rosterOrgIds: ReadonlySet<string>;
  date: CivilDate;
  /** Observers (列席) may come from any org of the ledger. */
  anyOrg: boolean;
  /** How the org is called in messages. */
  orgName: string;
}

export interface NameIssue {
  message: string;
  messageEn: string;
}

export interface NameCellMatch {
  memberIds: string[];
  issues: NameIssue[];
}

function onRoster(member: MemberDoc, ctx: NameContext): boolean {
  return ctx.anyOrg || wasMemberOn(member, ctx.rosterOrgIds, ctx.date);
}

function notOnRoster(member: MemberDoc, ctx: NameContext): NameIssue {
  return {
    message: `${memberLabel(member)}在 ${ctx.date} 不是${ctx.orgName}的党员`,
    messageEn: `member ${member.id} was not a member of the org on ${ctx.date}`,
  };
}

function byExplicitId(index: RosterIndex, name: string, id: string, ctx: NameContext, out: NameCellMatch): void {
  const member = index.byId.get(id);
  if (member === undefined) {
    out.issues.push({ message: `党员编号 ${id} 不存在（${name}）`, messageEn: `member id ${id} does not exist` });
  } else if (nameKey(member.name) !== nameKey(name)) {
    out.issues.push({ message: `党员编号 ${id} 是${member.name}，不是${name}`, messageEn: `member ${id} is ${member.name}, not ${name}` });
  } else if (!onRoster(member, ctx)) {
    out.issues.push(notOnRoster(member, ctx));
  } else {
    out.memberIds.push(member.id);
  }
}

/** One name: the namesake on the roster that day, never a guess among several. */
function byName(index: RosterIndex, name: string, ctx: NameContext, out: NameCellMatch): void {
  const all = index.byName.get(nameKey(name)) ?? [];
  const here = all.filter((m) => onRoster(m, ctx));
  if (here.length === 1) {
    out.memberIds.push(here[0].id);
    return;
  }
  if (here.length > 1) {
    const labels = here.map(memberLabel).join('、');
    out.issues.push({
      message: `有多名同名党员：${labels}，请写成“${name}（编号）”以示区分`,
      messageEn: `several members are called ${name}: write ${name}(member id)`,
    });
    return;
  }
  if (all.length > 0) {
    out.issues.push(notOnRoster(all[0], ctx));
    return;
  }
  // A member id typed instead of a name is fine too.
  const byId = index.byId.get(name);
  if (byId !== undefined) {
    if (onRoster(byId, ctx)) out.memberIds.push(byId.id);
    else out.issues.push(notOnRoster(byId, ctx));
    return;
  }
  out.issues.push({
    message: ctx.anyOrg ? `名册中没有“${name}”` : `名册中没有“${name}”（${ctx.orgName}在 ${ctx.date} 的党员中找不到此人）`,
    messageEn: `no member named ${name}`,
  });
}

/**
 * Member ids for the names of one cell, checked against the roster as of the activity date
 * (members' stints). Unknown, absent-that-day and ambiguous names are issues, never dropped.
 */
export function matchNameCell(index: RosterIndex, names: readonly string[], ctx: NameContext): NameCellMatch {
  const out: NameCellMatch = { memberIds: [], issues: [] };
  for (const text of names) {
    const tagged = nameWithId(text);
    if (tagged) {
      byExplicitId(index, tagged.name, tagged.id, ctx, out);
      continue;
    }
    if (!/\s/u.test(text) || index.byName.has(nameKey(text))) {
      byName(index, text, ctx, out);
      continue;
    }
    // “张三 李四”: several names separated by spaces, since no one is called 张三李四.
    for (const part of text.split(/\s+/u)) if (part !== '') byName(index, part, ctx, out);
  }
  return out;
}
