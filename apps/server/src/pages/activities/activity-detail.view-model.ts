import { Injectable } from '@nestjs/common';
import type { ActivityDetails, ActivityDoc } from '../../../../../libs/domain/src';
import type { SessionAccount } from '../../auth/session-account';
import { FieldErrors, NO_ERRORS } from '../field-errors';
import { queryString } from '../form-values';
import { ACTIVITY_FIELD_LABELS, ATTENDANCE_LABELS, chinaDateTime, EVENT_TYPE_LABELS, kindNames, qualifierName, SOURCE_LABELS } from '../labels';
import { ActivityReader } from './activity-reader';
import { activityFieldText, quantitiesText } from './activity-text';

export interface RevisionRow {
  typeName: string;
  kind: 'logged' | 'corrected' | 'voided';
  recordedAt: string;
  actor: string;
  source: string;
  reason: string | null;
  /** For a correction: each changed field with the value it was set to. */
  changes: { label: string; value: string }[];
  eventId: string;
}

export interface ActivityDetailModel {
  activity: {
    id: string;
    orgId: string;
    orgName: string;
    title: string;
    rows: { label: string; value: string }[];
    voided: boolean;
    loggedAt: string;
    loggedBy: string;
  };
  attendance: { statusName: string; people: { id: string; name: string }[] }[];
  revisions: RevisionRow[];
  ledgerLink: string;
  canChange: boolean;
  voidErrors: FieldErrors;
  voidReason: string;
}

/** The 活动详情 page: the record as it stands, who is on it, and every change with its reason. */
@Injectable()
export class ActivityDetailModels {
  constructor(private readonly reader: ActivityReader) {}

  async build(activity: ActivityDoc, account: SessionAccount, form: { voidErrors?: FieldErrors; voidReason?: string } = {}): Promise<ActivityDetailModel> {
    const [org, groups, history] = await Promise.all([this.reader.org(activity.orgId), this.reader.groupsOf(activity.orgId), this.reader.history(activity)]);
    const members = await this.reader.everMembers(activity.orgId, groups);
    const groupMap = new Map(groups.map((g) => [g.id, g]));
    const d = activity.details;
    const rows = detailRows(d).map(([label, value]) => ({ label, value }));
    return {
      activity: {
        id: activity.id,
        orgId: activity.orgId,
        orgName: org?.name ?? activity.orgId,
        title: d.title ?? kindNames(d.kinds),
        rows: [
          ...rows,
          ...(d.groups.length > 0 ? [{ label: '参加党小组', value: activityFieldText('groups', d, members, groupMap) }] : []),
        ],
        voided: activity.voided,
        loggedAt: chinaDateTime(activity.loggedAt),
        loggedBy: activity.loggedBy,
      },
      attendance: (['present', 'leave', 'absent', 'observer'] as const)
        .map((status) => ({
          statusName: ATTENDANCE_LABELS[status],
          people: d.attendees.filter((a) => a.status === status).map((a) => ({ id: a.memberId, name: members.get(a.memberId)?.name ?? a.memberId })),
        }))
        .filter((g) => g.people.length > 0),
      revisions: history.map((e) => {
        const data = e.data as { activity?: ActivityDetails; changedFields?: string[]; reason?: string };
        const kind = e.type === 'ActivityLogged' ? 'logged' : e.type === 'ActivityCorrected' ? 'corrected' : 'voided';
        const after = data.activity;
        return {
          typeName: EVENT_TYPE_LABELS[e.type] ?? e.type,
          kind,
          recordedAt: chinaDateTime(e.recordedAt),
          actor: e.actor,
          source: SOURCE_LABELS[e.source] ?? e.source,
          reason: data.reason ?? null,
          changes:
            kind === 'corrected' && after
              ? (data.changedFields ?? []).map((f) => ({ label: ACTIVITY_FIELD_LABELS[f] ?? f, value: activityFieldText(f, after, members, groupMap) }))
              : [],
          eventId: e.eventId,
        };
      }),
      ledgerLink: `/ledger${queryString({ org: activity.orgId, year: d.date.slice(0, 4) })}`,
      canChange: account.role !== 'auditor' && !activity.voided,
      voidErrors: form.voidErrors ?? NO_ERRORS,
      voidReason: form.voidReason ?? '',
    };
  }
}

function detailRows(d: ActivityDetails): [string, string][] {
  const rows: [string, string | null][] = [
    ['日期', d.date],
    ['活动类型', `${kindNames(d.kinds)}${d.kinds.length > 1 ? '（套会）' : ''}`],
    ['细分', qualifierName(d.kinds, d.qualifier)],
    ['主题', d.title],
    ['地点', d.place],
    ['主持人', d.host],
    ['主讲人', d.speaker],
    ['实到人数', d.headcount === null ? null : `${d.headcount} 人`],
    ['学时', d.hours === null ? null : `${d.hours}`],
    ['产出', quantitiesText(d) || null],
    ['备注', d.note],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== null && r[1] !== '');
}
