import { StoredEvent } from '../envelope';

/**
 * Splits a page (in global order) into runs of consecutive events of one stream. Each run becomes
 * one append, so the target receives the events in the source's global order.
 */
export function streamRuns(page: readonly StoredEvent[]): StoredEvent[][] {
  const runs: StoredEvent[][] = [];
  let current: StoredEvent[] | undefined;
  for (const event of page) {
    if (current && current[0].streamId === event.streamId) current.push(event);
    else runs.push((current = [event]));
  }
  return runs;
}
