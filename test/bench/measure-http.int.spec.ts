import { lastYear } from '../helpers/dates';
import { measureHttp } from './measure-http';

/**
 * The http section end to end on a small load: the compiled server (`npm run build` first) as its
 * own process, two signed-in clients of two branches. What the section's own figures rest on must
 * hold: every prepared body is accepted, the server stops cleanly on SIGTERM, and the store holds
 * exactly the activities acknowledged.
 */
describe('measureHttp', () => {
  it('logs over HTTP with every request acknowledged, and finds exactly the acknowledged activities in the store', async () => {
    const outcome = await measureHttp({ clients: 2, seconds: 1 }, lastYear());

    expect(outcome.counts.acked).toBeGreaterThan(0);
    expect(outcome.counts).toMatchObject({ refused: 0, failed: 0, acked: outcome.counts.sent });
    expect(outcome.counts.stored).toBe(outcome.counts.acked);
    expect(outcome.serverExit).toEqual({ code: 0, signal: null });
    expect(outcome.figures.map((f) => f.id)).toEqual(['httpLogThroughput', 'httpLogP99', 'httpLost', 'httpErrors']);
    expect(outcome.figures.find((f) => f.id === 'httpLost')?.value).toBe(0);
  });
});
