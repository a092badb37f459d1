import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../../libs/application/src/tokens';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed logins allowed per username within the window. */
export const MAX_FAILURES_PER_USERNAME = 5;
/**
 * Failed logins allowed per client address within the window. Higher than per username: a whole
 * office often shares one address, and one person's typos must not lock out colleagues.
 */
export const MAX_FAILURES_PER_ADDRESS = 20;
/** Keys remembered at most (a flood of made-up usernames must not grow memory without bound). */
const MAX_KEYS = 10_000;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Slows password guessing: after too many failures for a username or from an address within 15
 * minutes, logins are refused (429) until the oldest failure leaves the window. In memory, like
 * the sessions; the clock is injected so tests can move time.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  check(username: string, address: string): ThrottleVerdict {
    const now = this.clock.now().getTime();
    const waits = [this.waitFor(`u:${username}`, MAX_FAILURES_PER_USERNAME, now), this.waitFor(`a:${address}`, MAX_FAILURES_PER_ADDRESS, now)];
    const retryAfterMs = Math.max(...waits);
    return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
  }

  recordFailure(username: string, address: string): void {
    const now = this.clock.now().getTime();
    for (const key of [`u:${username}`, `a:${address}`]) {
      const recent = this.recent(key, now);
      recent.push(now);
      this.failures.delete(key); // re-insert: the map stays ordered oldest-first for eviction
      this.failures.set(key, recent);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }

  /** A successful login forgives that username's failures (not the address's). */
  recordSuccess(username: string): void {
    this.failures.delete(`u:${username}`);
  }

  private waitFor(key: string, max: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < max) return 0;
    // Allowed again once enough of the failures have left the window to get under the limit.
    return recent[recent.length - max] + LOGIN_WINDOW_MS - now;
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - LOGIN_WINDOW_MS);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }
}

/** “请 N 分钟后再试”: whole minutes, at least one. */
export function minutesToWait(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}
