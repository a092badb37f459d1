import { deepFreeze, details, ev, stored } from '../ledger-events.spec-helper';
import { activityReducer } from './activity-reducer';

describe('activityReducer', () => {
  const original = details({ date: '2024-03-05', title: '三月主题党日', attendees: [{ memberId: 'm1', status: 'present' }] });
  const corrected = details({ date: '2024-03-06', title: '三月主题党日（更正）', attendees: [{ memberId: 'm1', status: 'leave' }] });
  const logged = stored(ev.activityLogged('a1', 'b1', original, { at: '2024-03-05T10:00:00.000Z', actor: 'zhang' }), 'org-b1', 3, 42n);

  it('creates the document and its first revision from ActivityLogged', () => {
    const doc = activityReducer(undefined, logged);
    expect(doc).toEqual({
      id: 'a1',
      orgId: 'b1',
      details: original,
      voided: false,
      loggedAt: '2024-03-05T10:00:00.000Z',
      loggedBy: 'zhang',
      revisions: [
        {
          type: 'ActivityLogged',
          eventId: logged.eventId,
          streamVersion: 3,
          globalPosition: '42',
          recordedAt: '2024-03-05T10:00:00.000Z',
          actor: 'zhang',
          source: 'cli',
          reason: null,
          changedFields: [],
        },
      ],
    });
  });

  it('replaces the content on correction and records why and what changed', () => {
    const e = stored(ev.activityCorrected('a1', 'b1', corrected, ['date', 'title', 'attendees'], '日期录错', { at: '2024-04-01T00:00:00.000Z', actor: 'li' }), 'org-b1', 4, 50n);
    const doc = activityReducer(activityReducer(undefined, logged), e);
    expect(doc?.details).toEqual(corrected);
    expect(doc?.loggedAt).toBe('2024-03-05T10:00:00.000Z');
    expect(doc?.loggedBy).toBe('zhang');
    expect(doc?.revisions[1]).toMatchObject({
      type: 'ActivityCorrected',
      globalPosition: '50',
      streamVersion: 4,
      actor: 'li',
      reason: '日期录错',
      changedFields: ['date', 'title', 'attendees'],
    });
  });

  it('flags a voided activity and keeps its content', () => {
    const e = stored(ev.activityVoided('a1', 'b1', '重复录入'), 'org-b1', 4, 51n);
    const doc = activityReducer(activityReducer(undefined, logged), e);
    expect(doc?.voided).toBe(true);
    expect(doc?.details).toEqual(original);
    expect(doc?.revisions.map((r) => [r.type, r.reason])).toEqual([
      ['ActivityLogged', null],
      ['ActivityVoided', '重复录入'],
    ]);
  });

  it('ignores corrections and voids of an activity it does not know', () => {
    expect(activityReducer(undefined, stored(ev.activityVoided('a9', 'b1', 'x'), 'org-b1', 1, 1n))).toBeUndefined();
    const doc = activityReducer(undefined, logged);
    expect(activityReducer(doc, stored(ev.activityVoided('a9', 'b1', 'x'), 'org-b1', 5, 60n))).toBe(doc);
  });

  it('never mutates the document it is given', () => {
    const doc = deepFreeze(activityReducer(undefined, logged)!);
    const snapshot = JSON.stringify(doc);
    activityReducer(doc, stored(ev.activityCorrected('a1', 'b1', corrected, ['date'], 'r'), 'org-b1', 4, 50n));
    activityReducer(doc, stored(ev.activityVoided('a1', 'b1', 'r'), 'org-b1', 5, 51n));
    expect(JSON.stringify(doc)).toBe(snapshot);
  });
});
