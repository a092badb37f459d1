import { StoreUrlError } from '../errors';

/**
 * Where an EventStoreDB / KurrentDB store lives. Parsing needs no client library, so a caller
 * that only checks a URL never loads gRPC.
 */
export interface EsdbLocation {
  kind: 'esdb';
  /** In the form @eventstore/db-client reads (esdb:// or esdb+discover://), credentials included. */
  connectionString: string;
  /** The same with any user name and password replaced by `***`: safe for messages and logs. */
  displayUrl: string;
  /** From `?namespace=`: prefixed to every stream name, so several ledgers can share one server. */
  streamNamespace?: string;
}

/** Our schemes and the client's spelling of each: KurrentDB is EventStoreDB renamed, same protocol. */
const SCHEMES: Readonly<Record<string, 'esdb' | 'esdb+discover'>> = {
  esdb: 'esdb',
  'esdb+discover': 'esdb+discover',
  kurrentdb: 'esdb',
  'kurrentdb+discover': 'esdb+discover',
  kurrent: 'esdb',
  'kurrent+discover': 'esdb+discover',
};

const SUPPORTED =
  'esdb://主机:2113?tls=false、esdb+discover://…、kurrentdb://…（e.g. esdb://localhost:2113?tls=false）';

/** Option keys the client knows, as it compares them: case and `-`/`_` ignored. */
const CLIENT_OPTIONS: Readonly<Record<string, (value: string) => boolean>> = {
  tls: isBoolean,
  tlsverifycert: isBoolean,
  throwonappendfailure: (value) => value === 'true',
  tlscafile: nonEmpty,
  usercertfile: nonEmpty,
  userkeyfile: nonEmpty,
  connectionname: nonEmpty,
  // Appends continue from what they just read: only the leader is sure to have it.
  nodepreference: (value) => flat(value) === 'leader',
  maxdiscoverattempts: isInteger,
  defaultdeadline: isInteger,
  discoveryinterval: isInteger,
  gossiptimeout: isInteger,
  keepaliveinterval: isInteger,
  keepalivetimeout: isInteger,
};

const NAMESPACE = /^[A-Za-z0-9._-]{1,64}$/;
const HOST = /^[A-Za-z0-9._-]+$/;

/** True when the URL names an EventStoreDB or KurrentDB server (by scheme only). */
export function isEsdbUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme !== undefined && scheme in SCHEMES;
}

/**
 * Parses an EventStoreDB / KurrentDB URL into the client's connection string. Errors name only the
 * scheme and the option keys, never hosts or credentials: a mistyped URL may carry a password.
 */
export function parseEsdbUrl(url: string): EsdbLocation {
  const trimmed = url.trim();
  const scheme = schemeOf(trimmed);
  const clientScheme = scheme === undefined ? undefined : SCHEMES[scheme];
  if (!scheme || !clientScheme) {
    throw refused(`不是 EventStoreDB 地址，支持：${SUPPORTED}。`, 'Not an EventStoreDB URL.');
  }
  const afterScheme = trimmed.slice(scheme.length + 1);
  if (!afterScheme.startsWith('//')) {
    throw refused(`EventStoreDB 地址应写作 ${scheme}://主机:端口。`, `EventStoreDB URL must read ${scheme}://host:port.`);
  }
  const rest = afterScheme.slice(2);

  const { credentials, afterCredentials } = splitCredentials(rest);
  const queryAt = afterCredentials.indexOf('?');
  const hostPart = (queryAt < 0 ? afterCredentials : afterCredentials.slice(0, queryAt)).replace(/\/+$/, '');
  const query = queryAt < 0 ? '' : afterCredentials.slice(queryAt + 1);

  const hosts = parseHosts(hostPart);
  const { clientQuery, streamNamespace } = parseQuery(query);

  const tail = `${hosts.join(',')}${clientQuery ? `?${clientQuery}` : ''}`;
  return {
    kind: 'esdb',
    connectionString: `${clientScheme}://${credentials ? `${credentials}@` : ''}${tail}`,
    displayUrl: `${scheme}://${credentials ? '***@' : ''}${tail}`,
    ...(streamNamespace === undefined ? {} : { streamNamespace }),
  };
}

