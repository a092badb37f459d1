import { realpathSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { StoreLocation } from '../../../event-store/src/open-event-store';

/** A file's canonical path, following symlinks as far as the path exists. */
function canonicalPath(filePath: string): string {
  try {
    return realpathSync(filePath);
  } catch {
    try {
      return join(realpathSync(dirname(filePath)), basename(filePath));
    } catch {
      return filePath;
    }
  }
}

/**
 * A PostgreSQL store is a schema in a database on a server: the user, password and options of the
 * URL do not change which store it is, nor does spelling the scheme `postgresql://`. Host names are
 * compared as written (localhost and 127.0.0.1 are not recognised as one server).
 */
function postgresIdentity(connectionString: string, schema: string): string {
  try {
    const url = new URL(connectionString);
    return JSON.stringify([url.hostname.toLowerCase(), url.port || '5432', decodeURIComponent(url.pathname), schema]);
  } catch {
    return JSON.stringify([connectionString, schema]);
  }
}

/** Whether two parsed store URLs name the same store (a migration onto itself must be refused). */
export function isSameStore(a: StoreLocation, b: StoreLocation): boolean {
  if (a.kind === 'sqlite' && b.kind === 'sqlite') return canonicalPath(a.filePath) === canonicalPath(b.filePath);
  if (a.kind === 'postgres' && b.kind === 'postgres') return postgresIdentity(a.connectionString, a.schema) === postgresIdentity(b.connectionString, b.schema);
  return JSON.stringify(a) === JSON.stringify(b);
}
