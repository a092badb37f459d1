import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Ledger } from '../../../../../libs/application/src/ledger';
import { HistoryQuery, type HistoryEntry } from '../../../../../libs/application/src/queries/history.query';
import { ListMembersQuery, ListOrgsQuery } from '../../../../../libs/application/src/queries/list-orgs.query';
import { LEDGER } from '../../../../../libs/application/src/tokens';
import { isValidCivilDate, type ActivityDoc, type MemberDoc, type OrgDoc } from '../../../../../libs/domain/src';

/** What the activity pages read: one activity, its stored events, an org's groups and roster. */
@Injectable()
export class ActivityReader {
  constructor(
    @Inject(LEDGER) private readonly ledger: Ledger,
    private readonly queries: QueryBus,
  ) {}

  /**
   * One activity by id. The application layer has no by-id query (lists are by org and year), so
   * this reads the same caught-up read model the queries read.
   */
  async get(activityId: string): Promise<ActivityDoc> {
    await this.ledger.catchUp();
    const activity = await this.ledger.view.getActivity(activityId);
    if (!activity) throw new NotFoundException({ error: 'not-found', message: `活动不存在：${activityId}`, messageEn: `unknown activity ${activityId}` });
    return activity;
  }

  /** The activity's events as stored in its org's stream (logged, corrections, void), oldest first. */
  async history(activity: ActivityDoc): Promise<HistoryEntry[]> {
    const { events } = await this.queries.execute(new HistoryQuery({ orgId: activity.orgId }));
    return events.filter((e) => (e.data as { activityId?: string } | null)?.activityId === activity.id);
  }

  async org(orgId: string): Promise<OrgDoc | undefined> {
    const { orgs } = await this.queries.execute(new ListOrgsQuery());
    return orgs.find((o) => o.id === orgId);
  }

  /** The org's 党小组 (dissolved ones included: an old record may name them). */
  async groupsOf(orgId: string): Promise<OrgDoc[]> {
    const { orgs } = await this.queries.execute(new ListOrgsQuery());
    return orgs.filter((o) => o.parentId === orgId && o.kind === 'group').sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /**
   * Members of the org and its 党小组 on the date (whom an activity of that day may name), or null
   * when the date is not a valid date yet (the form then shows the date's own error).
   */
  async rosterOn(orgId: string, groups: readonly OrgDoc[], date: string): Promise<MemberDoc[] | null> {
    if (!isValidCivilDate(date)) return null;
    const byId = new Map<string, MemberDoc>();
    for (const id of [orgId, ...groups.map((g) => g.id)]) {
      const { members } = await this.queries.execute(new ListMembersQuery({ orgId: id, on: date }));
      for (const m of members) if (!byId.has(m.id)) byId.set(m.id, m);
    }
    return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Everyone who ever belonged to the org or its groups, by id (names for old records). */
  async everMembers(orgId: string, groups: readonly OrgDoc[]): Promise<Map<string, MemberDoc>> {
    const byId = new Map<string, MemberDoc>();
    for (const id of [orgId, ...groups.map((g) => g.id)]) {
      const { members } = await this.queries.execute(new ListMembersQuery({ orgId: id }));
      for (const m of members) if (!byId.has(m.id)) byId.set(m.id, m);
    }
    return byId;
  }
}
