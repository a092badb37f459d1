import { createHash, randomUUID } from 'node:crypto';
import type { DomainEvent } from '../../domain/src';
import { CURRENT_SCHEMA_VERSIONS } from '../../domain/src';
import type { NewEvent } from '../../event-store/src';
import type { CommandMeta } from './command-meta';

/** A UUID (v5-style layout) derived from a name, so the same logical write always gets the same event id. */
export function deterministicUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A UUID version 7: 48 bits of Unix milliseconds, then randomness. Ids made one after another sort
 * one after another, so the store's event-id index grows at its right edge instead of at random.
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  const random = randomUUID().replace(/-/g, '');
  const time = now.toString(16).padStart(12, '0').slice(-12);
  const variant = ((parseInt(random[16], 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(13, 16)}-${variant}${random.slice(17, 20)}-${random.slice(20, 32)}`;
}

/**
 * Wraps decided domain events in envelopes. `idempotencyKey`, when given, makes the event ids
 * deterministic so a retried request (same activity id) cannot store a second copy.
 */
export function toNewEvents(
  decided: readonly DomainEvent[],
  meta: CommandMeta,
  recordedAt: Date,
  idempotencyKey?: string,
): NewEvent[] {
  const correlationId = meta.correlationId ?? randomUUID();
  return decided.map((event, i) => ({
    eventId: idempotencyKey ? deterministicUuid(`${idempotencyKey}#${event.type}#${i}`) : timeOrderedUuid(recordedAt.getTime()),
    type: event.type,
    schemaVersion: CURRENT_SCHEMA_VERSIONS[event.type],
    data: event.data,
    metadata: {
      actor: meta.actor,
      recordedAt: recordedAt.toISOString(),
      source: meta.source,
      correlationId,
      causationId: null,
      ...(meta.extra ?? {}),
    },
  }));
}
