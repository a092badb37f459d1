import { ActivityLocator } from './activity-locator';

describe('ActivityLocator', () => {
  it('finds the rowid of every id added, also after growing well past its first capacity', () => {
    const locator = new ActivityLocator(16);
    const ids = Array.from({ length: 10_000 }, (_, i) => `20240101-${i.toString(36)}`);
    ids.forEach((id, i) => locator.add(id, i + 1));
    expect(locator.size).toBe(10_000);
    ids.forEach((id, i) => expect(locator.candidates(id)).toContain(i + 1));
    // Every lookup yields its own row, and almost never another one.
    const extra = ids.reduce((n, id) => n + locator.candidates(id).length - 1, 0);
    expect(extra).toBeLessThan(5);
  });

  it('yields no candidate for ids never added', () => {
    const locator = new ActivityLocator();
    for (let i = 0; i < 1_000; i++) locator.add(`a-${i}`, i + 1);
    for (let i = 0; i < 100; i++) expect(locator.candidates(`never-${i}`)).toEqual([]);
  });

  it('yields every row whose id hashes alike, leaving the choice to the caller', () => {
    // Two ids with the same 32-bit FNV-1a hash.
    const locator = new ActivityLocator();
    locator.add('a-36vu', 7);
    locator.add('a-ayea', 9);
    expect(locator.candidates('a-36vu').sort()).toEqual([7, 9]);
    expect(locator.candidates('a-ayea').sort()).toEqual([7, 9]);
  });

  it('refuses a rowid it cannot hold', () => {
    const locator = new ActivityLocator();
    expect(() => locator.add('x', 0)).toThrow(RangeError);
    expect(() => locator.add('x', 2 ** 31)).toThrow(RangeError);
    expect(() => locator.add('x', 1.5)).toThrow(RangeError);
  });
});
