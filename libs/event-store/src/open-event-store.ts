import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreUrlError } from './errors';
import { EventStore } from './port';
import { parsePostgresUrl, PostgresLocation, redactedPostgresUrl } from './postgres/postgres-url';
import { EsdbLocation, isEsdbUrl, openEsdbEventStore, parseEsdbUrl } from './eventstoredb';

/** Where the ledger keeps its events unless told otherwise (relative to the working directory). */
export const DEFAULT_STORE_URL = 'sqlite:./data/taizhang.db';

/** A parsed store URL: which adapter, and what it needs to connect. */
export type StoreLocation = { kind: 'sqlite'; filePath: string } | PostgresLocation | EsdbLocation;

const SUPPORTED =
  'sqlite:<文件路径/file path>（例如/e.g. sqlite:./data/taizhang.db, sqlite:/var/lib/taizhang/ledger.db），' +
  'postgres://用户:密码@主机:5432/数据库[?schema=模式]（e.g. postgres://user:password@host:5432/taizhang?schema=public，也可写 postgresql://），' +
  'esdb://主机:2113?tls=false（EventStoreDB；也可写 esdb+discover://、kurrentdb://）';

/**
 * Parses `sqlite:<path>` (a relative path is resolved against the working directory) and
 * `postgres://…` / `postgresql://…` (see postgres-url.ts). Only the scheme of a refused URL is
 * echoed back: a database URL may carry a password.
 */
export function parseStoreUrl(url: string): StoreLocation {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim());
  if (!match) {
    throw new StoreUrlError(`事件存储地址缺少协议前缀，目前支持：${SUPPORTED}。Event store URL has no scheme; supported: sqlite:<path>, postgres://…, esdb://….`);
  }
  const scheme = match[1].toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return parsePostgresUrl(url);
  if (isEsdbUrl(url)) return parseEsdbUrl(url);
  if (scheme !== 'sqlite') {
    throw new StoreUrlError(
      `不支持的事件存储协议“${scheme}:”，目前支持：${SUPPORTED}。` +
        `Unsupported event store scheme "${scheme}:"; supported: sqlite:<path>, postgres://…, esdb://… (or kurrentdb://…).`,
    );
  }
  let path = url.trim().slice(match[0].length);
  // sqlite:///abs/path.db is the URL spelling of an absolute path; sqlite://host/... names nothing we know.
  if (path.startsWith('//')) {
    if (!path.startsWith('///')) {
      throw new StoreUrlError(`SQLite 地址不能包含主机名，请写 sqlite:/绝对路径 或 sqlite:相对路径。SQLite URL must not name a host: ${url}`);
    }
    path = path.slice(2);
  }
  if (path === '') throw new StoreUrlError(`SQLite 地址缺少文件路径，例如 ${DEFAULT_STORE_URL}。SQLite URL has no file path.`);
  if (path === ':memory:') {
    throw new StoreUrlError('事件存储必须是文件，不能是 :memory:（每个命令进程都要打开同一个文件）。The event store must be a file, not :memory: (every CLI process opens the same file).');
  }
  return { kind: 'sqlite', filePath: resolve(path) };
}

/** The file of a `sqlite:` URL, for tools that work on the SQLite file itself; refuses other stores. */
export function sqliteFilePath(url: string): string {
  const location = parseStoreUrl(url);
  if (location.kind !== 'sqlite') {
    throw new StoreUrlError(`此操作只适用于 SQLite 事件存储（sqlite:<文件路径>）。This needs a SQLite store (sqlite:<path>), not ${location.kind}.`);
  }
  return location.filePath;
}

/** Opens the store a URL names, creating the SQLite file and its directory when absent. */
export async function openEventStore(url: string = DEFAULT_STORE_URL): Promise<EventStore> {
  const location = parseStoreUrl(url);
  switch (location.kind) {
    case 'sqlite': {
      mkdirSync(dirname(location.filePath), { recursive: true });
      // Loaded on demand so callers that never open SQLite do not load the native module.
      const { SqliteEventStore } = await import('./sqlite/sqlite-event-store');
      return new SqliteEventStore(location.filePath);
    }
    case 'postgres': {
      // Loaded on demand, like SQLite: a SQLite-only process never loads pg.
      const { PostgresEventStore } = await import('./postgres/postgres-event-store');
      const store = new PostgresEventStore({ connectionString: location.connectionString, schema: location.schema });
      try {
        // Connect and bring the schema up to date now, so a wrong URL fails here, not on first use.
        await store.ready();
      } catch (error) {
        await store.close();
        throw error;
      }
      return store;
    }
    case 'esdb':
      // Loaded on demand too (gRPC); connects once, so a wrong URL fails here.
      return openEsdbEventStore(location);
  }
}

/**
 * A store URL safe to print: passwords of PostgreSQL and EventStoreDB URLs replaced by `***`.
 * A URL that does not parse is shown by its scheme only.
 */
export function redactStoreUrl(url: string): string {
  try {
    const location = parseStoreUrl(url);
    if (location.kind === 'postgres') return redactedPostgresUrl(url);
    if (location.kind === 'esdb') return location.displayUrl;
    return url;
  } catch {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim());
    return scheme ? `${scheme[1]}:…` : '…';
  }
}
