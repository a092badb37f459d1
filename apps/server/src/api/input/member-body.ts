import type {
  ChangeMemberStatusInput,
  EnrollMemberInput,
  MemberLeaveInput,
  TransferMemberInput,
} from '../../../../../libs/domain/src/commands';
import { BodyFields } from './body-fields';

/** `POST /api/members` `{id, name, orgId, status?, since?}`: the org is required for the scope check. */
export function parseEnrollMember(body: unknown): EnrollMemberInput & { orgId: string } {
  const b = BodyFields.of(body);
  const memberId = b.text('id', '党员编号');
  const name = b.text('name', '姓名');
  const orgId = b.text('orgId', '所在组织编号', { required: true });
  const status = b.text('status', '党员身份');
  const since = b.text('since', '加入日期');
  b.done();
  return { memberId, name, orgId: (orgId as string).trim(), status, since };
}

/** `POST /api/members/:id/transfer` `{toOrgId, on?}`: the target org is required for the scope check. */
export function parseTransferMember(body: unknown, memberId: string): TransferMemberInput & { toOrgId: string } {
  const b = BodyFields.of(body);
  const toOrgId = b.text('toOrgId', '转入组织编号', { required: true });
  const on = b.text('on', '转接日期');
  b.done();
  return { memberId, toOrgId: (toOrgId as string).trim(), on };
}

/** `POST /api/members/:id/status` `{status, on?}`. */
export function parseMemberStatus(body: unknown, memberId: string): ChangeMemberStatusInput {
  const b = BodyFields.of(body);
  const input = { memberId, status: b.text('status', '党员身份'), on: b.text('on', '变更日期') };
  b.done();
  return input;
}

/** `POST /api/members/:id/leave` `{on?, reason?}`. */
export function parseMemberLeave(body: unknown, memberId: string): MemberLeaveInput {
  const b = BodyFields.of(body);
  const input = { memberId, on: b.text('on', '离开日期'), reason: b.text('reason', '原因') };
  b.done();
  return input;
}
