import { details } from '../fixtures.spec-helper';
import { changedActivityFields, sameActivityDetails } from './activity-changes';

describe('changedActivityFields', () => {
  it('names each field that differs, in record order', () => {
    const before = details({ title: 'A', attendees: [{ memberId: 'm01', status: 'present' }] });
    const after = details({ title: 'B', attendees: [{ memberId: 'm01', status: 'leave' }], hours: 1 });
    expect(changedActivityFields(before, after)).toEqual(['title', 'attendees', 'hours']);
  });

  it('ignores key order and treats a missing key as null (details read back from storage)', () => {
    const stored = JSON.parse('{"note":null,"date":"2021-03-05","kinds":["branch-assembly"],"qualifier":null,"title":null,"place":null,"host":null,"speaker":null,"attendees":[{"status":"present","memberId":"m01"}],"headcount":null,"hours":null,"quantities":[{"unit":"篇","amount":3}],"groups":[]}');
    const fresh = details({ attendees: [{ memberId: 'm01', status: 'present' }], quantities: [{ amount: 3, unit: '篇', item: null }] });
    expect(sameActivityDetails(stored, fresh)).toBe(true);
    expect(sameActivityDetails(stored, { ...fresh, kinds: ['theme-day'] })).toBe(false);
  });
});
