import { canonicalJson, slowCanonicalJson } from './canonical-json';

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

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});
