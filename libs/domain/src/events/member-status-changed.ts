import { CivilDate } from '../civil-date';
import { MemberStatus } from '../activity';

export const MEMBER_STATUS_CHANGED = 'MemberStatusChanged';
export const MEMBER_STATUS_CHANGED_VERSION = 1;

export interface MemberStatusChangedData {
  memberId: string;
  orgId: string;
  status: MemberStatus;
  on: CivilDate;
}
