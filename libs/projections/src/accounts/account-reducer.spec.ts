import { applyEvent, emptyLedgerState, InMemoryLedgerView } from '../in-memory-ledger';
import { deepFreeze, ev, stored } from '../ledger-events.spec-helper';
import { accountReducer } from './account-reducer';

describe('accountReducer', () => {
  const created = stored(
    ev.accountCreated('wang', { displayName: '王书记', passwordHash: 'scrypt$first', mustChangePassword: true, at: '2025-01-05T02:00:00.000Z', actor: 'admin' }),
    'account-wang',
    1,
    7n,
  );
  const doc = accountReducer(undefined, created);

  it('creates the document from the first event, with who created it and when', () => {
    expect(doc).toEqual({
      username: 'wang',
      role: 'secretary',
      orgId: 'b1',
      displayName: '王书记',
      passwordHash: 'scrypt$first',
      mustChangePassword: true,
      disabled: false,
      createdAt: '2025-01-05T02:00:00.000Z',
      createdBy: 'admin',
      version: 1,
    });
  });

  it('replaces the hash on a password change: an own change clears mustChangePassword, a reset sets it', () => {
    const changed = accountReducer(doc, stored(ev.accountPasswordChanged('wang', 'scrypt$own', false), 'account-wang', 2, 8n));
    expect(changed).toMatchObject({ passwordHash: 'scrypt$own', mustChangePassword: false, version: 2, createdBy: 'admin' });
    const reset = accountReducer(changed, stored(ev.accountPasswordChanged('wang', 'scrypt$reset', true), 'account-wang', 3, 9n));
    expect(reset).toMatchObject({ passwordHash: 'scrypt$reset', mustChangePassword: true, version: 3 });
  });

  it('disables and enables, moving the version along', () => {
    const disabled = accountReducer(doc, stored(ev.accountDisabled('wang', '调离'), 'account-wang', 2, 8n));
    expect(disabled).toMatchObject({ disabled: true, version: 2 });
    expect(accountReducer(disabled, stored(ev.accountEnabled('wang'), 'account-wang', 3, 9n))).toMatchObject({ disabled: false, version: 3 });
  });

  it('ignores a second creation, changes to an account never created, and every other event', () => {
    expect(accountReducer(doc, stored(ev.accountCreated('wang', { role: 'admin', orgId: null }), 'account-wang', 2, 8n))).toBe(doc);
    expect(accountReducer(undefined, stored(ev.accountDisabled('ghost'), 'account-ghost', 1, 8n))).toBeUndefined();
    expect(accountReducer(doc, stored(ev.orgRenamed('b1', '新名', '旧名'), 'org-b1', 2, 8n))).toBe(doc);
  });

  it('never mutates the event it reads or the document it is given', () => {
    const frozenDoc = deepFreeze(accountReducer(undefined, created));
    const event = deepFreeze(stored(ev.accountPasswordChanged('wang', 'scrypt$x', true), 'account-wang', 2, 8n));
    expect(() => accountReducer(frozenDoc, event)).not.toThrow();
    expect(frozenDoc?.passwordHash).toBe('scrypt$first');
  });
});

describe('accounts in the in-memory ledger', () => {
  it('lists accounts by username, counts them and finds one, leaving orgs alone', async () => {
    const state = emptyLedgerState();
    applyEvent(state, stored(ev.orgRegistered('b1'), 'org-b1', 1, 1n));
    applyEvent(state, stored(ev.accountCreated('zhao'), 'account-zhao', 1, 2n));
    applyEvent(state, stored(ev.accountCreated('admin', { role: 'admin', orgId: null }), 'account-admin', 1, 3n));
    applyEvent(state, stored(ev.accountDisabled('zhao'), 'account-zhao', 2, 4n));
    const view = new InMemoryLedgerView(state);
    expect((await view.listAccounts()).map((a) => [a.username, a.disabled])).toEqual([
      ['admin', false],
      ['zhao', true],
    ]);
    expect(await view.countAccounts()).toBe(2);
    expect((await view.getAccount('admin'))?.orgId).toBeNull();
    expect(await view.getAccount('nobody')).toBeUndefined();
    expect((await view.getOrg('b1'))?.streamVersion).toBe(1);
    expect(await view.position()).toBe(4n);
  });
});
