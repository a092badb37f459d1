import { LOGIN_WINDOW_MS, LoginThrottle, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USERNAME, minutesToWait } from './login-throttle';

function movableClock(start = Date.parse('2025-03-01T08:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('LoginThrottle', () => {
  it('refuses a username after five failures in fifteen minutes, until the oldest leaves the window', () => {
    const clock = movableClock();
    const throttle = new LoginThrottle(clock);
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) {
      expect(throttle.check('wang', '10.0.0.1')).toEqual({ allowed: true });
      throttle.recordFailure('wang', '10.0.0.1');
      clock.advance(60_000);
    }
    const verdict = throttle.check('wang', '10.0.0.2');
    expect(verdict.allowed).toBe(false);
    // The first failure was 5 minutes ago: 10 minutes remain.
    expect(verdict.allowed === false && minutesToWait(verdict.retryAfterMs)).toBe(10);
    expect(throttle.check('li', '10.0.0.1')).toEqual({ allowed: true });
    clock.advance(10 * 60_000);
    expect(throttle.check('wang', '10.0.0.1')).toEqual({ allowed: true });
  });

  it('refuses an address after too many failures across usernames', () => {
    const clock = movableClock();
    const throttle = new LoginThrottle(clock);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) throttle.recordFailure(`user${i}`, '10.0.0.9');
    expect(throttle.check('someone-else', '10.0.0.9').allowed).toBe(false);
    expect(throttle.check('someone-else', '10.0.0.8')).toEqual({ allowed: true });
    clock.advance(LOGIN_WINDOW_MS);
    expect(throttle.check('someone-else', '10.0.0.9')).toEqual({ allowed: true });
  });

  it('forgives a username its failures after a successful login', () => {
    const throttle = new LoginThrottle(movableClock());
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME - 1; i++) throttle.recordFailure('zhao', '10.0.0.1');
    throttle.recordSuccess('zhao');
    throttle.recordFailure('zhao', '10.0.0.1');
    expect(throttle.check('zhao', '10.0.0.1')).toEqual({ allowed: true });
  });
});
