import { CivilDate } from '../civil-date';
import { MemberStatus } from '../activity';

export const MEMBER_ENROLLED = 'MemberEnrolled';
export const MEMBER_ENROLLED_VERSION = 1;

export interface MemberEnrolledData {
  memberId: string;
  orgId: string;
  name: string;
  status: MemberStatus;
  since: CivilDate;
}
