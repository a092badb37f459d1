import { deepFreeze, ev, reportData, stored } from '../ledger-events.spec-helper';
import { emptyLedgerState, applyEvent, InMemoryLedgerView } from '../in-memory-ledger';
import { reportReducer } from './report-reducer';

describe('reportReducer', () => {
  const data = reportData('r1', 'b1');
  const recorded = stored(ev.reportCompiled(data, { at: '2025-01-10T02:00:00.000Z', actor: 'wang' }), 'report-b1', 2, 12345678901234567890n);

  it('records everything the event says, and where, when and by whom it was recorded', () => {
    expect(reportReducer(undefined, recorded)).toEqual({
      ...data,
      eventId: recorded.eventId,
      globalPosition: '12345678901234567890',
      streamVersion: 2,
      recordedAt: '2025-01-10T02:00:00.000Z',
      actor: 'wang',
      source: 'cli',
    });
  });

  it('keeps the first recording of a report id: a later one under the same id changes nothing', () => {
    const first = reportReducer(undefined, recorded);
    const again = stored(ev.reportCompiled(reportData('r1', 'b1', { template: '另一模板' })), 'report-b1', 3, 99n);
    expect(reportReducer(first, again)).toBe(first);
  });

  it('ignores every other event', () => {
    const doc = reportReducer(undefined, recorded);
    expect(reportReducer(doc, stored(ev.orgRenamed('b1', 'n', 'o'), 'org-b1', 2, 5n))).toBe(doc);
    expect(reportReducer(undefined, stored(ev.memberLeft('m1', 'b1', '2024-01-01'), 'org-b1', 2, 5n))).toBeUndefined();
  });

  it('never mutates the event it reads', () => {
    const frozen = deepFreeze(stored(ev.reportCompiled(reportData('r2', 'b1')), 'report-b1', 1, 7n));
    const snapshot = JSON.stringify(frozen.data);
    reportReducer(undefined, frozen);
    expect(JSON.stringify(frozen.data)).toBe(snapshot);
  });
});

describe('reports in the in-memory ledger', () => {
  it("lists an org's reports newest first, by global position rather than text, and leaves the org's stream version alone", async () => {
    const state = emptyLedgerState();
    applyEvent(state, stored(ev.orgRegistered('b1'), 'org-b1', 1, 1n));
    applyEvent(state, stored(ev.orgRegistered('b2'), 'org-b2', 1, 2n));
    applyEvent(state, stored(ev.reportCompiled(reportData('old', 'b1')), 'report-b1', 1, 9n));
    applyEvent(state, stored(ev.reportCompiled(reportData('new', 'b1')), 'report-b1', 2, 10n));
    applyEvent(state, stored(ev.reportCompiled(reportData('other', 'b2')), 'report-b2', 1, 11n));
    const view = new InMemoryLedgerView(state);
    expect((await view.listReports('b1')).map((r) => r.reportId)).toEqual(['new', 'old']);
    expect((await view.listReports()).map((r) => r.reportId)).toEqual(['other', 'new', 'old']);
    expect(await view.listReports('nobody')).toEqual([]);
    expect((await view.getReport('old'))?.globalPosition).toBe('9');
    expect(await view.getReport('missing')).toBeUndefined();
    expect((await view.getOrg('b1'))?.streamVersion).toBe(1);
    expect(await view.position()).toBe(11n);
  });
});
