import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../../libs/application/src/tokens';

/** An upload waiting for its 确认导入: the very bytes the preview was made from. */
export interface PendingImport {
  token: string;
  /** Only the account that uploaded it may confirm it. */
  username: string;
  orgId: string;
  fileName: string;
  bytes: Buffer;
  sheet: string;
  strict: boolean;
  expiresAt: number;
}

export const PENDING_IMPORT_TTL_MS = 30 * 60 * 1000;
/** Bounds of what waits in memory: the oldest uploads make room for new ones. */
export const PENDING_IMPORT_MAX_COUNT = 20;
export const PENDING_IMPORT_MAX_BYTES = 100 * 1024 * 1024;

/**
 * Uploaded import files between preview and confirm, in memory under a random token. A confirm
 * imports exactly what was previewed (not a file uploaded again, which might differ); a server
 * restart or 30 minutes forgets them, and the user uploads again.
 */
@Injectable()
export class PendingImports {
  private readonly pending = new Map<string, PendingImport>();

  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  keep(upload: Omit<PendingImport, 'token' | 'expiresAt'>): PendingImport {
    this.dropExpired();
    const entry: PendingImport = { ...upload, token: randomBytes(24).toString('base64url'), expiresAt: this.now() + PENDING_IMPORT_TTL_MS };
    this.pending.set(entry.token, entry);
    // Map order is insertion order: the first entries are the oldest.
    for (const old of this.pending.values()) {
      if (this.pending.size <= PENDING_IMPORT_MAX_COUNT && this.totalBytes() <= PENDING_IMPORT_MAX_BYTES) break;
      if (old.token !== entry.token) this.pending.delete(old.token);
    }
    return entry;
  }

  /** The upload of this token, if it is still kept and belongs to this account. */
  find(token: string, username: string): PendingImport | undefined {
    this.dropExpired();
    const entry = this.pending.get(token);
    return entry && entry.username === username ? entry : undefined;
  }

  get size(): number {
    return this.pending.size;
  }

  private totalBytes(): number {
    let total = 0;
    for (const e of this.pending.values()) total += e.bytes.length;
    return total;
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [token, e] of this.pending) if (e.expiresAt <= now) this.pending.delete(token);
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
