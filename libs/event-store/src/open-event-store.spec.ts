import { resolve } from 'node:path';
import { StoreUrlError } from './errors';
import { DEFAULT_STORE_URL, parseStoreUrl } from './open-event-store';

describe('parseStoreUrl', () => {
  it('resolves the default URL against the working directory', () => {
    expect(DEFAULT_STORE_URL).toBe('sqlite:./data/taizhang.db');
    expect(parseStoreUrl(DEFAULT_STORE_URL)).toEqual({ kind: 'sqlite', filePath: resolve('data/taizhang.db') });
  });

  it.each([
    ['sqlite:/abs/path.db', '/abs/path.db'],
    ['sqlite:///abs/path.db', '/abs/path.db'],
    ['sqlite:relative.db', resolve('relative.db')],
    ['SQLite:../up/ledger.db', resolve('../up/ledger.db')],
    ['  sqlite:./台账/事件.db  ', resolve('台账/事件.db')],
  ])('reads %s as the file %s', (url, filePath) => {
    expect(parseStoreUrl(url)).toEqual({ kind: 'sqlite', filePath });
  });

  it.each(['postgres://ledger:secret@db.example/taizhang', 'esdb://localhost:2113?tls=false', 'mysql://x'])(
    'refuses %s, naming the supported scheme and not echoing the URL',
    (url) => {
      const error = captureError(() => parseStoreUrl(url));
      expect(error).toBeInstanceOf(StoreUrlError);
      expect((error as Error).message).toContain('sqlite:');
      expect((error as Error).message).toContain(url.split(':')[0]);
      expect((error as Error).message).not.toContain('secret');
    },
  );

  it.each(['', './data/taizhang.db', 'sqlite:', 'sqlite://host/ledger.db', 'sqlite::memory:'])('refuses %j', (url) => {
    expect(() => parseStoreUrl(url)).toThrow(StoreUrlError);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