function schemeOf(url: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim());
  return match ? match[1].toLowerCase() : undefined;
}

/** `user:password@` up to the first `@`, as the client reads it (a password writes `@` as %40). */
function splitCredentials(rest: string): { credentials?: string; afterCredentials: string } {
  const at = rest.indexOf('@');
  if (at < 0) return { afterCredentials: rest };
  const credentials = rest.slice(0, at);
  const colon = credentials.indexOf(':');
  if (colon <= 0 || colon === credentials.length - 1) {
    throw refused('EventStoreDB 地址中的账号应写作 用户名:密码@（密码中的 @ 写作 %40）。', 'Credentials must read user:password@ (write @ in a password as %40).');
  }
  return { credentials, afterCredentials: rest.slice(at + 1) };
}

/** One or more `host[:port]`, comma-separated (a gossip seed); the port defaults to 2113. */
function parseHosts(hostPart: string): string[] {
  if (hostPart === '') throw refused('EventStoreDB 地址缺少主机名。', 'EventStoreDB URL has no host.');
  return hostPart.split(',').map((entry, i) => {
    const [host, port, ...extra] = entry.trim().split(':');
    if (!HOST.test(host) || extra.length > 0) {
      throw refused(`EventStoreDB 地址的第 ${i + 1} 个主机名无效。`, `Host number ${i + 1} of the EventStoreDB URL is invalid.`);
    }
    if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
      throw refused(`EventStoreDB 地址的第 ${i + 1} 个端口无效（1–65535）。`, `Port number ${i + 1} of the EventStoreDB URL is invalid (1-65535).`);
    }
    return `${host}:${port ?? '2113'}`;
  });
}

/** Keeps the client's options (checked here, so the client never echoes the URL), takes out ours. */
function parseQuery(query: string): { clientQuery: string; streamNamespace?: string } {
  if (query === '') return { clientQuery: '' };
  const kept: string[] = [];
  let streamNamespace: string | undefined;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1).trim();
    const safeKey = /^[A-Za-z_-]{1,40}$/.test(key) ? key : '?';
    if (eq < 0 || value === '') {
      throw refused(`EventStoreDB 地址的参数“${safeKey}”缺少取值（应写作 键=值）。`, `Option "${safeKey}" has no value (key=value).`);
    }
    if (key === 'namespace') {
      if (!NAMESPACE.test(value)) {
        throw refused('namespace 只能包含字母、数字、点、下划线和连字符（最多 64 个）。', 'namespace may hold letters, digits, ".", "_" and "-" (at most 64).');
      }
      streamNamespace = value;
      continue;
    }
    const check = CLIENT_OPTIONS[flat(key)];
    if (!check) {
      throw refused(`EventStoreDB 地址含有未知参数“${safeKey}”。`, `Unknown EventStoreDB URL option "${safeKey}".`);
    }
    if (!check(value)) {
      throw refused(`EventStoreDB 地址参数“${safeKey}”的取值无效。`, `Invalid value for EventStoreDB URL option "${safeKey}".`);
    }
    kept.push(`${key}=${value}`);
  }
  return { clientQuery: kept.join('&'), ...(streamNamespace === undefined ? {} : { streamNamespace }) };
}

function refused(chinese: string, english: string): StoreUrlError {
  return new StoreUrlError(`${chinese}${english}`);
}

function flat(text: string): string {
  return text.trim().toLowerCase().replace(/[_-]/g, '');
}

function isBoolean(value: string): boolean {
  return value === 'true' || value === 'false';
}

function isInteger(value: string): boolean {
  return /^\d+$/.test(value);
}

function nonEmpty(value: string): boolean {
  return value.length > 0;
}
