import { EventStoreDBClient } from '@eventstore/db-client';
import { StoreUrlError } from '../errors';
import { isEsdbUrl, parseEsdbUrl } from './esdb-url';

function refusal(url: string): StoreUrlError {
  try {
    parseEsdbUrl(url);
  } catch (error) {
    if (error instanceof StoreUrlError) return error;
    throw error;
  }
  throw new Error(`expected ${url} to be refused`);
}

describe('isEsdbUrl', () => {
  it.each(['esdb://localhost:2113', 'ESDB+discover://cluster.dns:2113', 'kurrentdb://db:2113?tls=false', 'kurrentdb+discover://x', 'kurrent://x', 'esdb:missing-slashes'])(
    'recognises %s by its scheme',
    (url) => expect(isEsdbUrl(url)).toBe(true),
  );

  it.each(['sqlite:./data/taizhang.db', 'postgres://u:p@db/taizhang', 'http://localhost:2113', 'localhost:2113', ''])('leaves %j to other adapters', (url) =>
    expect(isEsdbUrl(url)).toBe(false),
  );
});

describe('parseEsdbUrl', () => {
  it('keeps an esdb:// URL as the client connection string, adding the default port', () => {
    expect(parseEsdbUrl('esdb://localhost?tls=false')).toEqual({
      kind: 'esdb',
      connectionString: 'esdb://localhost:2113?tls=false',
      displayUrl: 'esdb://localhost:2113?tls=false',
    });
  });

  it('maps kurrentdb:// and kurrent:// to the same connection string as esdb://', () => {
    const esdb = parseEsdbUrl('esdb://db.example:2113?tls=false').connectionString;
    expect(parseEsdbUrl('kurrentdb://db.example:2113?tls=false').connectionString).toBe(esdb);
    expect(parseEsdbUrl('KurrentDB://db.example:2113?tls=false').connectionString).toBe(esdb);
    expect(parseEsdbUrl('kurrent://db.example:2113?tls=false').connectionString).toBe(esdb);
  });

  it('keeps DNS discovery and gossip seeds of several hosts', () => {
    expect(parseEsdbUrl('kurrentdb+discover://cluster.example:2113').connectionString).toBe('esdb+discover://cluster.example:2113');
    expect(parseEsdbUrl('esdb://node1:2111,node2:2112,node3?tls=true&nodePreference=leader').connectionString).toBe(
      'esdb://node1:2111,node2:2112,node3:2113?tls=true&nodePreference=leader',
    );
  });

  it('passes credentials to the client but never shows them', () => {
    const location = parseEsdbUrl('esdb://admin:s3cr%40t@db.example:2113?tls=true&tlsCAFile=certs/ca/ca.crt');
    expect(location.connectionString).toBe('esdb://admin:s3cr%40t@db.example:2113?tls=true&tlsCAFile=certs/ca/ca.crt');
    expect(location.displayUrl).toBe('esdb://***@db.example:2113?tls=true&tlsCAFile=certs/ca/ca.crt');
    expect(location.displayUrl).not.toContain('admin');
  });

  it('takes the namespace out of the options the client sees', () => {
    const location = parseEsdbUrl('esdb://localhost:2113?tls=false&namespace=province-gd');
    expect(location.streamNamespace).toBe('province-gd');
    expect(location.connectionString).toBe('esdb://localhost:2113?tls=false');
    expect(parseEsdbUrl('esdb://localhost:2113?namespace=t1').connectionString).toBe('esdb://localhost:2113');
  });

  it('produces connection strings the client itself accepts', async () => {
    for (const url of ['esdb://localhost?tls=false', 'esdb://admin:changeit@a:2111,b:2112,c:2113?tls=false&keepAliveInterval=10000', 'kurrentdb+discover://dns.example']) {
      const client = EventStoreDBClient.connectionString(parseEsdbUrl(url).connectionString);
      await client.dispose();
    }
  });

  it.each([
    ['no slashes', 'esdb:db.internal:2113'],
    ['no host', 'esdb://?tls=false'],
    ['a bad port', 'esdb://admin:topsecret@db.internal:99999'],
    ['a port that is no number', 'esdb://admin:topsecret@db.internal:21x3'],
    ['a bad host', 'esdb://admin:topsecret@local host:2113'],
    ['credentials without a password', 'esdb://topsecret@db.internal:2113'],
    ['an option without a value', 'esdb://admin:topsecret@db.internal:2113?tls'],
    ['an unknown option', 'esdb://admin:topsecret@db.internal:2113?tlss=false'],
    ['a bad option value', 'esdb://admin:topsecret@db.internal:2113?tls=maybe'],
    ['reads from followers, which may lag behind the appends', 'esdb://admin:topsecret@db.internal:2113?nodePreference=follower'],
    ['appends that would not throw on conflict', 'esdb://admin:topsecret@db.internal:2113?throwOnAppendFailure=false'],
    ['a bad namespace', 'esdb://admin:topsecret@db.internal:2113?namespace=a/b'],
    ['another scheme', 'postgres://admin:topsecret@db.internal/db'],
  ])('refuses %s without echoing the URL', (_reason, url) => {
    const error = refusal(url);
    expect(error.message).not.toContain('topsecret');
    expect(error.message).not.toContain('db.internal');
    // Bilingual: the user reads Chinese, logs and tests read English.
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error.message).toMatch(/[A-Za-z]{4,}/);
  });
});
