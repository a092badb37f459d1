import { parseCorrection, parseLogActivity, parseVoid } from './activity-body';
import { refusedFields } from './validation-issues.spec-helper';

describe('activity bodies', () => {
  it('maps a log request onto the domain input, the client id as activityId', () => {
    const input = parseLogActivity({ id: 'a-1', orgId: ' b1 ', date: '2021-03-05', kinds: ['党课'], attendees: ['m1'], hours: 2 });
    expect(input).toMatchObject({ activityId: 'a-1', orgId: 'b1', date: '2021-03-05', kinds: ['党课'], attendees: ['m1'], hours: 2 });
    expect(input.headcount).toBeUndefined();
  });

  it('needs the org up front (the scope check reads it) and refuses wrong types', () => {
    expect(refusedFields(() => parseLogActivity({ date: '2021-03-05', kinds: ['党课'] }))).toEqual(['orgId']);
    expect(refusedFields(() => parseLogActivity({ orgId: 'b1', kinds: '党课', headcount: '3' }))).toEqual(['kinds', 'headcount']);
  });

  it('a correction keeps null (clear the field) apart from absent (leave it)', () => {
    const input = parseCorrection({ reason: '更正', title: null, hours: 3 }, 'a-1');
    expect(input).toMatchObject({ activityId: 'a-1', reason: '更正', title: null, hours: 3 });
    expect('place' in input && input.place !== undefined).toBe(false);
  });

  it('a void takes only a reason', () => {
    expect(parseVoid({ reason: '重复' }, 'a-1')).toEqual({ activityId: 'a-1', reason: '重复' });
    expect(refusedFields(() => parseVoid({ reason: '重复', hours: 1 }, 'a-1'))).toEqual(['hours']);
  });
});
