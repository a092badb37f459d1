import { resolve } from 'node:path';
import { StoreUrlError } from './errors';
import { DEFAULT_STORE_URL, parseStoreUrl, sqliteFilePath } from './open-event-store';

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

  it.each([
    ['postgres://ledger:secret@db.example/taizhang', 'postgres://ledger:secret@db.example/taizhang', 'public'],
    ['postgresql://ledger:secret@db.example:5433/taizhang?schema=ledger_2024', 'postgresql://ledger:secret@db.example:5433/taizhang', 'ledger_2024'],
    ['  POSTGRES://db.example/taizhang?sslmode=require&schema=tz  ', 'postgres://db.example/taizhang?sslmode=require', 'tz'],
  ])('reads %s as a PostgreSQL store', (url, connectionString, schema) => {
    expect(parseStoreUrl(url)).toEqual({ kind: 'postgres', connectionString, schema });
  });

  it.each([
    ['esdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['kurrentdb://ledger:secret@db.example:2113?tls=true', 'esdb://ledger:secret@db.example:2113?tls=true'],
  ])('reads %s as an EventStoreDB store, showing no credentials', (url, connectionString) => {
    const location = parseStoreUrl(url);
    expect(location).toMatchObject({ kind: 'esdb', connectionString });
    expect(JSON.stringify({ ...location, connectionString: undefined })).not.toContain('secret');
  });

  it.each(['mysql://ledger:secret@x'])(
    'refuses %s, naming the supported scheme and not echoing the URL',
    (url) => {
      const error = captureError(() => parseStoreUrl(url));
      expect(error).toBeInstanceOf(StoreUrlError);
      expect((error as Error).message).toContain('sqlite:');
      expect((error as Error).message).toContain('postgres://');
      expect((error as Error).message).toContain('esdb://');
      expect((error as Error).message).toContain(url.split(':')[0]);
      expect((error as Error).message).not.toContain('secret');
    },
  );

  it.each([
    '',
    './data/taizhang.db',
    'sqlite:',
    'sqlite://host/ledger.db',
    'sqlite::memory:',
    'postgres://db/taizhang?schema=Bad-Name',
    'postgres://db/taizhang?schema=a&schema=b',
    'postgres://[bad',
  ])('refuses %j', (url) => {
    expect(() => parseStoreUrl(url)).toThrow(StoreUrlError);
  });

  it('gives the file of a SQLite URL to tools that need one, and refuses a PostgreSQL URL', () => {
    expect(sqliteFilePath('sqlite:./data/t.db')).toBe(resolve('data/t.db'));
    expect(() => sqliteFilePath('postgres://u:secret@db/taizhang')).toThrow(StoreUrlError);
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
