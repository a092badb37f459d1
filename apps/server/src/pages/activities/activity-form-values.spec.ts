import { activityFormValuesOf, activityFormValuesOfDetails, correctActivityInputOf, logActivityInputOf } from './activity-form-values';

describe('activity form values', () => {
  it('reads checkboxes, one radio group per roster member, and keeps unknown statuses out', () => {
    const values = activityFormValuesOf({
      org: 'b1',
      date: ' 2025-03-05 ',
      kinds: ['branch-assembly', 'party-lecture'],
      status_m1: 'present',
      status_m2: 'leave',
      status_m3: '',
      status_m4: 'bogus',
      observersExtra: 'x9',
    });
    expect(values.date).toBe('2025-03-05');
    expect(values.kinds).toEqual(['branch-assembly', 'party-lecture']);
    expect(values.statuses).toEqual({ m1: 'present', m2: 'leave', m3: '', m4: '' });
    const input = logActivityInputOf({ ...values, activityId: 'a1' });
    expect(input).toMatchObject({ activityId: 'a1', orgId: 'b1', attendees: ['m1'], leave: ['m2'], absent: [], observers: ['x9'] });
  });

  it('takes a single checkbox (a string, not an array) as a one-item list', () => {
    expect(activityFormValuesOf({ kinds: 'theme-day', groups: 'g1' })).toMatchObject({ kinds: ['theme-day'], groups: ['g1'] });
  });

  it('starts a correction from the stored record and gives every field back with the reason', () => {
    const values = activityFormValuesOfDetails('a1', 'b1', {
      date: '2025-03-05',
      kinds: ['party-lecture'],
      qualifier: 'secretary',
      title: '党课',
      place: null,
      host: null,
      speaker: null,
      attendees: [
        { memberId: 'm1', status: 'present' },
        { memberId: 'x9', status: 'observer' },
      ],
      headcount: null,
      hours: 1.5,
      quantities: [{ amount: 3, unit: '篇', item: '心得' }],
      groups: [],
      note: null,
    });
    expect(values).toMatchObject({ hours: '1.5', quantity: '3', unit: '篇', item: '心得', place: '', statuses: { m1: 'present', x9: 'observer' } });
    const input = correctActivityInputOf('a1', { ...values, reason: '补充心得数量' });
    expect(input).toMatchObject({ activityId: 'a1', reason: '补充心得数量', attendees: ['m1'], observers: ['x9', ''], place: '' });
    expect('orgId' in input).toBe(false);
  });
});
