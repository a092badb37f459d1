import { IssueList } from '../../errors';
import { checkPastDate, parseDateInput } from './dates';

describe('parseDateInput', () => {
  it('reads the forms secretaries type', () => {
    for (const text of ['2021-03-05', '2021-3-5', '2021/3/5', '2021.03.05', '2021年3月5日', '2021 年 3 月 5 日']) {
      expect(parseDateInput(text)).toEqual({ ok: true, date: '2021-03-05' });
    }
  });

  it('tells malformed, impossible and too early apart', () => {
    expect(parseDateInput('2021-03')).toMatchObject({ ok: false, problem: 'malformed' });
    expect(parseDateInput('05/03/2021')).toMatchObject({ ok: false, problem: 'malformed' });
    expect(parseDateInput('2021-2-29')).toEqual({ ok: false, problem: 'impossible', shown: '2021-02-29' });
    expect(parseDateInput('2021-00-10')).toMatchObject({ ok: false, problem: 'impossible' });
    expect(parseDateInput('2020-02-29')).toEqual({ ok: true, date: '2020-02-29' });
    expect(parseDateInput('1920-12-31')).toMatchObject({ ok: false, problem: 'too-early' });
  });
});

describe('checkPastDate', () => {
  it('uses the fallback only when nothing was typed', () => {
    const issues = new IssueList();
    expect(checkPastDate(issues, 'on', '  ', { today: '2021-12-31', label: '日期', fallback: '2021-12-31' })).toBe('2021-12-31');
    expect(checkPastDate(issues, 'on', 'x', { today: '2021-12-31', label: '日期', fallback: '2021-12-31' })).toBeNull();
    expect(issues.issues.map((i) => i.field)).toEqual(['on']);
  });
});
