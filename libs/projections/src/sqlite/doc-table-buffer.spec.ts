import { DocTableBuffer } from './doc-table-buffer';

interface Doc {
  id: string;
  v: number;
}

/** A table stand-in: the buffer only ever sees a load and a write function. */
function table(rows: Doc[] = []) {
  const stored = new Map(rows.map((r) => [r.id, r]));
  const loads: string[] = [];
  const writes: Doc[] = [];
  return {
    stored,
    loads,
    writes,
    load: (id: string) => (loads.push(id), stored.get(id)),
    write: (doc: Doc) => (writes.push(doc), void stored.set(doc.id, doc)),
  };
}

describe('DocTableBuffer', () => {
  it('writes each changed document once per flush, the latest version', () => {
    const t = table();
    const buffer = new DocTableBuffer<Doc>(t.load, t.write, 10);
    buffer.put({ id: 'a', v: 1 });
    buffer.put({ id: 'a', v: 2 });
    buffer.put({ id: 'b', v: 1 });
    expect(buffer.get('a')).toEqual({ id: 'a', v: 2 });
    expect(t.writes).toEqual([]);
    buffer.flush();
    expect(t.writes).toEqual([
      { id: 'a', v: 2 },
      { id: 'b', v: 1 },
    ]);
    buffer.flush();
    expect(t.writes).toHaveLength(2);
  });

  it('serves recently used documents from its cache and evicts the least recently used', () => {
    const t = table([
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
      { id: 'c', v: 1 },
    ]);
    const buffer = new DocTableBuffer<Doc>(t.load, t.write, 2);
    buffer.get('a');
    buffer.get('b');
    buffer.get('a'); // a is now the most recent
    buffer.get('c'); // evicts b
    expect(t.loads).toEqual(['a', 'b', 'c']);
    buffer.get('a');
    buffer.get('b');
    expect(t.loads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('forgets pending changes and cache on clear', () => {
    const t = table([{ id: 'a', v: 1 }]);
    const buffer = new DocTableBuffer<Doc>(t.load, t.write, 2);
    buffer.get('a');
    buffer.put({ id: 'a', v: 9 });
    expect(buffer.isPending('a')).toBe(true);
    buffer.clear();
    expect(buffer.isPending('a')).toBe(false);
    expect(buffer.get('a')).toEqual({ id: 'a', v: 1 });
    buffer.flush();
    expect(t.writes).toEqual([]);
  });
});
