import type { Pool, PoolClient } from 'pg';
import type { EventStore } from '../../../event-store/src/port';
import { advisoryLockKey } from '../../../event-store/src/postgres/schema-name';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src/state';
import type { AccountDoc } from '../accounts/account-doc';
import { applyLedgerEvent, ledgerDocAccess } from '../reducers/apply-ledger-event';
import type { ReportRecord } from '../reports/report-record';
import { CheckpointRow } from './checkpoint-row';
import { writeAccounts, writeActivities, writeMembers, writeOrgs, writeReports } from './doc-writes';
import { DocCapacities, PageFolder, prefetchDocs, wantedIds } from './page-folder';
import { inTransaction } from './pg-session';
import { PrefetchedDocs } from './prefetched-docs';
import {
  bareTableName,
  createActivityIndexes,
  createDocumentTables,
  DOCUMENT_TABLE_KEYS,
  dropDocumentTables,
  LIVE_PREFIX,
  PgReadModelTables,
  REBUILD_PREFIX,
  tablesWithPrefix,
} from './read-model-tables';

export interface RebuildOptions {
  /** Events per `readAll` page. */
  pageSize: number;
  /** Documents of each kind held while loading; beyond that, changed ones are written and dropped. */
  capacities: DocCapacities;
  /** With false, returns undefined at once when another rebuild of this schema is running. */
  wait: boolean;
  onProgress?: (done: number, total: bigint) => void;
}

export interface RebuildResult {
  /** Events folded into the rebuilt tables. */
  applied: number;
  /** The checkpoint swapped in with them. */
  position: bigint;
}

/** SQLSTATE of a unique violation: here, an activity logged twice under one id. */
const UNIQUE_VIOLATION = '23505';

/**
 * Rebuilds the read model into `rm_next_` tables and swaps them in; the live tables keep serving
 * (and the live projection keeps folding into them) until the swap. One rebuild per schema at a
 * time (a session advisory lock on the rebuild's own connection).
 *
 * 1. Load: every event is read once, in pages (the next page is read while one is folded, and
 *    written while the next is folded), and folded but for corrections and voids of activities
 *    (`all-but-activity-changes`). Orgs, members, reports and accounts are held in memory and written
 *    at the end (or when too many); new activities are appended to a table without indexes, in
 *    multi-row statements, never read back.
 * 2. Index the activity table (one sort each instead of a million random insertions).
 * 3. Refold just the activity changes left out, read by type (PostgreSQL stores index by type), in
 *    order: no other document depends on an activity, so the result is that of one full pass.
 *    An activity logged twice under one id cannot be indexed: then the whole history is refolded
 *    page by page instead (slower, same result).
 * 4. Tail: fold what was appended meanwhile, then swap in one transaction that locks the live
 *    checkpoint, folds what the live model had folded beyond the rebuilt one (so the checkpoint never
 *    goes back), drops the live tables, renames the new ones and moves the checkpoint and the generation.
 */
