import type { ActivityDetails } from '../../../../../libs/domain/src';
import { kindNames, MEMBER_STATUS_LABELS, orgKindName } from '../labels';

/** One line saying what a stored event recorded, for the audit trail. */
export function eventSummary(type: string, data: unknown): { text: string; link: string | null } {
  const d = (data ?? {}) as Record<string, unknown>;
  const str = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '');
  const activityLink = str('activityId') ? `/activities/${encodeURIComponent(str('activityId'))}` : null;
  switch (type) {
    case 'ActivityLogged':
    case 'ActivityCorrected': {
      const a = d.activity as ActivityDetails | undefined;
      const what = a ? `${a.date} ${kindNames(a.kinds)}${a.title ? `「${a.title}」` : ''}` : '';
      const changed = Array.isArray(d.changedFields) ? `；更正：${(d.changedFields as string[]).join('、')}` : '';
      const reason = str('reason') ? `；原因：${str('reason')}` : '';
      return { text: `${str('activityId')} ${what}${changed}${reason}`, link: activityLink };
    }
    case 'ActivityVoided':
      return { text: `${str('activityId')}；原因：${str('reason')}`, link: activityLink };
    case 'MemberEnrolled':
      return { text: `${str('name')}（${str('memberId')}），${MEMBER_STATUS_LABELS[str('status')] ?? str('status')}，自 ${str('since')}`, link: null };
    case 'MemberTransferred':
      return { text: `${str('memberId')}：${str('fromOrgId')} → ${str('toOrgId')}，${str('on')}`, link: null };
    case 'MemberStatusChanged':
      return { text: `${str('memberId')} → ${MEMBER_STATUS_LABELS[str('status')] ?? str('status')}，${str('on')}`, link: null };
    case 'MemberLeft':
      return { text: `${str('memberId')}，${str('on')}${str('reason') ? `；原因：${str('reason')}` : ''}`, link: null };
    case 'OrganizationRegistered':
      return { text: `${str('name')}（${str('orgId')}，${orgKindName(str('kind'))}）${str('parentId') ? `，上级 ${str('parentId')}` : ''}`, link: null };
    case 'OrganizationRenamed':
      return { text: `${str('previousName')} → ${str('name')}`, link: null };
    case 'OrganizationMoved':
      return { text: `${str('previousParentId') || '无'} → ${str('parentId') || '无'}`, link: null };
    case 'OrganizationDissolved':
      return { text: `${str('on')}；原因：${str('reason')}`, link: null };
    default:
      return { text: '', link: null };
  }
}
