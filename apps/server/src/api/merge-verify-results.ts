import type { VerifyResult } from '../../../../libs/application/src/queries/verify.query';

/**
 * One verification over several orgs' streams (an account's scope): counts and heads add up; the
 * first broken stream, in the order given, is the one reported, as a whole-ledger verify would.
 */
export function mergeVerifyResults(results: readonly VerifyResult[]): VerifyResult {
  const merged: VerifyResult = { ok: true, streams: 0, events: 0, heads: {} };
  for (const r of results) {
    merged.streams += r.streams;
    merged.events += r.events;
    Object.assign(merged.heads, r.heads);
    if (!r.ok && merged.ok) {
      merged.ok = false;
      merged.stream = r.stream;
      merged.version = r.version;
      if (r.eventId !== undefined) merged.eventId = r.eventId;
      merged.reason = r.reason;
    }
  }
  return merged;
}
