import { CivilDate } from '../civil-date';

export const MEMBER_LEFT = 'MemberLeft';
export const MEMBER_LEFT_VERSION = 1;

export interface MemberLeftData {
  memberId: string;
  orgId: string;
  on: CivilDate;
  reason: string | null;
}
