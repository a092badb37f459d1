import type {
  DissolveOrganizationInput,
  MoveOrganizationInput,
  RegisterOrganizationInput,
  RenameOrganizationInput,
} from '../../../../../libs/domain/src/commands';
import { BodyFields } from './body-fields';

/** `POST /api/orgs` `{id, name, kind, parentId?, establishedOn?}`. */
export function parseRegisterOrg(body: unknown): RegisterOrganizationInput {
  const b = BodyFields.of(body);
  const input = {
    id: b.text('id', '组织编号'),
    name: b.text('name', '组织名称'),
    kind: b.text('kind', '组织类型'),
    parentId: b.text('parentId', '上级组织编号'),
    establishedOn: b.text('establishedOn', '成立日期'),
  };
  b.done();
  return input;
}

/** `POST /api/orgs/:id/rename` `{name}`. */
export function parseRenameOrg(body: unknown, orgId: string): RenameOrganizationInput {
  const b = BodyFields.of(body);
  const name = b.text('name', '新名称');
  b.done();
  return { orgId, name };
}

/** `POST /api/orgs/:id/move` `{parentId}` (null makes it a root). */
export function parseMoveOrg(body: unknown, orgId: string): MoveOrganizationInput {
  const b = BodyFields.of(body);
  const parentId = b.text('parentId', '新的上级组织编号');
  b.done();
  return { orgId, parentId };
}

/** `POST /api/orgs/:id/dissolve` `{on?, reason}`. */
export function parseDissolveOrg(body: unknown, orgId: string): DissolveOrganizationInput {
  const b = BodyFields.of(body);
  const input = { orgId, on: b.text('on', '撤销日期'), reason: b.text('reason', '撤销原因') };
  b.done();
  return input;
}
