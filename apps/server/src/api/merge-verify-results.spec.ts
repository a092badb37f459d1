import { mergeVerifyResults } from './merge-verify-results';

describe('mergeVerifyResults', () => {
  const head = (version: number) => ({ version, hash: `h${version}` });

  it('adds up streams and events and keeps every head when all chains are intact', () => {
    const merged = mergeVerifyResults([
      { ok: true, streams: 1, events: 3, heads: { 'org-a': head(3) } },
      { ok: true, streams: 1, events: 5, heads: { 'org-b': head(5) } },
    ]);
    expect(merged).toEqual({ ok: true, streams: 2, events: 8, heads: { 'org-a': head(3), 'org-b': head(5) } });
  });

  it('reports the first broken stream and stays broken after an intact one', () => {
    const merged = mergeVerifyResults([
      { ok: true, streams: 1, events: 2, heads: { 'org-a': head(2) } },
      { ok: false, streams: 1, events: 4, heads: { 'org-b': head(4) }, stream: 'org-b', version: 2, eventId: 'e2', reason: 'hash-mismatch' },
      { ok: false, streams: 1, events: 1, heads: { 'org-c': head(1) }, stream: 'org-c', version: 1, reason: 'missing-events' },
      { ok: true, streams: 1, events: 1, heads: { 'org-d': head(1) } },
    ]);
    expect(merged).toMatchObject({ ok: false, streams: 4, events: 8, stream: 'org-b', version: 2, eventId: 'e2', reason: 'hash-mismatch' });
  });

  it('says an empty scope is intact with nothing in it', () => {
    expect(mergeVerifyResults([])).toEqual({ ok: true, streams: 0, events: 0, heads: {} });
  });
});
