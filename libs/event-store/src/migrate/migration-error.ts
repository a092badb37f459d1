/**
 * Why a migration stopped without finishing. Every kind names the stream (and the event, where
 * there is one) so the user can look at it; nothing is retried automatically.
 * - `source-corrupt`: a source event's content no longer matches its own hash (edited in place);
 * - `hash-mismatch`: the target stored an event whose hash differs from the source's;
 * - `diverged`: a target stream holds different events than the source at the same versions;
 * - `target-has-extra-events`: the target holds events the source does not (another ledger, or a
 *   stream that went on in the target after an earlier migration);
 * - `target-corrupt`: an event already in the target fails its own hash chain;
 * - `target-changed`: something else wrote to the target while the migration ran.
 */
export type MigrationErrorKind =
  | 'source-corrupt'
  | 'hash-mismatch'
  | 'diverged'
  | 'target-has-extra-events'
  | 'target-corrupt'
  | 'target-changed';

export interface MigrationErrorDetails {
  kind: MigrationErrorKind;
  streamId: string;
  streamVersion?: number;
  eventId?: string;
  /** The message for users (Chinese); `message` is the English one. */
  messageZh: string;
  message: string;
}

export class MigrationError extends Error {
  readonly kind: MigrationErrorKind;
  readonly streamId: string;
  readonly streamVersion: number | undefined;
  readonly eventId: string | undefined;
  readonly messageZh: string;

  constructor(details: MigrationErrorDetails) {
    super(details.message);
    this.name = 'MigrationError';
    this.kind = details.kind;
    this.streamId = details.streamId;
    this.streamVersion = details.streamVersion;
    this.eventId = details.eventId;
    this.messageZh = details.messageZh;
  }
}

/** What had been done when a migration was asked to stop; running it again continues from there. */
export interface MigrationProgress {
  copied: number;
  skipped: number;
}

/** The migration stopped because its AbortSignal fired; everything copied so far is complete and checked. */
export class MigrationAbortedError extends Error {
  constructor(readonly progress: MigrationProgress) {
    super(`migration interrupted after ${progress.copied} copied and ${progress.skipped} skipped events; run it again to continue`);
    this.name = 'MigrationAbortedError';
  }
}
