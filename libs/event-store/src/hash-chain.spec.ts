import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, NewEvent } from './envelope';
import { chainEvents, hashOf, StreamChainVerifier } from './hash-chain';

const event = (id: string, data: unknown): NewEvent => ({
  eventId: id,
  type: 'ActivityLogged',
  schemaVersion: 1,
  data,
  metadata: { actor: '张三', recordedAt: '2021-03-05T01:00:00.000Z', source: 'cli', correlationId: 'c', causationId: null },
});

describe('hash chain', () => {
  it('hashes the canonical JSON of the envelope without the global position', () => {
    const [e] = chainEvents('org-b1', 0, GENESIS_HASH, [event('e1', { z: 1, a: [1, 2] })]);
    const { eventId, streamId, streamVersion, type, schemaVersion, data, metadata, prevHash } = e;
    const expected = createHash('sha256')
      .update(canonicalJson({ eventId, streamId, streamVersion, type, schemaVersion, data, metadata, prevHash }))
      .digest('hex');
    expect(e.hash).toBe(expected);
    expect(hashOf(e)).toBe(expected);
    expect(e.dataJson).toBe('{"a":[1,2],"z":1}');
  });

  it('links each event to the previous hash and numbers versions on', () => {
    const chained = chainEvents('org-b1', 4, 'f'.repeat(64), [event('e1', { n: 1 }), event('e2', { n: 2 })]);
    expect(chained.map((e) => e.streamVersion)).toEqual([5, 6]);
    expect(chained[0].prevHash).toBe('f'.repeat(64));
    expect(chained[1].prevHash).toBe(chained[0].hash);
  });

  it('names the first event whose content no longer matches its hash', () => {
    const chained = chainEvents('org-b1', 0, GENESIS_HASH, [event('e1', { n: 1 }), event('e2', { n: 2 }), event('e3', { n: 3 })]);
    const stored = chained.map((e, i) => ({ ...e, globalPosition: BigInt(i + 1) }));
    stored[1] = { ...stored[1], data: { n: 20 } };
    const verifier = new StreamChainVerifier('org-b1');
    stored.forEach((e) => verifier.check(e));
    expect(verifier.firstBreak).toMatchObject({ streamVersion: 2, eventId: 'e2', reason: 'hash-mismatch' });
  });
});
