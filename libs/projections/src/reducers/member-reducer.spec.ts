import { deepFreeze, ev, stored } from '../ledger-events.spec-helper';
import { memberReducer } from './member-reducer';
import type { MemberDoc } from '../../../domain/src';
import type { NewEvent } from '../../../event-store/src/envelope';

let position = 0n;
const at = (e: NewEvent, stream = 'org-b1') => stored(e, stream, 1, ++position);

describe('memberReducer', () => {
  const enrolled = () => memberReducer(undefined, at(ev.memberEnrolled('m1', 'b1', '2020-03-01', 'probationary')));

  it('opens one current stint on enrolment', () => {
    expect(enrolled()).toEqual({
      id: 'm1',
      name: '党员m1',
      orgId: 'b1',
      status: 'probationary',
      periods: [{ orgId: 'b1', from: '2020-03-01', to: null, status: 'probationary' }],
    });
  });

  it('ends the stint on the transfer day (exclusive) and opens one in the receiving org', () => {
    const doc = memberReducer(enrolled(), at(ev.memberTransferred('m1', 'b1', 'b2', '2022-07-15')));
    expect(doc?.orgId).toBe('b2');
    expect(doc?.periods).toEqual([
      { orgId: 'b1', from: '2020-03-01', to: '2022-07-15', status: 'probationary' },
      { orgId: 'b2', from: '2022-07-15', to: null, status: 'probationary' },
    ]);
  });

  it('splits the stint on a status change, in the same org', () => {
    const doc = memberReducer(enrolled(), at(ev.memberStatusChanged('m1', 'b1', 'full', '2021-03-01')));
    expect(doc?.status).toBe('full');
    expect(doc?.periods).toEqual([
      { orgId: 'b1', from: '2020-03-01', to: '2021-03-01', status: 'probationary' },
      { orgId: 'b1', from: '2021-03-01', to: null, status: 'full' },
    ]);
  });

  it('closes the stint and clears the current org on leaving', () => {
    const doc = memberReducer(enrolled(), at(ev.memberLeft('m1', 'b1', '2023-01-01')));
    expect(doc?.orgId).toBeNull();
    expect(doc?.periods).toEqual([{ orgId: 'b1', from: '2020-03-01', to: '2023-01-01', status: 'probationary' }]);
  });

  it('replaces a stint that would cover no day (changed on its first day)', () => {
    const doc = memberReducer(enrolled(), at(ev.memberTransferred('m1', 'b1', 'b2', '2020-03-01')));
    expect(doc?.periods).toEqual([{ orgId: 'b2', from: '2020-03-01', to: null, status: 'probationary' }]);
  });

  it('keeps the history when a member who left enrols again', () => {
    let doc = memberReducer(enrolled(), at(ev.memberLeft('m1', 'b1', '2021-01-01')));
    doc = memberReducer(doc, at(ev.memberEnrolled('m1', 'b3', '2022-01-01', 'full')));
    expect(doc?.periods.map((p) => [p.orgId, p.from, p.to])).toEqual([
      ['b1', '2020-03-01', '2021-01-01'],
      ['b3', '2022-01-01', null],
    ]);
  });

  it('leaves other members and unknown ones alone', () => {
    const doc = enrolled();
    expect(memberReducer(doc, at(ev.memberLeft('m2', 'b1', '2023-01-01')))).toBe(doc);
    expect(memberReducer(undefined, at(ev.memberLeft('m2', 'b1', '2023-01-01')))).toBeUndefined();
  });

  it('never mutates the document it is given', () => {
    const doc: MemberDoc = deepFreeze(enrolled()!);
    const snapshot = JSON.stringify(doc);
    for (const e of [
      ev.memberTransferred('m1', 'b1', 'b2', '2022-07-15'),
      ev.memberStatusChanged('m1', 'b1', 'full', '2021-03-01'),
      ev.memberLeft('m1', 'b1', '2023-01-01'),
      ev.memberEnrolled('m1', 'b4', '2024-01-01'),
    ]) {
      expect(memberReducer(doc, at(e))).not.toBe(doc);
    }
    expect(JSON.stringify(doc)).toBe(snapshot);
  });
});
