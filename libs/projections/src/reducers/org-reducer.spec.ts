import { deepFreeze, ev, stored, details } from '../ledger-events.spec-helper';
import { orgReducer } from './org-reducer';

describe('orgReducer', () => {
  const registered = stored(ev.orgRegistered('b1', { name: '第一支部', parentId: 'c1', at: '2024-01-02T03:04:05.000Z' }), 'org-b1', 1, 10n);

  it('creates the document from OrganizationRegistered at stream version 1', () => {
    expect(orgReducer(undefined, registered)).toEqual({
      id: 'b1',
      name: '第一支部',
      kind: 'branch',
      parentId: 'c1',
      establishedOn: '2020-01-01',
      dissolvedOn: null,
      streamVersion: 1,
      registeredAt: '2024-01-02T03:04:05.000Z',
    });
  });

  it('applies rename, move and dissolve, each moving the stream version on', () => {
    let doc = orgReducer(undefined, registered);
    doc = orgReducer(doc, stored(ev.orgRenamed('b1', '机关第一支部', '第一支部'), 'org-b1', 2, 11n));
    doc = orgReducer(doc, stored(ev.orgMoved('b1', 'c2', 'c1'), 'org-b1', 3, 12n));
    doc = orgReducer(doc, stored(ev.orgDissolved('b1', '2024-06-30'), 'org-b1', 4, 13n));
    expect(doc).toMatchObject({ name: '机关第一支部', parentId: 'c2', dissolvedOn: '2024-06-30', streamVersion: 4 });
  });

  it('moves the stream version on for any event of its own stream, and only then', () => {
    const doc = orgReducer(undefined, registered);
    const logged = stored(ev.activityLogged('a1', 'b1', details({ date: '2024-03-01' })), 'org-b1', 7, 20n);
    expect(orgReducer(doc, logged)).toEqual({ ...doc, streamVersion: 7 });
    const unknownType = { ...stored(ev.memberLeft('m1', 'b1', '2024-01-01'), 'org-b1', 8, 21n), type: 'SomethingNew' };
    expect(orgReducer(doc, unknownType)?.streamVersion).toBe(8);
    const elsewhere = stored(ev.activityLogged('a2', 'b2', details({ date: '2024-03-01' })), 'org-b2', 9, 22n);
    expect(orgReducer(doc, elsewhere)).toBe(doc);
  });

  it('ignores events for an organisation never registered', () => {
    expect(orgReducer(undefined, stored(ev.orgRenamed('x', 'n', 'o'), 'org-x', 1, 1n))).toBeUndefined();
  });

  it('keeps the first registration if one is replayed', () => {
    const doc = orgReducer(undefined, registered);
    const again = orgReducer(doc, stored(ev.orgRegistered('b1', { name: '别名' }), 'org-b1', 2, 14n));
    expect(again).toMatchObject({ name: '第一支部', streamVersion: 2 });
  });

  it('never mutates the document it is given', () => {
    const doc = deepFreeze(orgReducer(undefined, registered)!);
    const snapshot = JSON.stringify(doc);
    const next = orgReducer(doc, stored(ev.orgRenamed('b1', '新名', '第一支部'), 'org-b1', 2, 11n));
    expect(next).not.toBe(doc);
    expect(JSON.stringify(doc)).toBe(snapshot);
  });
});
