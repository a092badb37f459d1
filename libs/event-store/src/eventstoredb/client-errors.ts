import { ErrorType } from '@eventstore/db-client';
import type { CurrentRevision } from '@eventstore/db-client';
import { ConcurrencyError } from '../errors';
import { ExpectedVersion } from '../port';
import { versionOfCurrentRevision } from './revision';

/*
 * The client's errors are recognised by their `type` rather than `instanceof`: a second copy of
 * the client package (or a test realm) has classes of its own, but the same type strings.
 */

function typeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
}

export interface WrongExpectedVersionLike {
  type: ErrorType.WRONG_EXPECTED_VERSION;
  actualVersion: CurrentRevision;
}

/** The server refused an append because the stream was not at the expected revision. */
export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionLike {
  return typeOf(error) === ErrorType.WRONG_EXPECTED_VERSION;
}

/** A read of a stream that does not exist (our "empty stream"). */
export function isStreamNotFound(error: unknown): boolean {
  return typeOf(error) === ErrorType.STREAM_NOT_FOUND;
}

/** The stream version the server reported when it refused an append. */
export function actualVersionOf(error: WrongExpectedVersionLike): number {
  return versionOfCurrentRevision(error.actualVersion);
}

/** Our ConcurrencyError for a refused append, with the version the stream was really at. */
export function concurrencyErrorFrom(error: WrongExpectedVersionLike, streamId: string, expected: ExpectedVersion): ConcurrencyError {
  return new ConcurrencyError(streamId, expected, actualVersionOf(error));
}

/** A batch larger than the server's MaxAppendSize, said plainly (the server cannot split it atomically). */
export function explainAppendError(error: unknown, streamId: string, count: number): unknown {
  if (typeOf(error) !== ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED) return error;
  const limit = (error as { maxAppendSize?: unknown }).maxAppendSize;
  return new Error(
    `一次写入流 ${streamId} 的 ${count} 个事件超过了 EventStoreDB 的单次写入上限（MaxAppendSize=${String(limit)} 字节）；` +
      `请分批写入，或调大服务器的 EVENTSTORE_MAX_APPEND_SIZE。` +
      `Appending ${count} events to ${streamId} exceeds the server's MaxAppendSize (${String(limit)} bytes); ` +
      'append in smaller batches or raise EVENTSTORE_MAX_APPEND_SIZE.',
  );
}
