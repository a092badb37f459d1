import { StreamHeads } from './stream-heads';

const GENESIS = '0'.repeat(64);

describe('StreamHeads', () => {
  it('answers only for the version it remembers, and for version 0 with the genesis hash', () => {
    const heads = new StreamHeads();
    heads.saw('org-1', { version: 3, hash: 'h3' });
    expect(heads.at('org-1', 3, GENESIS)).toEqual({ version: 3, hash: 'h3' });
    expect(heads.at('org-1', 2, GENESIS)).toBeUndefined();
    expect(heads.at('org-2', 3, GENESIS)).toBeUndefined();
    expect(heads.at('org-2', 0, GENESIS)).toEqual({ version: 0, hash: GENESIS });
  });

  it('keeps the newest head it saw, and forgets on demand', () => {
    const heads = new StreamHeads();
    heads.saw('org-1', { version: 5, hash: 'h5' });
    heads.saw('org-1', { version: 4, hash: 'h4' });
    expect(heads.at('org-1', 5, GENESIS)?.hash).toBe('h5');
    heads.forget('org-1');
    expect(heads.at('org-1', 5, GENESIS)).toBeUndefined();
  });

  it('forgets the stream seen least recently once full', () => {
    const heads = new StreamHeads(2);
    heads.saw('a', { version: 1, hash: 'a1' });
    heads.saw('b', { version: 1, hash: 'b1' });
    heads.saw('a', { version: 2, hash: 'a2' });
    heads.saw('c', { version: 1, hash: 'c1' });
    expect(heads.at('b', 1, GENESIS)).toBeUndefined();
    expect(heads.at('a', 2, GENESIS)?.hash).toBe('a2');
    expect(heads.at('c', 1, GENESIS)?.hash).toBe('c1');
  });
});
