import { existsSync } from 'node:fs';
import { StoreUrlError } from '../../../event-store/src/errors';
import { migrateStore, MigrateResult } from '../../../event-store/src/migrate/migrate-store';
import { openEventStore, parseStoreUrl } from '../../../event-store/src/open-event-store';
import type { EventStore } from '../../../event-store/src/port';
import { isSameStore } from './same-store';
import { MigrationVerification, verifyMigration } from './verify-migration';

export interface MigrateLedgerRequest {
  fromUrl: string;
  toUrl: string;
  /** Verify chains, heads and tallies afterwards. */
  verify: boolean;
  pageSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface MigrateLedgerOutcome {
  migration: MigrateResult;
  verification?: MigrationVerification;
}

/**
 * Opens two event stores by URL (the stores only: no read models, which exist for some adapters
 * only) and copies the first into the second, then optionally verifies the copy. Refuses, before
 * opening anything, URLs that name no adapter, the same store twice, or a SQLite source file that
 * does not exist (opening it would create an empty one).
 */
export async function migrateLedger(request: MigrateLedgerRequest): Promise<MigrateLedgerOutcome> {
  const from = parseStoreUrl(request.fromUrl);
  const to = parseStoreUrl(request.toUrl);
  if (isSameStore(from, to)) {
    throw new StoreUrlError('源存储与目标存储是同一个存储，不能迁移到自身。The source and target name the same store.');
  }
  if (from.kind === 'sqlite' && !existsSync(from.filePath)) {
    throw new StoreUrlError(`源存储文件不存在：${from.filePath}。The source store file does not exist: ${from.filePath}`);
  }
  const source = await openEventStore(request.fromUrl);
  let target: EventStore | undefined;
  try {
    target = await openEventStore(request.toUrl);
    const migration = await migrateStore(source, target, {
      pageSize: request.pageSize,
      onProgress: request.onProgress,
      signal: request.signal,
    });
    if (!request.verify) return { migration };
    return { migration, verification: await verifyMigration(source, target) };
  } finally {
    await Promise.all([source.close(), target?.close()]);
  }
}
