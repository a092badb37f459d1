import { BodyFields } from './body-fields';
import { issuesOf, refusedFields } from './validation-issues.spec-helper';

describe('BodyFields', () => {
  it('refuses a body that is not a JSON object', () => {
    for (const body of [undefined, null, 'text', 3, [1, 2]]) {
      expect(refusedFields(() => BodyFields.of(body))).toEqual(['body']);
    }
  });

  it('returns values of the right JSON type, keeps null apart from absent', () => {
    const b = BodyFields.of({ title: '党课', kinds: ['a', 'b'], hours: 1.5, rollup: true, note: null });
    expect(b.text('title', '主题')).toBe('党课');
    expect(b.list('kinds', '活动类型')).toEqual(['a', 'b']);
    expect(b.number('hours', '学时')).toBe(1.5);
    expect(b.boolean('rollup', '汇总')).toBe(true);
    expect(b.text('note', '备注')).toBeNull();
    expect(b.text('place', '地点')).toBeUndefined();
    expect(() => b.done()).not.toThrow();
  });

  it('never coerces: a number as text, a list as one string, text as a number are each refused by field', () => {
    const issues = issuesOf(() => {
      const b = BodyFields.of({ headcount: '12', kinds: 'a,b', title: 5, rollup: 'true', attendees: ['m1', 7] });
      b.number('headcount', '实到人数');
      b.list('kinds', '活动类型');
      b.text('title', '主题');
      b.boolean('rollup', '汇总');
      b.list('attendees', '出席名单');
      b.done();
    });
    expect(issues.map((i) => i.field)).toEqual(['headcount', 'kinds', 'title', 'rollup', 'attendees']);
    expect(issues[0]).toMatchObject({ message: '实到人数应为数字，收到的是文字', messageEn: 'headcount must be a JSON number, got string' });
    expect(issues[4].messageEn).toBe('attendees[1] must be a string, got number');
  });

  it('names unknown fields, so a misspelt one is not silently dropped', () => {
    const issues = issuesOf(() => {
      const b = BodyFields.of({ orgId: 'b1', headcont: 3 });
      b.text('orgId', '组织编号');
      b.done();
    });
    expect(issues).toEqual([{ field: 'headcont', message: '不认识的字段：headcont', messageEn: 'unknown field: headcont' }]);
  });

  it('requires required text to be non-blank, and bounds its length', () => {
    const issues = issuesOf(() => {
      const b = BodyFields.of({ orgId: '  ', title: 'x'.repeat(2001) });
      b.text('orgId', '组织编号', { required: true });
      b.text('title', '主题');
      b.text('place', '地点', { required: true });
      b.done();
    });
    expect(issues.map((i) => [i.field, i.messageEn])).toEqual([
      ['orgId', 'orgId is required'],
      ['title', 'title is longer than 2000 characters'],
      ['place', 'place is required'],
    ]);
  });

  it('integer refuses fractions and text', () => {
    const issues = issuesOf(() => {
      const b = BodyFields.of({ year: 2021.5, month: '3' });
      b.integer('year', '年度');
      b.integer('month', '月份');
      b.done();
    });
    expect(issues.map((i) => i.field)).toEqual(['year', 'month']);
  });
});
