import { sampleEvent, sampleEvents } from './contract/sample-events';
import { IdempotencyError } from './errors';
import { assertAppendable, replayOutcome, StoredLocation } from './append-checks';

const at = (streamId: string, streamVersion: number, globalPosition: bigint): StoredLocation => ({ streamId, streamVersion, globalPosition });

describe('the idempotency rule, from where a batch is already stored', () => {
  const batch = sampleEvents(3);

  it('goes on with the append when no event is stored', () => {
    expect(replayOutcome('org-1', batch, [undefined, undefined, undefined])).toBeUndefined();
    expect(replayOutcome('org-1', [], [])).toBeUndefined();
  });

  it('answers a replay of a stored batch with the version and position of its last event', () => {
    expect(replayOutcome('org-1', batch, [at('org-1', 4, 400n), at('org-1', 5, 500n), at('org-1', 6, 600n)])).toEqual({
      nextVersion: 6,
      lastPosition: 600n,
      alreadyStored: true,
    });
  });

  it('refuses a batch partly stored, whichever part', () => {
    expect(() => replayOutcome('org-1', batch, [at('org-1', 1, 10n), undefined, undefined])).toThrow(IdempotencyError);
    expect(() => replayOutcome('org-1', batch, [undefined, undefined, at('org-1', 2, 20n)])).toThrow(/1 of the 3 events/);
  });

  it('refuses an event stored in another stream, naming it', () => {
    expect(() => replayOutcome('org-2', batch, [at('org-1', 1, 10n), at('org-1', 2, 20n), at('org-1', 3, 30n)])).toThrow(
      /already stored in stream org-1, not in org-2/,
    );
  });
});

describe('checks before the server is asked', () => {
  it('refuses bad expected versions, empty or repeated event ids and undefined payloads', () => {
    expect(() => assertAppendable('org-1', [sampleEvent()], -1)).toThrow(RangeError);
    expect(() => assertAppendable('org-1', [sampleEvent()], 1.5)).toThrow(RangeError);
    expect(() => assertAppendable('org-1', [sampleEvent({ eventId: '' })], 'any')).toThrow(TypeError);
    expect(() => assertAppendable('org-1', [sampleEvent({ data: undefined })], 'any')).toThrow(TypeError);
    const [a] = sampleEvents(1);
    expect(() => assertAppendable('org-1', [a, { ...a }], 'no-stream')).toThrow(IdempotencyError);
  });

  it('accepts well-formed batches, empty ones included', () => {
    expect(() => assertAppendable('org-1', sampleEvents(2), 0)).not.toThrow();
    expect(() => assertAppendable('org-1', [], 'any')).not.toThrow();
    expect(() => assertAppendable('org-1', [], 'no-stream')).not.toThrow();
  });
});
