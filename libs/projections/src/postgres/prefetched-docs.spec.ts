import { PrefetchedDocs } from './prefetched-docs';

interface Doc {
  id: string;
  n: number;
}

describe('PrefetchedDocs', () => {
  it('refuses to read what was not prefetched, and knows what a load did not find is absent', () => {
    const docs = new PrefetchedDocs<Doc>((d) => d.id, 10);
    expect(() => docs.get('a')).toThrow(/without being prefetched/);
    expect(docs.missing(['a', 'b', 'a'])).toEqual(['a', 'b']);
    docs.supply(['a', 'b'], [{ id: 'a', n: 1 }]);
    expect(docs.get('a')).toEqual({ id: 'a', n: 1 });
    expect(docs.get('b')).toBeUndefined();
    expect(docs.missing(['a', 'b', 'c'])).toEqual(['c']);
  });

  it('hands out each changed document once, and keeps it as clean', () => {
    const docs = new PrefetchedDocs<Doc>((d) => d.id, 10);
    docs.put({ id: 'a', n: 1 });
    docs.put({ id: 'a', n: 2 });
    expect(docs.takeDirty()).toEqual([{ id: 'a', n: 2 }]);
    expect(docs.takeDirty()).toEqual([]);
    expect(docs.get('a')).toEqual({ id: 'a', n: 2 });
  });

  it('trims clean documents only, and a complete set asks again only for the trimmed ones', () => {
    const docs = new PrefetchedDocs<Doc>((d) => d.id, 10, true);
    expect(docs.mayNeedLoading).toBe(false);
    expect(docs.get('never-seen')).toBeUndefined();
    for (let i = 0; i < 12; i++) docs.put({ id: `d${i}`, n: i });
    docs.trim();
    expect(docs.size).toBe(12);
    docs.takeDirty();
    docs.trim();
    expect(docs.size).toBe(9);
    expect(docs.mayNeedLoading).toBe(true);
    expect(() => docs.get('d0')).toThrow(/without being prefetched/);
    expect(docs.missing(['d0', 'd11', 'new'])).toEqual(['d0']);
    docs.supply(['d0'], [{ id: 'd0', n: 0 }]);
    expect(docs.get('d0')).toEqual({ id: 'd0', n: 0 });
    expect(docs.get('new')).toBeUndefined();
  });
});
