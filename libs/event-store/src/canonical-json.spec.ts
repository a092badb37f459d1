import { seededRandom } from '../../application/src/demo/seeded-random';
import { canonicalJson, slowCanonicalJson } from './canonical-json';

/** Random JSON-like values: objects with keys in any order (sorted ones too), arrays, undefined members, awkward keys. */
function randomValue(random: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const r = random();
  if (depth <= 0 || r < 0.3) return pick<unknown>(['党课', '', 'a"b\\c', 0, -0, 1.5, -2, 1e21, true, false, null, undefined]);
  if (r < 0.5) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth - 1));
  const keys = Array.from({ length: Math.floor(random() * 5) }, () => pick(['a', 'b', 'date', 'activityId', 'orgId', 'Z', 'é', '书记', 'a1', '10', '2', '_']));
  if (random() < 0.5) keys.sort();
  const obj: Record<string, unknown> = {};
  for (const key of keys) obj[key] = randomValue(random, depth - 1);
  return obj;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":"é","z":1}]},"b":1}');
  });

  it('is independent of key insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('agrees with the literal definition on values the fast path cannot take', () => {
    const awkward = { b: 1, 10: 'ten', 2: 'two', n: 5n, list: [undefined, 1] };
    expect(canonicalJson(awkward)).toBe(slowCanonicalJson(awkward));
    expect(canonicalJson(awkward)).toBe('{"10":"ten","2":"two","b":1,"list":[null,1],"n":5}');
  });

  it('agrees with the literal definition on a realistic event body', () => {
    const body = {
      activityId: 'a1',
      orgId: 'b1',
      activity: { date: '2021-03-05', kinds: ['party-lecture'], attendees: [{ memberId: 'm1', status: 'present' }], hours: 1.5, note: null },
    };
    expect(canonicalJson(body)).toBe(slowCanonicalJson(body));
  });

  it('agrees with the literal definition on thousands of random values, and leaves them unchanged', () => {
    const random = seededRandom(9_704);
    for (let i = 0; i < 5_000; i++) {
      const value = randomValue(random, 4);
      const before = JSON.stringify(value);
      expect(canonicalJson(value)).toBe(slowCanonicalJson(value));
      expect(JSON.stringify(value)).toBe(before);
    }
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});
