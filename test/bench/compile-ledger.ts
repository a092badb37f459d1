import { ACTIVITY_LOGGED, MEMBER_ENROLLED, ORGANIZATION_REGISTERED, orgStreamId } from '../../libs/domain/src';
import type { ActivityDetails, ActivityLoggedData, MemberEnrolledData, OrganizationRegisteredData, OrgKind } from '../../libs/domain/src';
import type { NewEvent } from '../../libs/event-store/src';
import type { Ledger } from '../../libs/application/src/ledger';
import { pick, Random, randomDate, syntheticActivity } from './synthetic-activity';
import { envelope } from './synthetic-ledger';

/**
 * The ledger the compile figures read: one 机关党委 over `branches` 党支部. The first branch is the
 * realistic one a branch secretary reports on (two 党小组, 30 members, about 150 activities in the
 * year); the others are smaller (8–15 members, 20–40 activities a year, every fourth with two
 * 党小组). Every org also has a year of history before the report's year, so the year's activities
 * are read out of a table that holds more than them.
 */
export interface CompileLedgerShape {
  branches: number;
  year: number;
}

export interface CompileLedger {
  committeeId: string;
  /** The realistic branch the branch-year figure compiles. */
  branchId: string;
  year: number;
  orgs: number;
  members: number;
  /** Activities dated in the report's year, over the whole committee. */
  activitiesInYear: number;
  /** Activities of the realistic branch (and its 党小组) in the report's year. */
  branchActivitiesInYear: number;
  events: number;
}

interface PlannedOrg {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  /** Members enrolled in this org itself (a branch with groups keeps its members in them). */
  members: string[];
}

const COMMITTEE_ID = 'cmp-c';
const BATCH = 100;
const ACTOR = 'bench-compile';

