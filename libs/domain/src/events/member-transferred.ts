import { CivilDate } from '../civil-date';

export const MEMBER_TRANSFERRED = 'MemberTransferred';
export const MEMBER_TRANSFERRED_VERSION = 1;

/**
 * Recorded in the stream of the organisation the member leaves; it names the receiving one,
 * so one event moves the member (no two-stream write that could half-happen).
 */
export interface MemberTransferredData {
  memberId: string;
  fromOrgId: string;
  toOrgId: string;
  on: CivilDate;
}
