import { WriteBackDocTable } from './write-back-doc-table';

interface Doc {
  id: string;
  v: number;
}

describe('WriteBackDocTable', () => {
  function setup(capacity: number) {
    const stored = new Map<string, Doc>();
    const writes: Doc[] = [];
    const cache = new WriteBackDocTable<Doc>(
      (id) => stored.get(id),
      (doc) => {
        writes.push(doc);
        stored.set(doc.id, doc);
      },
      capacity,
    );
    return { stored, writes, cache };
  }

  it('writes a changed document only when it leaves the cache or at the end', () => {
    const { writes, cache } = setup(2);
    for (let v = 1; v <= 100; v++) cache.put({ id: 'hot', v });
    expect(writes).toEqual([]);
    cache.put({ id: 'x', v: 1 });
    cache.put({ id: 'y', v: 1 }); // evicts hot, the least recently used
    expect(writes).toEqual([{ id: 'hot', v: 100 }]);
    cache.flushAll();
    expect(writes).toEqual([
      { id: 'hot', v: 100 },
      { id: 'x', v: 1 },
      { id: 'y', v: 1 },
    ]);
    cache.flushAll();
    expect(writes).toHaveLength(3);
  });

  it('reads an evicted document back from the table', () => {
    const { cache } = setup(1);
    cache.put({ id: 'a', v: 1 });
    cache.put({ id: 'b', v: 1 });
    expect(cache.get('a')).toEqual({ id: 'a', v: 1 });
  });

  it('evicts the least recently used tenth at once when it overflows', () => {
    const { writes, cache } = setup(20);
    for (let i = 0; i < 20; i++) cache.put({ id: `d${i}`, v: 1 });
    cache.get('d0'); // d0 is now the most recent; d1 and d2 the least
    expect(writes).toEqual([]);
    cache.put({ id: 'd20', v: 1 });
    expect(writes.map((d) => d.id)).toEqual(['d1', 'd2', 'd3']);
    cache.flushAll();
    expect(writes).toHaveLength(21);
  });

  it('does not write a document it only read', () => {
    const { stored, writes, cache } = setup(1);
    stored.set('a', { id: 'a', v: 1 });
    cache.get('a');
    cache.get('b');
    cache.put({ id: 'c', v: 1 });
    cache.flushAll();
    expect(writes).toEqual([{ id: 'c', v: 1 }]);
  });
});
