import type { Pool, PoolClient } from 'pg';
import type { StoredEvent } from '../../../event-store/src/envelope';
import type { EventStore } from '../../../event-store/src/port';
import { advisoryLockKey } from '../../../event-store/src/postgres/schema-name';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src/state';
import type { AccountDoc } from '../accounts/account-doc';
import { applyLedgerEvent, LedgerDocAccess, ledgerDocAccess } from '../reducers/apply-ledger-event';
import type { ReportRecord } from '../reports/report-record';
import { CheckpointRow } from './checkpoint-row';
import { createLoggedActivityTable, lastOrgStreamVersions, readOtherEvents } from './events-beside';
import { writeAccounts, writeActivities, writeMembers, writeOrgs, writeReports } from './doc-writes';
import { DocCapacities, DocSets, PageFolder, prefetchDocs, wantedIds, WantedIds } from './page-folder';
import { LeftOutChanges } from './left-out-changes';
import { inTransaction, Queryable, withPooledClient } from './pg-session';
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
  /**
   * The read model shares its schema with the PostgreSQL event store it reads: activities are then
   * stored by reference, and the logged ones are written by the database in one statement.
   */
  eventsBeside?: boolean;
  /** Activity changes kept in memory for step 3 (default `KEPT_CHANGES_LIMIT`); past it they are read again. */
  keptChangesLimit?: number;
}

export interface RebuildResult {
  /** Events folded into the rebuilt tables. */
  applied: number;
  /** The checkpoint swapped in with them. */
  position: bigint;
}

/**
 * Activity changes a load keeps in memory for step 3 (a few megabytes). More are read again by type:
 * over a million events that costs about as much time as it saves, and keeping 40,000 decoded
 * corrections measured 80 MB more peak RSS.
 */
