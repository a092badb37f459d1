import type { EventStore } from '../../../event-store/src/port';
import { ProjectionRunner, ProjectionRunnerOptions } from '../runner';
import { openReadModelDatabase } from './open-read-model-database';
import { SqliteReadModel } from './sqlite-read-model';

/** A store whose events live in a SQLite file the read model can share (e.g. `SqliteEventStore`). */
export type FileBackedEventStore = EventStore & { readonly filePath: string };

export type ReadModelOptions = ProjectionRunnerOptions;

/** The persisted read model: its view, the runner that keeps it current, and its own connection. */
export interface ReadModel {
  readonly view: SqliteReadModel;
  readonly runner: ProjectionRunner;
  /** Closes the read model's connection; the event store stays open. */
  close(): void;
}

/** Opens the rm_ tables in the store's own file, on a connection of their own. */
export function openReadModel(store: FileBackedEventStore, options: ReadModelOptions = {}): ReadModel {
  const db = openReadModelDatabase(store.filePath);
  return {
    view: new SqliteReadModel(db),
    runner: new ProjectionRunner(store, db, options),
    close: () => {
      if (db.open) db.close();
    },
  };
}
