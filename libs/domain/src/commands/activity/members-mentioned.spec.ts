import { details } from '../fixtures.spec-helper';
import { memberIdsMentioned } from './members-mentioned';

describe('memberIdsMentioned', () => {
  it('collects every id of every list, split like the decider splits them', () => {
    expect(memberIdsMentioned({ attendees: 'm01,m02', leave: ['m03'], absent: ['m01'], observers: 'm20' })).toEqual(['m01', 'm02', 'm03', 'm20']);
  });

  it('adds the stored attendees of a record being corrected', () => {
    const stored = details({ attendees: [{ memberId: 'm07', status: 'present' }] });
    expect(memberIdsMentioned({ absent: 'm01' }, stored)).toEqual(['m01', 'm07']);
  });
});
