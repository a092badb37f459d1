import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../../libs/application/src/tokens';

/** Sessions end after this long without a request (sliding). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** Expired sessions are swept at most this often (lazily, on use: no timer keeps the process alive). */
const SWEEP_EVERY_MS = 60 * 1000;

export interface Session {
  id: string;
  username: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  /** A one-line notice for the next page this session sees (e.g. “密码已修改”). */
  flash: string | null;
}

/** A fresh unguessable token: 32 random bytes, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Signed-in sessions, in memory: a restart signs everyone out, which is acceptable for one
 * process serving one office and keeps no secret at rest. Only the username is kept; the account
 * itself is read fresh on every request so disabling it takes effect at once.
 */
@Injectable()
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private lastSweep = 0;

  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  create(username: string): Session {
    this.sweep();
    const now = this.clock.now();
    const session: Session = {
      id: randomToken(),
      username,
      csrfToken: randomToken(),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      flash: null,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id, its expiry pushed out (sliding); undefined when unknown or expired. */
  touch(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const now = this.clock.now().getTime();
    if (session.expiresAt.getTime() <= now) {
      this.sessions.delete(id);
      return undefined;
    }
    session.expiresAt = new Date(now + SESSION_IDLE_MS);
    this.sweep();
    return session;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  /** Ends every session of an account (password reset, disabling), except `keepId` when given. */
  endAllOf(username: string, keepId?: string): number {
    let ended = 0;
    for (const [id, s] of this.sessions) {
      if (s.username === username && id !== keepId) {
        this.sessions.delete(id);
        ended += 1;
      }
    }
    return ended;
  }

  /** Leaves a notice for the next page of this session. */
  setFlash(id: string, message: string): void {
    const session = this.sessions.get(id);
    if (session) session.flash = message;
  }

  /** The pending notice, removed (shown once). */
  takeFlash(id: string): string | null {
    const session = this.sessions.get(id);
    if (!session || session.flash === null) return null;
    const { flash } = session;
    session.flash = null;
    return flash;
  }

  get size(): number {
    return this.sessions.size;
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [id, s] of this.sessions) if (s.expiresAt.getTime() <= now) this.sessions.delete(id);
  }
}
