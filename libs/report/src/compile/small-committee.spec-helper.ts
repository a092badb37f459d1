import { orgStreamId } from '../../../domain/src';
import type { Ledger } from '../../../application/src/ledger';
import { details, ev } from '../../../projections/src/ledger-events.spec-helper';

/**
 * A committee c1 (机关党委) with branches b1 (一支部) and b2 (二支部) and a few 2025 activities:
 * b1 — committee meetings cm1, cm2, a secretary's lecture pl1, theme day td1 (20 people);
 * b2 — committee meeting cm3, theme day td2 (15 people, recorded in June).
 */
export async function seedSmallCommittee(ledger: Ledger): Promise<void> {
  const s = ledger.store;
  await s.appendToStream(orgStreamId('c1'), [ev.orgRegistered('c1', { name: '机关党委', kind: 'committee' })], 'no-stream');
  await s.appendToStream(orgStreamId('b1'), [ev.orgRegistered('b1', { name: '一支部', parentId: 'c1' })], 'no-stream');
  await s.appendToStream(orgStreamId('b2'), [ev.orgRegistered('b2', { name: '二支部', parentId: 'c1' })], 'no-stream');
  const b1 = [
    ev.activityLogged('cm1', 'b1', details({ date: '2025-01-10', kinds: ['committee-meeting'] }), { at: '2025-01-10T08:00:00.000Z' }),
    ev.activityLogged('cm2', 'b1', details({ date: '2025-02-10', kinds: ['committee-meeting'] }), { at: '2025-02-10T08:00:00.000Z' }),
    ev.activityLogged('pl1', 'b1', details({ date: '2025-03-01', kinds: ['party-lecture'], qualifier: 'secretary' }), { at: '2025-03-01T08:00:00.000Z' }),
    ev.activityLogged('td1', 'b1', details({ date: '2025-03-05', kinds: ['theme-day'], headcount: 20 }), { at: '2025-03-05T08:00:00.000Z' }),
  ];
  await s.appendToStream(orgStreamId('b1'), b1, 1);
  await s.appendToStream(
    orgStreamId('b2'),
    [
      ev.activityLogged('cm3', 'b2', details({ date: '2025-01-20', kinds: ['committee-meeting'] }), { at: '2025-01-20T08:00:00.000Z' }),
      ev.activityLogged('td2', 'b2', details({ date: '2025-04-05', kinds: ['theme-day'], headcount: 15 }), { at: '2025-06-05T08:00:00.000Z' }),
    ],
    1,
  );
  await ledger.catchUp();
}
