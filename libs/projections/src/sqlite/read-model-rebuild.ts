import type { Database, Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '../../../event-store/src/envelope';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src/state';
import { applyLedgerEvent, FoldPart, LedgerDocAccess } from '../reducers/apply-ledger-event';
import { CheckpointTable } from './checkpoint';
import { docCodecs } from './doc-codecs';
import { DocTableBuffer } from './doc-table-buffer';
import { WriteBackDocTable } from './write-back-doc-table';
import { prepareReadModelStatements } from './read-model-statements';
import {
  createActivityIndexes,
  createDocumentTables,
  dropDocumentTables,
  LIVE_PREFIX,
  REBUILD_PREFIX,
  tablesWithPrefix,
} from './read-model-tables';
import type { DocCacheCapacities } from './read-model-writer';
import { DuplicateActivityIdError, RebuildSupersededError } from './rebuild-errors';

/**
 * `bulk`: load activities into an unindexed table, leaving corrections and voids for a second pass
 * after the indexes are built. `exact`: indexes from the start, every event folded in order.
 */
export type RebuildMode = 'bulk' | 'exact';

/**
 * One rebuild of the read model into `rm_next_` tables, invisible to readers until `swapIn`
 * renames them over the live ones and sets the checkpoint in one transaction. The live read model
 * keeps serving (and catching up) meanwhile; a crash leaves it untouched. Each step commits
 * separately and first checks that no newer rebuild has taken the `rm_next_` tables over. A step
 * that throws ends the rebuild: the caller calls `abandon` and starts a new one if it wants.
 */
export class ReadModelRebuild {
  private readonly token = randomUUID();
  private readonly checkpointTable: CheckpointTable;
  private readonly orgs: WriteBackDocTable<OrgDoc>;
  private readonly members: WriteBackDocTable<MemberDoc>;
  private readonly newActivities: DocTableBuffer<ActivityDoc>;
  private readonly activities: DocTableBuffer<ActivityDoc>;
  private readonly deferred: bigint[] = [];
  private position = 0n;
  private readonly owner: Statement<[], string>;
  private readonly setOwner: Statement<[string], unknown>;
  private readonly clearOwner: Statement<[], unknown>;

  private constructor(
    private readonly db: Database,
    readonly mode: RebuildMode,
    capacities: DocCacheCapacities,
  ) {
    const tables = tablesWithPrefix(REBUILD_PREFIX);
    this.owner = db.prepare<[], string>("SELECT value FROM rm_meta WHERE key = 'rebuild'").pluck();
    this.setOwner = db.prepare<[string], unknown>(
      "INSERT INTO rm_meta (key, value) VALUES ('rebuild', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
    this.clearOwner = db.prepare<[], unknown>("DELETE FROM rm_meta WHERE key = 'rebuild'");
    db.transaction(() => {
      this.setOwner.run(this.token);
      dropDocumentTables(db, tables);
      createDocumentTables(db, tables, { indexes: mode === 'exact' });
    }).immediate();
    const codecs = docCodecs(prepareReadModelStatements(db, tables));
    this.checkpointTable = new CheckpointTable(db);
    this.orgs = new WriteBackDocTable(codecs.org.load, codecs.org.write, capacities.orgs);
    this.members = new WriteBackDocTable(codecs.member.load, codecs.member.write, capacities.members);
    // A new activity is written once at the end of its page and not kept: nothing reads it back in pass one.
    this.newActivities = new DocTableBuffer(codecs.activity.load, codecs.insertActivity, 0);
    this.activities = new DocTableBuffer(codecs.activity.load, codecs.activity.write, capacities.activities);
  }

  /** Claims the rm_next_ tables (dropping any a crashed or superseded rebuild left) and creates them. */
  static begin(db: Database, mode: RebuildMode, capacities: DocCacheCapacities): ReadModelRebuild {
    return new ReadModelRebuild(db, mode, capacities);
  }

  /** Folds one page of events (in global order, continuing the previous page) and commits it. */
  foldPage(page: readonly StoredEvent[]): void {
    if (page.length === 0) return;
    const part: FoldPart = this.mode === 'bulk' ? 'all-but-activity-changes' : 'all';
    const access = this.mode === 'bulk' ? this.bulkAccess() : this.access(this.activities);
    this.inTransaction(() => {
      for (const event of page) {
        if (event.globalPosition <= this.position) continue;
        if (applyLedgerEvent(access, event, part)) this.deferred.push(event.globalPosition);
        this.position = event.globalPosition;
      }
      this.newActivities.flush();
      this.activities.flush();
    });
  }

  get loadedPosition(): bigint {
    return this.position;
  }

  /** Positions of the activity changes left for after indexing, in order (bulk mode). */
  deferredPositions(): readonly bigint[] {
    return this.deferred;
  }

  /** Writes what the caches still hold and builds the activity indexes (bulk mode). */
  finishLoading(): void {
    const tables = tablesWithPrefix(REBUILD_PREFIX);
    this.inTransaction(() => {
      this.orgs.flushAll();
      this.members.flushAll();
      if (this.mode !== 'bulk') return;
      try {
        createActivityIndexes(this.db, tables);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateActivityIdError();
        throw error;
      }
    });
  }

  /** Folds the activity changes of these (deferred) events, in order, and commits. */
  foldDeferred(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    const access = this.access(this.activities);
    this.inTransaction(() => {
      for (const event of events) applyLedgerEvent(access, event, 'activity-changes');
      this.activities.flush();
    });
  }

  /** Replaces the live tables with the rebuilt ones and sets the checkpoint, atomically. */
  swapIn(): bigint {
    const live = tablesWithPrefix(LIVE_PREFIX);
    const next = tablesWithPrefix(REBUILD_PREFIX);
    this.inTransaction(() => {
      this.orgs.flushAll();
      this.members.flushAll();
      this.activities.flush();
      dropDocumentTables(this.db, live);
      for (const key of ['org', 'member', 'memberOrg', 'activity'] as const) {
        this.db.exec(`ALTER TABLE ${next[key]} RENAME TO ${live[key]}`);
      }
      this.checkpointTable.write(this.position);
      this.clearOwner.run();
    });
    return this.position;
  }

  /** Drops the half-built tables if they are still ours; never throws (it runs after a failure). */
  abandon(): void {
    try {
      this.inTransaction(() => {
        dropDocumentTables(this.db, tablesWithPrefix(REBUILD_PREFIX));
        this.clearOwner.run();
      });
    } catch {
      // Superseded or closed: whoever owns the tables now cleans them up.
    }
  }

  /**
   * Pass one of a bulk rebuild. A second ActivityLogged for an id is refused here (same page) or by
   * the unique index (later page): folding it faithfully needs the exact rebuild.
   */
  private bulkAccess(): LedgerDocAccess {
    const access = this.access(this.newActivities);
    return {
      ...access,
      getActivity: () => {
        throw new Error('a bulk rebuild reads no activity before its table is indexed');
      },
      putActivity: (doc) => {
        if (this.newActivities.isPending(doc.id)) throw new DuplicateActivityIdError();
        this.newActivities.put(doc);
      },
    };
  }

  private access(activities: DocTableBuffer<ActivityDoc>): LedgerDocAccess {
    return {
      getOrg: (id) => this.orgs.get(id),
      putOrg: (doc) => this.orgs.put(doc),
      getMember: (id) => this.members.get(id),
      putMember: (doc) => this.members.put(doc),
      getActivity: (id) => activities.get(id),
      putActivity: (doc) => activities.put(doc),
    };
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