export async function rebuildPostgresReadModel(store: EventStore, pool: Pool, schema: string, options: RebuildOptions): Promise<RebuildResult | undefined> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const lockKey = advisoryLockKey('read-model-rebuild', schema).toString();
  let locked = false;
  try {
    if (options.wait) await client.query('SELECT pg_advisory_lock($1::bigint)', [lockKey]);
    else if (!(await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS got', [lockKey])).rows[0].got) return undefined;
    locked = true;
    const next = tablesWithPrefix(schema, REBUILD_PREFIX);
    try {
      return await new Rebuild(store, client, schema, next, options).run();
    } catch (error) {
      await dropDocumentTables(client, next).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    if (locked && !broken) await client.query('SELECT pg_advisory_unlock($1::bigint)', [lockKey]).catch((error: Error) => (broken = error));
    // A broken connection is dropped, and its session's lock with it.
    client.release(broken);
  }
}

class Rebuild {
  private readonly checkpointRow: CheckpointRow;
  private applied = 0;
  private head = 0n;

  constructor(
    private readonly store: EventStore,
    private readonly client: PoolClient,
    private readonly schema: string,
    private readonly next: PgReadModelTables,
    private readonly options: RebuildOptions,
  ) {
    this.checkpointRow = new CheckpointRow(schema);
  }

  async run(): Promise<RebuildResult> {
    await dropDocumentTables(this.client, this.next);
    await createDocumentTables(this.client, this.next, { activityIndexes: false });
    this.head = await this.store.headPosition();
    const loaded = await this.load();
    let position = loaded.position;
    let folder = new PageFolder(this.next, this.options.capacities);
    if (await this.indexActivities()) {
      if (loaded.activityChangeTypes.size > 0) await this.refoldActivityChanges(folder, [...loaded.activityChangeTypes], position);
    } else {
      await dropDocumentTables(this.client, this.next);
      await createDocumentTables(this.client, this.next, { activityIndexes: true });
      folder = new PageFolder(this.next, this.options.capacities);
      this.applied = 0;
      position = await this.foldFrom(folder, 0n, this.head);
    }
    position = await this.foldFrom(folder, position, await this.store.headPosition());
    return this.swapIn(folder, position);
  }

  /** Step 1; returns the last position folded and the stored types of the activity changes left out. */
  private async load(): Promise<{ position: bigint; activityChangeTypes: Set<string> }> {
    const { capacities, pageSize } = this.options;
    const sets = {
      orgs: new PrefetchedDocs<OrgDoc>((d) => d.id, capacities.orgs, true),
      members: new PrefetchedDocs<MemberDoc>((d) => d.id, capacities.members, true),
      reports: new PrefetchedDocs<ReportRecord>((d) => d.reportId, capacities.reports, true),
      accounts: new PrefetchedDocs<AccountDoc>((d) => d.username, capacities.accounts, true),
    };
    let activities: ActivityDoc[] = [];
    const refuse = (): never => {
      throw new Error('a rebuild reads no activity while loading');
    };
    const access = ledgerDocAccess(sets.orgs, sets.members, { get: refuse, put: (doc) => void activities.push(doc) }, sets.reports, sets.accounts);
    const leftOut = new Set<string>();
    let position = 0n;
    let writing: Promise<void> = Promise.resolve();
    let reading = position < this.head ? this.store.readAll({ fromPosition: position, maxCount: pageSize }) : undefined;
    while (reading) {
      const page = await reading;
      if (page.length === 0) break;
      const last = page[page.length - 1].globalPosition;
      reading = last < this.head ? this.store.readAll({ fromPosition: last, maxCount: pageSize }) : undefined;
      // Only a document dropped for room needs reading back (the new tables started empty).
      if (Object.values(sets).some((docs) => docs.mayNeedLoading)) {
        await writing;
        await prefetchDocs(this.client, this.next, sets, wantedIds(page, 'all-but-activity-changes'));
      }
      for (const event of page) if (applyLedgerEvent(access, event, 'all-but-activity-changes')) leftOut.add(event.type);
      position = last;
      this.applied += page.length;
      await writing;
      const batch = activities;
      activities = [];
      writing = this.writeLoaded(sets, batch, false);
      this.options.onProgress?.(this.applied, this.head);
    }
    await writing;
    await this.writeLoaded(sets, [], true);
    return { position, activityChangeTypes: leftOut };
  }

  /** Writes a batch of new activities, and the held documents when there are too many (or `all`). */
  private async writeLoaded(
    sets: { orgs: PrefetchedDocs<OrgDoc>; members: PrefetchedDocs<MemberDoc>; reports: PrefetchedDocs<ReportRecord>; accounts: PrefetchedDocs<AccountDoc> },
    activities: ActivityDoc[],
    all: boolean,
  ): Promise<void> {
    if (activities.length > 0) await writeActivities(this.client, this.next, activities, 'insert');
    const { capacities } = this.options;
    if (all || sets.orgs.size > capacities.orgs) await writeOrgs(this.client, this.next, sets.orgs.takeDirty());
    if (all || sets.members.size > capacities.members) await writeMembers(this.client, this.next, sets.members.takeDirty());
    if (all || sets.reports.size > capacities.reports) await writeReports(this.client, this.next, sets.reports.takeDirty());
    if (all || sets.accounts.size > capacities.accounts) await writeAccounts(this.client, this.next, sets.accounts.takeDirty());
    for (const docs of Object.values(sets)) docs.trim();
  }

  /** Step 2; false when an activity id occurs twice (the unique index cannot be built). */
  private async indexActivities(): Promise<boolean> {
    try {
      await inTransaction(this.client, async () => {
        // Room to sort a large table in memory; for this transaction only.
        await this.client.query("SET LOCAL maintenance_work_mem = '256MB'");
        await createActivityIndexes(this.client, this.next);
      });
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return false;
      throw error;
    }
  }

  /** Step 3: the activity changes up to `until`, in order, read by their stored types. */
  private async refoldActivityChanges(folder: PageFolder, types: string[], until: bigint): Promise<void> {
    for (let from = 0n; from < until; ) {
      const page = await this.store.readAll({ fromPosition: from, maxCount: this.options.pageSize, filter: { types } });
      if (page.length === 0) break;
      const events = page.filter((e) => e.globalPosition <= until);
      await folder.prefetch(this.client, events, 'activity-changes');
      folder.fold(events, 'activity-changes');
      await folder.write(this.client);
      folder.trim();
      from = page[page.length - 1].globalPosition;
    }
  }

  /** Folds whole pages after `from` until one reaches `until` (or the store ends); returns the last position. */
  private async foldFrom(folder: PageFolder, from: bigint, until: bigint): Promise<bigint> {
    let position = from;
    while (position < until) {
      const page = await this.store.readAll({ fromPosition: position, maxCount: this.options.pageSize });
      if (page.length === 0) break;
      await folder.prefetch(this.client, page);
      folder.fold(page);
      await folder.write(this.client);
      folder.trim();
      position = page[page.length - 1].globalPosition;
      this.applied += page.length;
      this.options.onProgress?.(this.applied, this.head);
    }
    return position;
  }

  /** Step 4: the swap, atomic with the checkpoint, which never moves back. */
  private async swapIn(folder: PageFolder, rebuiltTo: bigint): Promise<RebuildResult> {
    return inTransaction(this.client, async () => {
      const live = await this.checkpointRow.lock(this.client);
      const position = await this.foldFrom(folder, rebuiltTo, live.position);
      await dropDocumentTables(this.client, tablesWithPrefix(this.schema, LIVE_PREFIX));
      for (const key of DOCUMENT_TABLE_KEYS) {
        await this.client.query(`ALTER TABLE ${this.next[key]} RENAME TO "${bareTableName(LIVE_PREFIX, key)}"`);
      }
      await this.checkpointRow.write(this.client, { position, generation: live.generation + 1n });
      return { applied: this.applied, position };
    });
  }
}
