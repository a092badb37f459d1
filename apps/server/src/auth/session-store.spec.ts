import { SESSION_IDLE_MS, SessionStore } from './session-store';

function movableClock(start = Date.parse('2025-03-01T08:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('SessionStore', () => {
  it('hands out unguessable, distinct ids and CSRF tokens', () => {
    const store = new SessionStore(movableClock());
    const a = store.create('wang');
    const b = store.create('wang');
    expect(a.id).not.toBe(b.id);
    expect(a.csrfToken).not.toBe(a.id);
    expect(Buffer.from(a.id, 'base64url')).toHaveLength(32);
    expect(store.touch(a.id)?.username).toBe('wang');
    expect(store.touch('made-up')).toBeUndefined();
  });

  it('expires a session after eight idle hours, and each use pushes the expiry out', () => {
    const clock = movableClock();
    const store = new SessionStore(clock);
    const s = store.create('li');
    clock.advance(SESSION_IDLE_MS - 1000);
    expect(store.touch(s.id)).toBeDefined();
    clock.advance(SESSION_IDLE_MS - 1000);
    expect(store.touch(s.id)).toBeDefined();
    clock.advance(SESSION_IDLE_MS);
    expect(store.touch(s.id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('ends every session of an account but the one kept', () => {
    const store = new SessionStore(movableClock());
    const [a, b, c] = [store.create('zhao'), store.create('zhao'), store.create('qian')];
    expect(store.endAllOf('zhao', a.id)).toBe(1);
    expect(store.touch(a.id)).toBeDefined();
    expect(store.touch(b.id)).toBeUndefined();
    expect(store.touch(c.id)).toBeDefined();
  });

  it('shows a flash message once', () => {
    const store = new SessionStore(movableClock());
    const s = store.create('sun');
    store.setFlash(s.id, '密码已修改');
    expect(store.takeFlash(s.id)).toBe('密码已修改');
    expect(store.takeFlash(s.id)).toBeNull();
  });
});
