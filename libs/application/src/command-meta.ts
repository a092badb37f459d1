import type { EventSource } from '../../event-store/src';

/** Who issues a command and from where: recorded in every event's metadata. */
export interface CommandMeta {
  actor: string;
  source: EventSource;
  correlationId?: string;
  /** Extra metadata (e.g. the imported file name). */
  extra?: Record<string, string>;
}