/** Appends the committee, its branches, groups, members and two years of activities, stream by stream. */
export async function seedCompileLedger(ledger: Ledger, shape: CompileLedgerShape, random: Random, onProgress?: (done: number, total: number) => void): Promise<CompileLedger> {
  const { year } = shape;
  const established = `${year - 5}-01-01`;
  const streams: { org: PlannedOrg; activities: ActivityDetails[] }[] = [];
  const committee: PlannedOrg = { id: COMMITTEE_ID, name: '示范单位机关党委', kind: 'committee', parentId: null, members: [] };
  streams.push({ org: committee, activities: committeeYears(random, committee, year) });
  let branchActivitiesInYear = 0;

  for (let b = 1; b <= shape.branches; b++) {
    const realistic = b === 1;
    const branch: PlannedOrg = { id: `cmp-b${b}`, name: `第${b}党支部`, kind: 'branch', parentId: COMMITTEE_ID, members: [] };
    const memberCount = realistic ? 30 : 8 + Math.floor(random() * 8);
    const roster = Array.from({ length: memberCount }, (_, m) => `${branch.id}-m${m + 1}`);
    const groupCount = realistic || b % 4 === 0 ? 2 : 0;
    const groups: PlannedOrg[] = Array.from({ length: groupCount }, (_, g) => ({
      id: `${branch.id}-g${g + 1}`,
      name: `${branch.name}第${g === 0 ? '一' : '二'}党小组`,
      kind: 'group',
      parentId: branch.id,
      members: roster.filter((_, m) => m % groupCount === g),
    }));
    if (groups.length === 0) branch.members = roster;

    const perYear = realistic ? 150 : 20 + Math.floor(random() * 21);
    const groupMeetingsPerGroup = realistic ? 12 : 4;
    const own: ActivityDetails[] = [];
    const ofGroups: ActivityDetails[][] = groups.map(() => []);
    for (const y of [year - 1, year]) {
      groups.forEach((group, g) => {
        for (let i = 0; i < groupMeetingsPerGroup; i++) ofGroups[g].push(groupMeeting(random, group, y, i, groupMeetingsPerGroup));
      });
      const ownCount = perYear - groups.length * groupMeetingsPerGroup;
      for (let i = 0; i < ownCount; i++) own.push(syntheticActivity(random, { name: branch.name, kind: 'branch', roster }, randomDate(random, [y])));
    }
    if (realistic) branchActivitiesInYear = perYear;
    streams.push({ org: branch, activities: own });
    groups.forEach((group, g) => streams.push({ org: group, activities: ofGroups[g] }));
  }

  const total = streams.reduce((sum, s) => sum + 1 + s.org.members.length + s.activities.length, 0);
  let done = 0;
  let sequence = 0;
  let members = 0;
  let activitiesInYear = 0;
  for (const { org, activities } of streams) {
    const setup: NewEvent[] = [
      envelope<OrganizationRegisteredData>(ORGANIZATION_REGISTERED, { orgId: org.id, name: org.name, kind: org.kind, parentId: org.parentId, establishedOn: established }, ACTOR, `${established}T02:00:00.000Z`),
      ...org.members.map((memberId, i) =>
        envelope<MemberEnrolledData>(
          MEMBER_ENROLLED,
          { memberId, orgId: org.id, name: `党员${memberId.slice(4)}`, status: i % 12 === 11 ? 'probationary' : 'full', since: established },
          ACTOR,
          `${established}T03:00:00.000Z`,
        ),
      ),
    ];
    const stream = orgStreamId(org.id);
    await ledger.store.appendToStream(stream, setup, 0);
    let version = setup.length;
    members += org.members.length;
    // In the order a secretary logs them: by date, recorded the next day.
    const logged = activities
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((details) => {
        if (details.date.startsWith(String(year))) activitiesInYear++;
        const activityId = `${details.date.replace(/-/g, '')}-${(sequence++).toString(36)}`;
        const recordedAt = new Date(Date.parse(`${details.date}T01:00:00.000Z`) + 86_400_000).toISOString();
        return envelope<ActivityLoggedData>(ACTIVITY_LOGGED, { activityId, orgId: org.id, activity: details }, ACTOR, recordedAt);
      });
    for (let i = 0; i < logged.length; i += BATCH) {
      const batch = logged.slice(i, i + BATCH);
      await ledger.store.appendToStream(stream, batch, version);
      version += batch.length;
    }
    done += setup.length + logged.length;
    onProgress?.(done, total);
  }
  // Each append folded its events into the read model in its own transaction; this only confirms it.
  await ledger.catchUp();
  return {
    committeeId: COMMITTEE_ID,
    branchId: 'cmp-b1',
    year,
    orgs: streams.length,
    members,
    activitiesInYear,
    branchActivitiesInYear,
    events: total,
  };
}

/** The committee's own sittings: about 30 a year (中心组学习, 主题党日, 党课, 警示教育, 民主生活会). */
function committeeYears(random: Random, committee: PlannedOrg, year: number): ActivityDetails[] {
  const out: ActivityDetails[] = [];
  for (const y of [year - 1, year]) {
    for (let i = 0; i < 30; i++) out.push(syntheticActivity(random, { name: committee.name, kind: 'committee', roster: [] }, randomDate(random, [y])));
  }
  return out;
}

/** A 党小组会 spread over the year (the i-th of n), most of the group present. */
function groupMeeting(random: Random, group: PlannedOrg, year: number, i: number, n: number): ActivityDetails {
  const month = 1 + Math.floor((i * 12) / n);
  const date = `${year}-${month < 10 ? '0' : ''}${month}-${10 + Math.floor(random() * 10)}`;
  const present = group.members.filter(() => random() < 0.9);
  const leave = group.members.filter((m) => !present.includes(m));
  return {
    date,
    kinds: ['group-meeting'],
    qualifier: null,
    title: `${month}月党小组会：学习交流`,
    place: pick(random, ['党员活动室', '三楼会议室']),
    host: `${group.name}组长`,
    speaker: null,
    // Stored order, as the log command normalises it: present first, then on leave.
    attendees: [...present.map((memberId) => ({ memberId, status: 'present' as const })), ...leave.map((memberId) => ({ memberId, status: 'leave' as const }))],
    headcount: null,
    hours: pick(random, [1, 2, null]),
    quantities: [],
    groups: [],
    note: null,
  };
}
