import { jsonEvent } from '@eventstore/db-client';
import type { EventData } from '@eventstore/db-client';
import { EventMetadata, StoredEvent } from '../envelope';
import { ChainedEvent } from '../hash-chain';
import { serverEventUuid } from './event-uuid';
import { globalPositionOf, RecordLike } from './recorded-event';
import { StreamNaming } from './stream-naming';
import { versionOfRevision } from './revision';

/** Marks an event's metadata as written by this adapter, and its layout version. */
export const ENVELOPE_FORMAT = 1;

/**
 * The server-side metadata of a ledger event: everything of our envelope the server has no field
 * for, so the event reads back whole and re-hashes to its stored hash. `$correlationId` and
 * `$causationId` repeat our ids under the names EventStoreDB's own projections and UI know.
 */
export interface ServerMetadata {
  taizhang: typeof ENVELOPE_FORMAT;
  eventId: string;
  schemaVersion: number;
  /** As hashed; the server's revision + 1 is what reads report, so an edit shows as a hash break. */
  streamVersion: number;
  prevHash: string;
  hash: string;
  metadata: EventMetadata;
  $correlationId?: string;
  $causationId?: string;
}

/**
 * The server event for a chained event. Data and metadata go as the values their canonical JSON
 * texts parse to (what was hashed), so whatever the caller passed (dates, class instances) reads
 * back as the same plain JSON the hash covers.
 */
export function encodeEvent(event: ChainedEvent): EventData {
  const metadata = JSON.parse(event.metadataJson) as EventMetadata;
  const serverMetadata: ServerMetadata = {
    taizhang: ENVELOPE_FORMAT,
    eventId: event.eventId,
    schemaVersion: event.schemaVersion,
    streamVersion: event.streamVersion,
    prevHash: event.prevHash,
    hash: event.hash,
    metadata,
    ...(typeof metadata.correlationId === 'string' ? { $correlationId: metadata.correlationId } : {}),
    ...(typeof metadata.causationId === 'string' ? { $causationId: metadata.causationId } : {}),
  };
  return jsonEvent({
    id: serverEventUuid(event.eventId),
    type: event.type,
    data: JSON.parse(event.dataJson) as Record<string, unknown>,
    metadata: serverMetadata as unknown as Record<string, unknown>,
  });
}

/**
 * The ledger event a server record holds, or undefined when the record is not one (a system
 * stream, a claim, another namespace, another application's event). A record that claims to be
 * ours but is malformed is an error, not something to skip.
 */
export function decodeEvent(record: RecordLike, naming: StreamNaming): StoredEvent | undefined {
  const streamId = naming.ledgerStreamId(record.streamId);
  if (streamId === undefined || !isOurs(record)) return undefined;
  const meta = checkedMetadata(record);
  return {
    eventId: meta.eventId,
    type: record.type,
    schemaVersion: meta.schemaVersion,
    data: record.data,
    metadata: meta.metadata,
    streamId,
    streamVersion: versionOfRevision(record.revision),
    globalPosition: globalPositionOf(record),
    prevHash: meta.prevHash,
    hash: meta.hash,
  };
}

/** Like decodeEvent, for reads of a ledger stream, where a foreign event is an error. */
export function decodeLedgerEvent(record: RecordLike, naming: StreamNaming): StoredEvent {
  const event = decodeEvent(record, naming);
  if (!event) {
    throw new Error(
      `流 ${record.streamId} 的第 ${versionOfRevision(record.revision)} 个事件不是台账写入的事件。` +
        `Event ${versionOfRevision(record.revision)} of stream ${record.streamId} was not written by Taizhang.`,
    );
  }
  return event;
}

function isOurs(record: RecordLike): boolean {
  const meta = record.metadata;
  return record.isJson && typeof meta === 'object' && meta !== null && !(meta instanceof Uint8Array) && 'taizhang' in meta;
}

function checkedMetadata(record: RecordLike): ServerMetadata {
  const meta = record.metadata as Partial<ServerMetadata>;
  const valid =
    meta.taizhang === ENVELOPE_FORMAT &&
    typeof meta.eventId === 'string' &&
    Number.isSafeInteger(meta.schemaVersion) &&
    Number.isSafeInteger(meta.streamVersion) &&
    typeof meta.prevHash === 'string' &&
    typeof meta.hash === 'string' &&
    typeof meta.metadata === 'object' &&
    meta.metadata !== null;
  if (!valid) {
    throw new Error(
      `流 ${record.streamId} 的事件 ${record.id} 元数据格式无法识别（格式版本 ${String(meta.taizhang)}）。` +
        `Event ${record.id} of stream ${record.streamId} has metadata this version cannot read (format ${String(meta.taizhang)}).`,
    );
  }
  return meta as ServerMetadata;
}
