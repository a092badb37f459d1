import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '../../../event-store/src/envelope';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src/state';
import { applyLedgerEvent, LedgerDocAccess, ledgerDocAccess } from '../reducers/apply-ledger-event';
import { CheckpointTable } from './checkpoint';
import { docCodecs } from './doc-codecs';
import { DocTableBuffer } from './doc-table-buffer';
import { prepareReadModelStatements, ReadModelStatementOptions } from './read-model-statements';
import { LIVE_PREFIX, tablesWithPrefix } from './read-model-tables';

/** How many documents of each kind stay cached between transactions. */
export interface DocCacheCapacities {
  orgs: number;
  members: number;
  activities: number;
}

export const DEFAULT_CACHE_CAPACITIES: DocCacheCapacities = { orgs: 20_000, members: 50_000, activities: 5_000 };

export interface PageOutcome {
  /** Events of the page folded in (those the checkpoint had not passed yet). */
  applied: number;
  /** The checkpoint after the transaction. */
  position: bigint;
  /**
   * The checkpoint was behind the page's start (a rebuild elsewhere swapped in an older state):
   * nothing was applied, the caller must read again from `position`.
   */
  behind: boolean;
}

/**
 * Folds pages of events into the live rm_ tables, each page in one BEGIN IMMEDIATE transaction that
 * re-reads the checkpoint, skips what it already covers, writes the changed documents and the new
 * checkpoint, and commits them together. The transaction is synchronous from BEGIN to COMMIT, so no
 * other work of this process can run inside it (and block on the lock it holds).
 */
export class ReadModelWriter {
  private readonly checkpointTable: CheckpointTable;
  private readonly orgs: DocTableBuffer<OrgDoc>;
  private readonly members: DocTableBuffer<MemberDoc>;
  private readonly activities: DocTableBuffer<ActivityDoc>;
  private readonly access: LedgerDocAccess;
  /** The checkpoint the caches agree with; undefined when they must not be trusted. */
  private cachedAt: bigint | undefined;
  private readonly applyInTransaction: (expectedFrom: bigint, events: readonly StoredEvent[]) => PageOutcome;

  constructor(db: Database, capacities: DocCacheCapacities = DEFAULT_CACHE_CAPACITIES, options: ReadModelStatementOptions = {}) {
    this.checkpointTable = new CheckpointTable(db);
    const codecs = docCodecs(prepareReadModelStatements(db, tablesWithPrefix(LIVE_PREFIX), options));
    this.orgs = new DocTableBuffer(codecs.org.load, codecs.org.write, capacities.orgs);
    this.members = new DocTableBuffer(codecs.member.load, codecs.member.write, capacities.members);
    this.activities = new DocTableBuffer(codecs.activity.load, codecs.activity.write, capacities.activities);
    // Reports and accounts are few and seldom change: written straight through, inside the page's
    // transaction like everything else, with nothing cached that a rollback could leave stale.
    const reports = { get: codecs.report.load, put: codecs.report.write };
    const accounts = { get: codecs.account.load, put: codecs.account.write };
    this.access = ledgerDocAccess(this.orgs, this.members, this.activities, reports, accounts);
    this.applyInTransaction = db.transaction((expectedFrom: bigint, events: readonly StoredEvent[]) => this.fold(expectedFrom, events)).immediate;
  }

  /** The committed checkpoint (a plain read, outside any transaction). */
  checkpoint(): bigint {
    return this.checkpointTable.read();
  }

  /** Applies the events of `page` (read after `expectedFrom`) the checkpoint has not covered yet. */
  applyPage(expectedFrom: bigint, page: readonly StoredEvent[]): PageOutcome {
    try {
      const outcome = this.applyInTransaction(expectedFrom, page);
      this.cachedAt = outcome.position;
      return outcome;
    } catch (error) {
      this.forget();
      throw error;
    }
  }

  private fold(expectedFrom: bigint, events: readonly StoredEvent[]): PageOutcome {
    const checkpoint = this.checkpointTable.read();
    // Documents are a function of the checkpoint: if another writer moved it, our cache is stale.
    if (checkpoint !== this.cachedAt) this.forget();
    if (checkpoint < expectedFrom) return { applied: 0, position: checkpoint, behind: true };
    let applied = 0;
    let position = checkpoint;
    for (const event of events) {
      if (event.globalPosition <= position) continue;
      applyLedgerEvent(this.access, event);
      position = event.globalPosition;
      applied += 1;
    }
    if (applied > 0) {
      this.orgs.flush();
      this.members.flush();
      this.activities.flush();
      this.checkpointTable.write(position);
    }
    return { applied, position, behind: false };
  }

  private forget(): void {
    this.cachedAt = undefined;
    this.orgs.clear();
    this.members.clear();
    this.activities.clear();
  }
}
