import { StoredEvent } from '../envelope';
import { streamRuns } from './stream-runs';

const at = (streamId: string, streamVersion: number, position: number) => ({ streamId, streamVersion, globalPosition: BigInt(position) }) as StoredEvent;

describe('streamRuns', () => {
  it('groups consecutive events of one stream and starts a new run at every switch, keeping global order', () => {
    const page = [at('a', 1, 1), at('a', 2, 2), at('b', 1, 3), at('a', 3, 4), at('a', 4, 5), at('a', 5, 6), at('c', 1, 7)];
    const runs = streamRuns(page);
    expect(runs.map((r) => r.map((e) => `${e.streamId}@${e.streamVersion}`))).toEqual([['a@1', 'a@2'], ['b@1'], ['a@3', 'a@4', 'a@5'], ['c@1']]);
    expect(runs.flat()).toEqual(page);
  });

  it('gives no runs for an empty page', () => {
    expect(streamRuns([])).toEqual([]);
  });
});
