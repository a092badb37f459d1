import { ANY, NO_STREAM } from '@eventstore/db-client';
import type { AppendExpectedRevision, CurrentRevision } from '@eventstore/db-client';
import { ExpectedVersion } from '../port';

/*
 * Our stream versions count events from 1 (version N = the stream holds N events); EventStoreDB
 * revisions number events from 0. So version N is revision N - 1, and version 0 (absent) is
 * "no stream".
 */

/** The revision of the event at stream version `version` (1 or more). */
export function revisionOfVersion(version: number): bigint {
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`a stream version is a positive integer, got ${version}`);
  return BigInt(version - 1);
}

/** The stream version of the event at `revision`. */
export function versionOfRevision(revision: bigint): number {
  if (revision < 0n) throw new RangeError(`a revision is not negative, got ${revision}`);
  return Number(revision) + 1;
}

/** Our expected version as the server checks it: 0 and 'no-stream' both mean "absent". */
export function expectedRevisionOf(expected: ExpectedVersion): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no-stream' || expected === 0) return NO_STREAM;
  return revisionOfVersion(expected);
}

/** The version a stream is at, from the revision the server reports in a version conflict. */
export function versionOfCurrentRevision(current: CurrentRevision): number {
  return current === NO_STREAM ? 0 : versionOfRevision(current);
}
