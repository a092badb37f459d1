import { openEventStore } from '../../event-store/src/open-event-store';
import type { EventStore } from '../../event-store/src';
import { openReadModel, SqliteBackedEventStore } from '../../projections/src/sqlite/open-read-model';
import type { Ledger } from './ledger';

function isSqliteBacked(store: EventStore): store is SqliteBackedEventStore {
  const candidate = store as Partial<SqliteBackedEventStore>;
  return typeof candidate.filePath === 'string' && typeof candidate.onAppended === 'function';
}

/** Opens the store named by `url` and the read models that live beside it. */
export async function openLedger(url: string): Promise<Ledger> {
  const store = await openEventStore(url);
  if (!isSqliteBacked(store)) {
    await store.close();
    throw new Error(`no read-model backend for store ${url}`);
  }
  const readModel = openReadModel(store);
  return {
    store,
    view: readModel.view,
    catchUp: async () => {
      await readModel.runner.catchUp();
    },
    rebuild: async (onProgress) => {
      const r = await readModel.runner.rebuild(onProgress ? (done, total) => onProgress(done, Number(total)) : undefined);
      return { events: r.applied };
    },
    close: async () => {
      readModel.close();
      await store.close();
    },
  };
}
