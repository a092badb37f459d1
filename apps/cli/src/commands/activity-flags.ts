import { Command } from 'commander';
import type { ActivityFieldsInput } from '../../../../libs/domain/src/commands';

/** The activity field flags shared by `log` and `correct`. */
export function withActivityFlags(cmd: Command): Command {
  return cmd
    .option('--date <date>', '活动日期 YYYY-MM-DD')
    .option('--kind <kinds>', '活动类型（id 或中文名，多个用逗号分隔表示套会）')
    .option('--qualifier <q>', '细分（如党课主讲人 secretary/支部书记）')
    .option('--title <text>', '主题')
    .option('--place <text>', '地点')
    .option('--host <text>', '主持人')
    .option('--speaker <text>', '主讲人')
    .option('--attendees <ids>', '出席党员 id，逗号分隔')
    .option('--absent <ids>', '缺席党员 id')
    .option('--leave <ids>', '请假党员 id')
    .option('--observers <ids>', '列席人员 id')
    .option('--headcount <n>', '出席人数（不记名时）')
    .option('--hours <h>', '学时')
    .option('--quantity <n>', '产出数量（与 --unit 同用）')
    .option('--unit <unit>', '数量单位（篇、册、份…）')
    .option('--item <text>', '产出物（调研报告…）')
    .option('--groups <ids>', '参加的党小组 id（党小组会）')
    .option('--note <text>', '备注');
}

export interface ActivityFlags {
  date?: string;
  kind?: string;
  qualifier?: string;
  title?: string;
  place?: string;
  host?: string;
  speaker?: string;
  attendees?: string;
  absent?: string;
  leave?: string;
  observers?: string;
  headcount?: string;
  hours?: string;
  quantity?: string;
  unit?: string;
  item?: string;
  groups?: string;
  note?: string;
}

/** Flags as typed → decider input; validation (and list splitting) happens in the domain. */
export function activityFieldsOf(f: ActivityFlags): ActivityFieldsInput {
  return {
    date: f.date,
    kinds: f.kind,
    qualifier: f.qualifier,
    title: f.title,
    place: f.place,
    host: f.host,
    speaker: f.speaker,
    attendees: f.attendees,
    absent: f.absent,
    leave: f.leave,
    observers: f.observers,
    headcount: f.headcount,
    hours: f.hours,
    quantity: f.quantity,
    unit: f.unit,
    item: f.item,
    groups: f.groups,
    note: f.note,
  };
}
