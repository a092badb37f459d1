import type { ActivityFieldsInput, CorrectActivityInput, LogActivityInput, VoidActivityInput } from '../../../../../libs/domain/src/commands';
import { BodyFields, NOTE_MAX_LENGTH } from './body-fields';

/** The activity fields shared by logging and correcting, type-checked; their meaning is the domain's to check. */
function readActivityFields(b: BodyFields): ActivityFieldsInput {
  return {
    date: b.text('date', '活动日期'),
    kinds: b.list('kinds', '活动类型'),
    qualifier: b.text('qualifier', '细分'),
    title: b.text('title', '主题'),
    place: b.text('place', '地点'),
    host: b.text('host', '主持人'),
    speaker: b.text('speaker', '主讲人'),
    attendees: b.list('attendees', '出席名单'),
    absent: b.list('absent', '缺席名单'),
    leave: b.list('leave', '请假名单'),
    observers: b.list('observers', '列席名单'),
    headcount: b.number('headcount', '实到人数'),
    hours: b.number('hours', '学时'),
    quantity: b.number('quantity', '数量'),
    unit: b.text('unit', '数量单位'),
    item: b.text('item', '产出物'),
    groups: b.list('groups', '参加的党小组'),
    note: b.text('note', '备注', { max: NOTE_MAX_LENGTH }),
  };
}

/** `POST /api/activities`: the org is required up front, since the scope check needs it. */
export function parseLogActivity(body: unknown): LogActivityInput & { orgId: string } {
  const b = BodyFields.of(body);
  const activityId = b.text('id', '活动编号');
  const orgId = b.text('orgId', '组织编号', { required: true });
  const fields = readActivityFields(b);
  b.done();
  return { ...fields, activityId, orgId: (orgId as string).trim(), date: fields.date, kinds: fields.kinds };
}

/**
 * `POST /api/activities/:id/corrections`: only the fields given change; null (or "") clears one.
 * `orgId` is accepted so the domain can explain why an activity cannot change organisation.
 */
export function parseCorrection(body: unknown, activityId: string): CorrectActivityInput {
  const b = BodyFields.of(body);
  const orgId = b.text('orgId', '组织编号');
  const reason = b.text('reason', '更正原因');
  const fields = readActivityFields(b);
  b.done();
  return { ...fields, orgId, activityId, reason };
}

/** `POST /api/activities/:id/void`. */
export function parseVoid(body: unknown, activityId: string): VoidActivityInput {
  const b = BodyFields.of(body);
  const reason = b.text('reason', '作废原因');
  b.done();
  return { activityId, reason };
}