const KEPT_CHANGES_LIMIT = 5_000;

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
 *    multi-row statements, never read back. Beside a PostgreSQL event store (`eventsBeside`), the
 *    database itself creates the activity table with a by-reference row for every ActivityLogged
 *    event up to the head (one CREATE TABLE … AS, in parallel workers, on a connection of its own)
 *    while node reads and folds only the other events (events-beside.ts); then the org stream
 *    versions those logged events moved are set from the events table.
 * 2. Index the activity table (one sort each instead of a million random insertions).
 * 3. Refold just the activity changes left out, kept from the load (or, when too many, read again
 *    by type: PostgreSQL stores index by type), in order; the documents of the next page load
 *    while one page is written. No other document depends on an activity, so the result is that
 *    of one full pass.
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
    const next = tablesWithPrefix(schema, REBUILD_PREFIX, { eventsBeside: options.eventsBeside ?? false });
    try {
      return await new Rebuild(store, pool, client, schema, next, options).run();
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

/** The documents a load holds (activities are only appended, never read back). */
interface LoadedSets {
  orgs: PrefetchedDocs<OrgDoc>;
  members: PrefetchedDocs<MemberDoc>;
  reports: PrefetchedDocs<ReportRecord>;
  accounts: PrefetchedDocs<AccountDoc>;
}

class Rebuild {
  private readonly checkpointRow: CheckpointRow;
  private applied = 0;
  private head = 0n;
  /** Settles once the activity table exists (beside the events, the database creates it while loading). */
  private activityTable: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly client: PoolClient,
    private readonly schema: string,
    private readonly next: PgReadModelTables,
    private readonly options: RebuildOptions,
  ) {
    this.checkpointRow = new CheckpointRow(schema);
  }

  async run(): Promise<RebuildResult> {
    await dropDocumentTables(this.client, this.next);
    // Beside the events, the database creates the activity table itself, filled (see `load`).
    await createDocumentTables(this.client, this.next, { activityIndexes: false, activityTable: this.next.events === undefined });
    this.head = await this.store.headPosition();
    // The plans of a rebuild beside the events (a parallel scan, reads by type) depend on the
    // table's statistics, which lag far behind right after a bulk load (`taizhang migrate`, an
    // import): up to half again as slow, measured. Sampling them costs under half a second a million events.
    if (this.next.events !== undefined) await this.client.query(`ANALYZE ${this.next.events}`);
    const loaded = await this.load();
    let position = loaded.position;
    let folder = new PageFolder(this.next, this.options.capacities);
    if (await this.indexActivities()) {
      if (loaded.leftOut.types.size > 0) await this.refoldActivityChanges(folder, loaded.leftOut, position);
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
  private async load(): Promise<{ position: bigint; leftOut: LeftOutChanges }> {
    const { capacities } = this.options;
    const sets: LoadedSets = {
      orgs: new PrefetchedDocs<OrgDoc>((d) => d.id, capacities.orgs, true),
      members: new PrefetchedDocs<MemberDoc>((d) => d.id, capacities.members, true),
      reports: new PrefetchedDocs<ReportRecord>((d) => d.reportId, capacities.reports, true),
      accounts: new PrefetchedDocs<AccountDoc>((d) => d.username, capacities.accounts, true),
    };
    const activities: ActivityDoc[] = [];
    const refuse = (): never => {
      throw new Error('a rebuild reads no activity while loading');
    };
    // Where each org document was created (the tables start empty: its first put), for `fixOrgStreamVersions`.
    const orgsCreatedAt = new Map<string, bigint>();
    let folding = 0n;
    const orgs = {
      get: (id: string) => sets.orgs.get(id),
      put: (doc: OrgDoc) => {
        if (!orgsCreatedAt.has(doc.id)) orgsCreatedAt.set(doc.id, folding);
        sets.orgs.put(doc);
      },
    };
    const access = ledgerDocAccess(orgs, sets.members, { get: refuse, put: (doc) => void activities.push(doc) }, sets.reports, sets.accounts);
    const leftOut = new LeftOutChanges(this.options.keptChangesLimit ?? KEPT_CHANGES_LIMIT);
    const events = this.next.events;
    const head = this.head;
    let position: bigint;
    // Beside the events, the database writes the logged activities on a connection of its own
    // while node folds the rest; node's own activities (older versions) wait for the table.
    const logged = events !== undefined ? handled(this.createLoggedActivities(events)) : Promise.resolve(0);
    this.activityTable = logged;
    try {
      position = await this.loadPages(sets, access, leftOut, () => activities.splice(0), (position) => (folding = position));
      const inserted = await logged;
      this.applied += inserted;
    } catch (error) {
      await logged.catch(() => undefined);
      throw error;
    }
    if (events !== undefined) {
      // Every event up to the head is folded, by node or by the database.
      position = head;
      await this.fixOrgStreamVersions(events, sets, orgsCreatedAt);
    }
    await this.writeLoaded(this.client, sets, [], true);
    this.options.onProgress?.(this.applied, head);
    return { position, leftOut };
  }

  /**
   * Reads and folds the pages of step 1 (the next page is read while one is folded, and written
   * while the next is folded); returns the last position read.
   */
  private async loadPages(
    sets: LoadedSets,
    access: LedgerDocAccess,
    leftOut: LeftOutChanges,
    takeActivities: () => ActivityDoc[],
    folding: (position: bigint) => void,
  ): Promise<bigint> {
    const { pageSize } = this.options;
    const events = this.next.events;
    const head = this.head;
    let position = 0n;
    // Beside the events, pages hold the rest up to the head; otherwise every event, whole pages.
    const readPage = (from: bigint): Promise<StoredEvent[]> =>
      events !== undefined ? readOtherEvents(this.pool, events, from, head, pageSize) : this.store.readAll({ fromPosition: from, maxCount: pageSize });
    let writing: Promise<void> = Promise.resolve();
    let reading = position < head ? handled(readPage(position)) : undefined;
    try {
      while (reading) {
        const page = await reading;
        if (page.length === 0) break;
        const last = page[page.length - 1].globalPosition;
        reading = last < head ? handled(readPage(last)) : undefined;
        // Only a document dropped for room needs reading back (the new tables started empty).
        if (Object.values(sets).some((docs) => docs.mayNeedLoading)) {
          await writing;
          await prefetchDocs(this.client, this.next, sets, wantedIds(page, 'all-but-activity-changes'));
        }
        for (const event of page) {
          folding(event.globalPosition);
          if (applyLedgerEvent(access, event, 'all-but-activity-changes')) leftOut.add(event);
        }
        position = last;
        this.applied += page.length;
        await writing;
        writing = handled(this.writeLoaded(this.client, sets, takeActivities(), false));
        this.options.onProgress?.(this.applied, head);
      }
    } finally {
      await writing.catch(() => undefined);
    }
    await writing;
    return position;
  }

  /** Beside the events: `createLoggedActivityTable` in a transaction on a connection of its own; returns the events it covers. */
  private createLoggedActivities(events: string): Promise<number> {
    return this.onOwnConnection((client) => inTransaction(client, () => createLoggedActivityTable(client, this.next, events, this.head)));
  }

  /** Runs `work` on a connection of the pool (beside the rebuild's own, which holds its lock). */
  private onOwnConnection<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return withPooledClient(this.pool, work);
  }

  /** Sets each org's stream version as the logged activities the database folded left it (see `lastOrgStreamVersions`). */
  private async fixOrgStreamVersions(events: string, sets: DocSets, createdAt: ReadonlyMap<string, bigint>): Promise<void> {
    if (createdAt.size === 0) return;
    const versions = await lastOrgStreamVersions(this.client, events, createdAt, this.head);
    if (sets.orgs.mayNeedLoading) await prefetchDocs(this.client, this.next, sets, { ...noIds(), orgs: new Set(versions.keys()) });
    for (const [id, version] of versions) {
      const doc = sets.orgs.get(id);
      if (doc && doc.streamVersion !== version) sets.orgs.put({ ...doc, streamVersion: version });
    }
  }

  /** Writes a batch of new activities, and the held documents when there are too many (or `all`). */
  private async writeLoaded(db: Queryable, sets: LoadedSets, activities: ActivityDoc[], all: boolean): Promise<void> {
    if (activities.length > 0) {
      await this.activityTable;
      await writeActivities(db, this.next, activities, 'insert', this.next.events !== undefined);
    }
    const { capacities } = this.options;
    if (all || sets.orgs.size > capacities.orgs) await writeOrgs(db, this.next, sets.orgs.takeDirty());
    if (all || sets.members.size > capacities.members) await writeMembers(db, this.next, sets.members.takeDirty());
    if (all || sets.reports.size > capacities.reports) await writeReports(db, this.next, sets.reports.takeDirty());
    if (all || sets.accounts.size > capacities.accounts) await writeAccounts(db, this.next, sets.accounts.takeDirty());
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
  private async refoldActivityChanges(folder: PageFolder, leftOut: LeftOutChanges, until: bigint): Promise<void> {
    const kept = leftOut.events;
    await this.onOwnConnection((reader) => this.refoldPages(folder, reader, kept ? this.chunks(kept) : this.changesByType([...leftOut.types], until)));
  }

  private *chunks(events: readonly StoredEvent[]): Generator<readonly StoredEvent[]> {
    for (let i = 0; i < events.length; i += this.options.pageSize) yield events.slice(i, i + this.options.pageSize);
  }

  /** The changes up to `until` read again by type, when too many to keep (the next page read while one is used). */
  private async *changesByType(types: string[], until: bigint): AsyncGenerator<readonly StoredEvent[]> {
    const read = (from: bigint) => handled(this.store.readAll({ fromPosition: from, maxCount: this.options.pageSize, filter: { types } }));
    for (let reading = read(0n); ; ) {
      const page = await reading;
      if (page.length === 0) return;
      const last = page[page.length - 1].globalPosition;
      if (last < until) reading = read(last);
      yield last <= until ? page : page.filter((e) => e.globalPosition <= until);
      if (last >= until) return;
    }
  }

  /**
   * Folds the activity changes page by page; the documents the next page needs are loaded (on
   * `reader`) while this one's are written. That read cannot see a row being written: a page's
   * changed documents are held, dirty, through the trim before their write, so the next page never
   * asks for them; everything else it reads is untouched by the write.
   */
  private async refoldPages(folder: PageFolder, reader: Queryable, pages: Iterable<readonly StoredEvent[]> | AsyncIterable<readonly StoredEvent[]>): Promise<void> {
    const iterator = Symbol.asyncIterator in pages ? pages[Symbol.asyncIterator]() : (pages as Iterable<readonly StoredEvent[]>)[Symbol.iterator]();
    let current = await iterator.next();
    if (current.done) return;
    await folder.prefetch(reader, current.value, 'activity-changes');
    while (!current.done) {
      const page = current.value;
      folder.fold(page, 'activity-changes');
      folder.trim();
      const next = await iterator.next();
      const loading = next.done ? Promise.resolve() : handled(folder.prefetch(reader, next.value, 'activity-changes'));
      try {
        await folder.write(this.client);
      } finally {
        await loading.catch(() => undefined);
      }
      await loading;
      current = next;
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

function noIds(): WantedIds {
  return { orgs: new Set(), members: new Set(), activities: new Set(), reports: new Set(), accounts: new Set() };
}

/** `promise`, marked as handled: a read ahead that fails while its reader is elsewhere is no unhandled rejection (it rethrows when awaited). */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
