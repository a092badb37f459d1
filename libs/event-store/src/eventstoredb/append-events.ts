import { NewEvent } from '../envelope';
import { ConcurrencyError } from '../errors';
import { assertAppendable, replayOutcome } from '../append-checks';
import { chainEvents } from '../hash-chain';
import { AppendResult, ExpectedVersion } from '../port';
import { concurrencyErrorFrom, explainAppendError, isWrongExpectedVersion } from './client-errors';
import { claimEventIds, locateEvents } from './event-id-claims';
import { encodeEvent } from './event-envelope';
import { EsdbContext } from './esdb-context';
import { expectedRevisionOf } from './revision';
import { positionAtVersion, readHead } from './stream-reads';

/** Attempts of an 'any' append that keeps losing the race for the stream head. */
const MAX_ANY_ATTEMPTS = 100;

/**
 * One append. The hash chain continues from the stream's last event, so the batch is written with
 * that event's revision as expected revision: if anyone appended in between, the server refuses
 * and nothing is written. An 'any' append then starts over from the new head; a numbered one
 * reports the conflict (after checking it was not this very batch, retried by another process).
 *
 * Idempotency is decided before the version check, as on every adapter: a writer retrying a batch
 * whose acknowledgement was lost holds a stale version and must still hear "done".
 */
export async function appendEvents(ctx: EsdbContext, streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
  ctx.naming.assertLedgerStreamId(streamId);
  assertAppendable(streamId, events, expected);
  const held = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    const head = await readHead(ctx, streamId);
    if (expected !== 'any' && (expected === 'no-stream' ? 0 : expected) !== head.version) {
      const replay = replayOutcome(streamId, events, await locateEvents(ctx, events));
      if (replay) return replay;
      throw new ConcurrencyError(streamId, expected, head.version);
    }
    if (events.length === 0) return { nextVersion: head.version, lastPosition: head.position, alreadyStored: false };

    const replay = replayOutcome(streamId, events, await claimEventIds(ctx, streamId, events, head.version + 1, held));
    if (replay) return replay;

    const chained = chainEvents(streamId, head.version, head.hash, events);
    try {
      await ctx.client.appendToStream(ctx.naming.serverName(streamId), chained.map(encodeEvent), {
        expectedRevision: expectedRevisionOf(head.version),
      });
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw explainAppendError(error, streamId, events.length);
      if (expected === 'any' && attempt < MAX_ANY_ATTEMPTS) continue;
      const replayed = replayOutcome(streamId, events, await locateEvents(ctx, events));
      if (replayed) return replayed;
      throw concurrencyErrorFrom(error, streamId, expected);
    }
    const last = chained[chained.length - 1];
    return { nextVersion: last.streamVersion, lastPosition: await positionAtVersion(ctx, streamId, last.streamVersion), alreadyStored: false };
  }
}
