import { createHash } from 'node:crypto';

/** The schema a store uses when its URL or options name none. */
export const DEFAULT_SCHEMA = 'public';

/**
 * Schema names are restricted to plain lower-case identifiers (at most 63 bytes, PostgreSQL's
 * limit): they are written into SQL as quoted identifiers, and a name that needs no case folding
 * or escaping reads the same in psql, in logs and in our statements.
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isSchemaName(schema: string): boolean {
  return SCHEMA_NAME.test(schema);
}

export function assertSchemaName(schema: string): string {
  if (!isSchemaName(schema)) {
    throw new RangeError(
      `PostgreSQL 模式名“${schema}”无效：只能包含小写字母、数字和下划线，且不能以数字开头（最长 63 个字符）。` +
        ` Invalid PostgreSQL schema name "${schema}": use lower-case letters, digits and underscores, not starting with a digit.`,
    );
  }
  return schema;
}

/** A validated schema name as a quoted SQL identifier. */
export function quotedSchema(schema: string): string {
  return `"${assertSchemaName(schema)}"`;
}

/**
 * A 64-bit advisory lock key for one purpose in one schema. Advisory locks are per database, so
 * the schema is part of the key: two ledgers in two schemas of one database never wait on each other.
 */
export function advisoryLockKey(purpose: string, schema: string): bigint {
  return createHash('sha256').update(`taizhang:${purpose}:${schema}`).digest().readBigInt64BE(0);
}

/** A short tag for prepared statement names, so one connection can serve stores in several schemas. */
export function schemaTag(schema: string): string {
  return createHash('sha256').update(schema).digest('hex').slice(0, 8);
}
