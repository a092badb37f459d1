import { activityCells, activityColumns, activityRow } from './activity-rows';
import { ACTIVITIES, names } from './export.spec-helper';

const byId = (id: string) => {
  const found = ACTIVITIES.find((a) => a.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('activity rows', () => {
  it('writes a combined sitting with Chinese kind names, names of those present and the counts', () => {
    const cells = activityCells(byId('a-combined'), names());
    expect(cells).toMatchObject({
      kinds: '支部党员大会、党课',
      qualifier: '支部书记',
      title: '学习党史',
      place: '三楼会议室',
      host: '张三',
      speaker: '张三',
      attendees: '张三、李四',
      expected: 3,
      present: 2,
      leave: '王五',
      absent: null,
      hours: 2,
      note: '套会',
      id: 'a-combined',
    });
    expect(cells.date).toEqual(new Date(Date.UTC(2021, 2, 5)));
  });

  it('gives the headcount as 实到 and leaves 应到 and the name columns empty when no names are kept', () => {
    expect(activityCells(byId('a-committee'), names())).toMatchObject({ attendees: null, expected: null, present: 5, leave: null, absent: null });
  });

  it('leaves observers out of every column and count, and names joint groups and quantities', () => {
    expect(activityCells(byId('a-groups'), names())).toMatchObject({ attendees: '张三', expected: 2, present: 1, leave: null, absent: '李四', groups: '第一党小组、第二党小组' });
    expect(Object.values(activityCells(byId('a-groups'), names()))).not.toContain('王五');
    expect(activityCells(byId('a-research'), names())).toMatchObject({ quantities: '调研报告3篇', present: null });
  });

  it('keeps an id nobody knows as the id', () => {
    const stranger = { ...byId('a-groups'), details: { ...byId('a-groups').details, attendees: [{ memberId: 'm-gone', status: 'present' as const }] } };
    expect(activityCells(stranger, names()).attendees).toBe('m-gone');
  });

  it('adds the 组织 column only to a rolled-up export, first', () => {
    expect(activityColumns(false).map((c) => c.header)).toEqual([
      '日期', '活动类型', '细分类型', '主题', '地点', '主持人', '主讲人', '参会人员', '应到', '实到', '请假', '缺席', '学时', '党小组', '成果', '备注', '活动编号',
    ]);
    const rolled = activityColumns(true);
    expect(rolled[0]).toEqual({ header: '组织', type: 'text' });
    expect(rolled[1]).toEqual({ header: '日期', type: 'date' });
    expect(activityRow(byId('a-committee'), names(), true)[0]).toBe('第一党支部');
    expect(activityRow(byId('a-committee'), names(), false)).toHaveLength(activityColumns(false).length);
  });
});
