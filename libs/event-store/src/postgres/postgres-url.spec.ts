import { StoreUrlError } from '../errors';
import { parsePostgresUrl, redactedPostgresUrl } from './postgres-url';

describe('parsePostgresUrl', () => {
  it('takes the schema parameter for itself and hands pg the rest of the URL unchanged', () => {
    expect(parsePostgresUrl('postgres://tz:p%40ss@db.example:5433/taizhang?sslmode=require&schema=ledger&application_name=tz')).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://tz:p%40ss@db.example:5433/taizhang?sslmode=require&application_name=tz',
      schema: 'ledger',
    });
  });

  it('defaults to the public schema, and accepts both scheme spellings and socket hosts', () => {
    expect(parsePostgresUrl('postgresql://localhost/taizhang')).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://localhost/taizhang',
      schema: 'public',
    });
    const socket = parsePostgresUrl('postgres:///taizhang?host=/var/run/postgresql');
    expect(new URL(socket.connectionString).searchParams.get('host')).toBe('/var/run/postgresql');
    expect(socket.schema).toBe('public');
  });

  it.each([
    ['postgres://tz:hunter2@db/taizhang?schema=Ledger', /Ledger/],
    ['postgres://tz:hunter2@db/taizhang?schema=', /schema/],
    ['postgres://tz:hunter2@db/taizhang?schema=a&schema=b', /schema/],
    ['postgres://tz:hunter2@[db/taizhang', /postgres:\/\/user:password@host/],
  ])('refuses %s without repeating the password', (url, message) => {
    let error: unknown;
    try {
      parsePostgresUrl(url);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreUrlError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('redacts the password for messages', () => {
    expect(redactedPostgresUrl('postgres://tz:hunter2@db:5432/taizhang?schema=x')).toBe('postgres://tz:***@db:5432/taizhang?schema=x');
    expect(redactedPostgresUrl('postgres://db/taizhang')).toBe('postgres://db/taizhang');
    expect(redactedPostgresUrl('not a url')).not.toContain('not a url');
  });
});
