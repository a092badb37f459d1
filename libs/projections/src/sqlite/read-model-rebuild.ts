import type { Database, Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { decodeEventRow } from '../../../event-store/src/sqlite/event-row';
import { ReadAllQueries } from '../../../event-store/src/sqlite/read-all-query';
import type { MemberDoc, OrgDoc } from '../../../domain/src/state';
import { applyLedgerEvent, LedgerDocAccess, ledgerDocAccess } from '../reducers/apply-ledger-event';
import { CheckpointTable } from './checkpoint';
import { docCodecs } from './doc-codecs';
import { prepareReadModelStatements } from './read-model-statements';
import {
  createActivityIndexes,
  createDocumentTables,
  DOCUMENT_TABLE_KEYS,
  dropDocumentTables,
  LIVE_PREFIX,
  REBUILD_PREFIX,
  tablesWithPrefix,
} from './read-model-tables';
import type { DocCacheCapacities } from './read-model-writer';
import { RebuildActivityTable } from './rebuild-activity-table';
import { openRebuildConnection } from './rebuild-connection';
import { RebuildSupersededError } from './rebuild-errors';
import { WriteBackDocTable } from './write-back-doc-table';

/**
 * Rows fetched from the events table at a time. Events are decoded and folded one by one, so what
 * a rebuild holds is one slice of raw rows (about 3 MB at this size) and the documents it folds.
 */
export const REBUILD_READ_SLICE = 1_000;

/**
 * One rebuild of the read model into `rm_next_` tables, invisible to readers until `swapIn`
 * renames them over the live ones and sets the checkpoint in one transaction. The live read model
 * keeps serving (and catching up) meanwhile; a crash leaves it untouched.
 *
 * Every event is folded in global order by `applyLedgerEvent`, exactly as a catch-up folds it. The
 * activity table is loaded without indexes (see `RebuildActivityTable`), which are built once at
 * the end; orgs and members stay cached and are written when evicted or at the end; reports and
 * accounts are written as they come.
 *
 * It works on a connection of its own to the ledger's file (see `openRebuildConnection`), reading
 * the events table directly through the store adapter's own page query and row decoder, inside
 * the step's transaction: each step reads and folds its events in one synchronous go. Every step
 * commits separately and first checks that no newer rebuild has taken the `rm_next_` tables over.
 * A step that throws ends the rebuild: the caller calls `abandon` and starts a new one if it wants.
 */
export class ReadModelRebuild {
  private readonly token = randomUUID();
  private readonly db: Database;
  private readonly events: ReadAllQueries;
  private readonly checkpointTable: CheckpointTable;
  private readonly orgs: WriteBackDocTable<OrgDoc>;
  private readonly members: WriteBackDocTable<MemberDoc>;
  private readonly activities: RebuildActivityTable;
  private readonly access: LedgerDocAccess;
  private position = 0n;
  private readonly owner: Statement<[], string>;
  private readonly setOwner: Statement<[string], unknown>;
  private readonly clearOwner: Statement<[], unknown>;

  private constructor(filePath: string, capacities: DocCacheCapacities) {
    const db = openRebuildConnection(filePath);
    this.db = db;
    try {
      const tables = tablesWithPrefix(REBUILD_PREFIX);
      this.owner = db.prepare<[], string>("SELECT value FROM rm_meta WHERE key = 'rebuild'").pluck();
      this.setOwner = db.prepare<[string], unknown>(
        "INSERT INTO rm_meta (key, value) VALUES ('rebuild', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      );
      this.clearOwner = db.prepare<[], unknown>("DELETE FROM rm_meta WHERE key = 'rebuild'");
      db.transaction(() => {
        this.setOwner.run(this.token);
        dropDocumentTables(db, tables);
        createDocumentTables(db, tables, { indexes: false });
      }).immediate();
      this.events = new ReadAllQueries(db);
      const statements = prepareReadModelStatements(db, tables);
      const codecs = docCodecs(statements);
      this.checkpointTable = new CheckpointTable(db);
      this.orgs = new WriteBackDocTable(codecs.org.load, codecs.org.write, capacities.orgs);
      this.members = new WriteBackDocTable(codecs.member.load, codecs.member.write, capacities.members);
      this.activities = new RebuildActivityTable(statements);
      // Reports and accounts are few: written straight to their tables, nothing cached.
      const reports = { get: codecs.report.load, put: codecs.report.write };
      const accounts = { get: codecs.account.load, put: codecs.account.write };
      this.access = ledgerDocAccess(this.orgs, this.members, this.activities, reports, accounts);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Claims the rm_next_ tables (dropping any a crashed or superseded rebuild left) and creates them.
   * `db` is any connection to the ledger's file; the rebuild opens its own beside it.
   */
  static begin(db: Database, capacities: DocCacheCapacities): ReadModelRebuild {
    if (db.memory || db.name === '') throw new Error('a read-model rebuild needs the ledger in a file it can open a second connection to');
    return new ReadModelRebuild(db.name, capacities);
  }

  /**
   * Reads and folds, in one committed step, up to `maxEvents` events after `loadedPosition` and at
   * or before `head`. Returns how many it folded (0: the store holds nothing more up to `head`).
   */
  foldNext(head: bigint, maxEvents: number): number {
    if (this.position >= head || maxEvents <= 0) return 0;
    return this.inTransaction(() => {
      let folded = 0;
      let more = true;
      while (more && folded < maxEvents) {
        const want = Math.min(REBUILD_READ_SLICE, maxEvents - folded);
        const rows = this.events.page(this.position, want);
        more = rows.length === want;
        for (const row of rows) {
          // Decoded one at a time and dropped once folded: only the raw slice stays alive.
          const event = decodeEventRow(row);
          if (event.globalPosition > head) {
            more = false;
            break;
          }
          applyLedgerEvent(this.access, event);
          this.position = event.globalPosition;
          folded++;
        }
        if (this.position >= head) more = false;
      }
      this.activities.flush();
      return folded;
    });
  }

  get loadedPosition(): bigint {
    return this.position;
  }

  /** Replaces the live tables with the rebuilt ones and sets the checkpoint, atomically; closes the connection. */
  swapIn(): bigint {
    const live = tablesWithPrefix(LIVE_PREFIX);
    const next = tablesWithPrefix(REBUILD_PREFIX);
    this.inTransaction(() => {
      this.orgs.flushAll();
      this.members.flushAll();
      this.activities.flush();
      createActivityIndexes(this.db, next);
      dropDocumentTables(this.db, live);
      for (const key of DOCUMENT_TABLE_KEYS) {
        this.db.exec(`ALTER TABLE ${next[key]} RENAME TO ${live[key]}`);
      }
      this.checkpointTable.write(this.position);
      this.clearOwner.run();
    });
    this.db.close();
    return this.position;
  }

  /** Drops the half-built tables if they are still ours and closes; never throws (it runs after a failure). */
  abandon(): void {
    try {
      this.inTransaction(() => {
        dropDocumentTables(this.db, tablesWithPrefix(REBUILD_PREFIX));
        this.clearOwner.run();
      });
    } catch {
      // Superseded or closed: whoever owns the tables now cleans them up.
    }
    if (this.db.open) this.db.close();
  }

  /** Runs one step in its own BEGIN IMMEDIATE transaction, if this rebuild still owns the tables. */
  private inTransaction<T>(work: () => T): T {
    return this.db
      .transaction(() => {
        if (this.owner.get() !== this.token) throw new RebuildSupersededError();
        return work();
      })
      .immediate();
  }
}
