import type { CreateAccountInput } from '../../../../../libs/application/src/accounts';
import { BodyFields } from './body-fields';

/** `POST /api/users` `{username, password?, role, orgId?, displayName?, mustChangePassword?}`. */
export function parseCreateUser(body: unknown): CreateAccountInput & { orgId: string | null } {
  const b = BodyFields.of(body);
  const username = b.text('username', '登录名', { required: true });
  const password = b.text('password', '密码');
  const role = b.text('role', '角色', { required: true });
  const orgId = b.text('orgId', '组织编号');
  const displayName = b.text('displayName', '显示名称');
  const mustChangePassword = b.boolean('mustChangePassword', '首次登录须改密码');
  b.done();
  const org = typeof orgId === 'string' && orgId.trim() !== '' ? orgId.trim() : null;
  return {
    username: username as string,
    password: password ?? undefined,
    role: role as string,
    orgId: org,
    displayName: displayName ?? null,
    mustChangePassword: mustChangePassword ?? undefined,
  };
}

/** `POST /api/users/:username/reset-password` `{newPassword?}` (omitted: one is generated). */
export function parseResetPassword(body: unknown): { newPassword?: string } {
  const b = BodyFields.of(body ?? {});
  const newPassword = b.text('newPassword', '新密码');
  b.done();
  return newPassword === undefined || newPassword === null ? {} : { newPassword };
}

/** `POST /api/users/:username/disable` `{reason?}`. */
export function parseDisableUser(body: unknown): { reason: string | null } {
  const b = BodyFields.of(body ?? {});
  const reason = b.text('reason', '原因');
  b.done();
  return { reason: reason ?? null };
}
