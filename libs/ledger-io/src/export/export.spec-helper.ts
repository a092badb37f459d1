import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src';
import { activityDoc, memberDoc, orgDoc, present, revision } from '../../../projections/src/queries.spec-helper';
import type { ExportNames } from './activity-rows';
import type { LedgerExportData } from './export-data';
import { exportNames } from './ledger-sheets';

/** A small branch with two 党小组 and a year of activities, as the export reads it. */
export const ORGS: OrgDoc[] = [
  orgDoc('b1', 'branch', null, { name: '第一党支部' }),
  orgDoc('g1', 'group', 'b1', { name: '第一党小组' }),
  orgDoc('g2', 'group', 'b1', { name: '第二党小组' }),
];

export const MEMBERS: MemberDoc[] = [
  { ...memberDoc('m1', [{ orgId: 'g1' }]), name: '张三' },
  { ...memberDoc('m2', [{ orgId: 'g1' }]), name: '李四' },
  { ...memberDoc('m3', [{ orgId: 'g2', status: 'probationary' }]), name: '王五', status: 'probationary' },
];

export const ACTIVITIES: ActivityDoc[] = [
  activityDoc({
    id: 'a-combined',
    orgId: 'b1',
    date: '2021-03-05',
    kinds: ['branch-assembly', 'party-lecture'],
    qualifier: 'secretary',
    title: '学习党史',
    place: '三楼会议室',
    host: '张三',
    speaker: '张三',
    attendees: [...present('m1', 'm2'), { memberId: 'm3', status: 'leave' }],
    hours: 2,
    note: '套会',
  }),
  activityDoc({ id: 'a-committee', orgId: 'b1', date: '2021-01-10', kinds: ['committee-meeting'], title: '研究发展党员', headcount: 5 }),
  activityDoc({
    id: 'a-groups',
    orgId: 'b1',
    date: '2021-03-20',
    kinds: ['group-meeting'],
    groups: ['g1', 'g2'],
    attendees: [...present('m1'), { memberId: 'm2', status: 'absent' }, { memberId: 'm3', status: 'observer' }],
  }),
  activityDoc({
    id: 'a-research',
    orgId: 'b1',
    date: '2021-07-01',
    kinds: ['research-visit'],
    quantities: [{ amount: 3, unit: '篇', item: '调研报告' }],
  }),
];

export const VOIDED: ActivityDoc = activityDoc({
  id: 'a-void',
  orgId: 'b1',
  date: '2021-02-02',
  kinds: ['theme-day'],
  title: '重复录入的主题党日',
  voided: true,
  revisions: [revision('ActivityLogged', '2021-02-02T02:00:00.000Z'), revision('ActivityVoided', '2021-02-10T06:30:00.000Z', '李书记', '重复录入')],
});

export function names(): ExportNames {
  return exportNames({ members: MEMBERS, orgNames: new Map(ORGS.map((o) => [o.id, o.name])) });
}

export function exportData(extra: Partial<LedgerExportData> = {}): LedgerExportData {
  return {
    root: ORGS[0],
    scope: [ORGS[0]],
    year: 2021,
    rollup: false,
    activities: [...ACTIVITIES].sort((a, b) => a.details.date.localeCompare(b.details.date)),
    voided: [VOIDED],
    rosterOrgIds: ORGS.map((o) => o.id),
    members: MEMBERS,
    orgNames: new Map(ORGS.map((o) => [o.id, o.name])),
    compliance: [],
    ...extra,
  };
}
