import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '../../../event-store/src/envelope';
import type { EventStore } from '../../../event-store/src/port';
import { ProjectionRunner, ProjectionRunnerOptions } from '../runner';
import { ensureReadModelSchema } from './read-model-schema';
import { SqliteReadModel } from './sqlite-read-model';

/**
 * A store whose events live in a SQLite file the read model shares: its connection, and a hook run
 * inside each append's transaction (e.g. `SqliteEventStore`).
 */
export type SqliteBackedEventStore = EventStore & {
  readonly filePath: string;
  readonly database: Database;
  onAppended(hook: (appended: readonly StoredEvent[], headBefore: bigint) => void): void;
};

export type ReadModelOptions = ProjectionRunnerOptions;

/** The persisted read model: its view and the runner that keeps it current. */
export interface ReadModel {
  readonly view: SqliteReadModel;
  readonly runner: ProjectionRunner;
  /** Detaches from the store; the connection belongs to the store and closes with it. */
  close(): void;
}

/**
 * Opens the rm_ tables in the store's own file, on the store's own connection, and folds every
 * append of this process into them inside the append's transaction: one durable commit per command
 * instead of two, and reads that always see this process's own writes.
 */
export function openReadModel(store: SqliteBackedEventStore, options: ReadModelOptions = {}): ReadModel {
  const db = store.database;
  ensureReadModelSchema(db);
  const runner = new ProjectionRunner(store, db, options);
  let open = true;
  store.onAppended((appended, headBefore) => {
    if (open) runner.applyAppended(appended, headBefore);
  });
  return {
    view: new SqliteReadModel(db),
    runner,
    close: () => {
      open = false;
    },
  };
}
