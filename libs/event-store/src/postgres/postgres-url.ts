import { StoreUrlError } from '../errors';
import { DEFAULT_SCHEMA, isSchemaName } from './schema-name';

/** Where a PostgreSQL store lives: the URL pg connects with, and the schema of the ledger's tables. */
export interface PostgresLocation {
  kind: 'postgres';
  /** The store URL without taizhang's `schema` parameter; pg reads the rest (sslmode, host=…). */
  connectionString: string;
  schema: string;
}

/**
 * Parses `postgres://user:password@host:port/database?schema=name` (or `postgresql://`). Only
 * `schema` is ours; every other part goes to pg unchanged. Errors never repeat the URL: it may
 * carry a password.
 */
export function parsePostgresUrl(url: string): PostgresLocation {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new StoreUrlError(
      'PostgreSQL 地址格式不正确，例如 postgres://用户:密码@主机:5432/数据库?schema=taizhang。' +
        ' Malformed PostgreSQL URL; expected postgres://user:password@host:5432/database?schema=name.',
    );
  }
  const schemas = parsed.searchParams.getAll('schema');
  if (schemas.length > 1) throw new StoreUrlError('PostgreSQL 地址只能指定一个 schema 参数。The PostgreSQL URL names more than one schema.');
  const schema = schemas.length === 1 ? schemas[0] : DEFAULT_SCHEMA;
  if (!isSchemaName(schema)) {
    throw new StoreUrlError(
      `PostgreSQL 模式名“${schema}”无效：只能包含小写字母、数字和下划线，且不能以数字开头。` +
        ` Invalid schema "${schema}" in the PostgreSQL URL: use lower-case letters, digits and underscores.`,
    );
  }
  parsed.searchParams.delete('schema');
  return { kind: 'postgres', connectionString: parsed.toString(), schema };
}

/** The URL with its password replaced, for messages and logs. */
export function redactedPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
