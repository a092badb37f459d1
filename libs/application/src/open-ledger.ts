import { openEventStore, parseStoreUrl, redactStoreUrl, StoreLocation } from '../../event-store/src/open-event-store';
import { StoreUrlError } from '../../event-store/src/errors';
import type { EventStore } from '../../event-store/src';
import { openReadModel, ReadModel, SqliteBackedEventStore } from '../../projections/src/sqlite/open-read-model';
import { openDetachedReadModel } from '../../projections/src/sqlite/open-detached-read-model';
import type { Ledger } from './ledger';

export interface OpenLedgerOptions {
  /**
   * Where the read models live when not beside the events: a `postgres://` or `sqlite:` URL.
   * Required for EventStoreDB (which holds events only); a PostgreSQL store keeps them in its own
   * database unless told otherwise; a SQLite store always keeps them in its own file.
   */
  readStore?: string;
  /**
   * Keep the read models current in the background (a server). Only one process at a time runs
   * the PostgreSQL projection; the others read what it writes.
   */
  live?: boolean;
}

type ReadModelPlan =
  | { kind: 'beside-sqlite' }
  | { kind: 'sqlite-file'; filePath: string }
  /** `eventsBeside`: the events are the PostgreSQL store of this very database and schema. */
  | { kind: 'postgres'; connectionString: string; schema: string; eventsBeside: boolean };

function isSqliteBacked(store: EventStore): store is SqliteBackedEventStore {
  const candidate = store as Partial<SqliteBackedEventStore>;
  return typeof candidate.filePath === 'string' && typeof candidate.onAppended === 'function';
}

/** Decides where the read models go before anything is opened, so a wrong choice fails cleanly. */
export function planReadModel(storeUrl: string, readStore: string | undefined): ReadModelPlan {
  const events = parseStoreUrl(storeUrl);
  const read: StoreLocation | undefined = readStore ? parseStoreUrl(readStore) : undefined;
  if (events.kind === 'sqlite') {
    if (read && !(read.kind === 'sqlite' && read.filePath === events.filePath)) {
      throw new StoreUrlError(
        'SQLite 存储的读模型与事件保存在同一个文件中，不能另设读模型存储（--read-store / TAIZHANG_READ_STORE）。' +
          'A SQLite store keeps its read models in its own file: --read-store does not apply.',
      );
    }
    return { kind: 'beside-sqlite' };
  }
  const target = read ?? (events.kind === 'postgres' ? events : undefined);
  if (!target) {
    throw new StoreUrlError(
      `EventStoreDB 只保存事件，读模型需另设存储：请用 --read-store 或 TAIZHANG_READ_STORE 指定 postgres://… 或 sqlite:<文件路径>（事件存储 ${redactStoreUrl(storeUrl)}）。` +
        ` EventStoreDB holds events only: give the read-model store with --read-store or TAIZHANG_READ_STORE (postgres://… or sqlite:<path>).`,
    );
  }
  if (target.kind === 'sqlite') return { kind: 'sqlite-file', filePath: target.filePath };
  if (target.kind === 'postgres') {
    const eventsBeside = events.kind === 'postgres' && events.connectionString === target.connectionString && events.schema === target.schema;
    return { kind: 'postgres', connectionString: target.connectionString, schema: target.schema, eventsBeside };
  }
  throw new StoreUrlError(
    '读模型只能保存在 PostgreSQL（postgres://…）或 SQLite（sqlite:<文件路径>）中。Read models live in PostgreSQL or SQLite, not in EventStoreDB.',
  );
}

/** Opens the store named by `url` and the read models that go with it (see `OpenLedgerOptions`). */
export async function openLedger(url: string, options: OpenLedgerOptions = {}): Promise<Ledger> {
  const plan = planReadModel(url, options.readStore);
  const store = await openEventStore(url);
  try {
    return await ledgerOver(store, plan, options);
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function ledgerOver(store: EventStore, plan: ReadModelPlan, options: OpenLedgerOptions): Promise<Ledger> {
  if (plan.kind === 'postgres') {
    // Loaded on demand: a SQLite-only process never loads pg.
    const { openPostgresReadModel } = await import('../../projections/src/postgres');
    const readModel = await openPostgresReadModel(store, {
      connectionString: plan.connectionString,
      schema: plan.schema,
      live: options.live,
      eventsBeside: plan.eventsBeside,
    });
    return {
      store,
      view: readModel.view,
      catchUp: async () => {
        await readModel.catchUp();
      },
      rebuild: async (onProgress) => ({ events: (await readModel.rebuild(progressOf(onProgress))).applied }),
      close: async () => {
        await readModel.close();
        await store.close();
      },
    };
  }
  if (plan.kind === 'sqlite-file') {
    const readModel = openDetachedReadModel(store, plan.filePath);
    return ledgerOverSqlite(store, readModel, () => readModel.closeFile());
  }
  if (!isSqliteBacked(store)) throw new Error('a sqlite: URL opened a store that is not SQLite');
  const readModel = openReadModel(store);
  return ledgerOverSqlite(store, readModel, () => readModel.close());
}

function progressOf(onProgress?: (done: number, total: number) => void) {
  return onProgress ? (done: number, total: bigint) => onProgress(done, Number(total)) : undefined;
}

/** A ledger whose read models are SQLite tables, beside the events or in a file of their own. */
function ledgerOverSqlite(store: EventStore, readModel: ReadModel, closeReadModel: () => void): Ledger {
  return {
    store,
    view: readModel.view,
    catchUp: async () => {
      await readModel.runner.catchUp();
    },
    rebuild: async (onProgress) => ({ events: (await readModel.runner.rebuild(progressOf(onProgress))).applied }),
    close: async () => {
      closeReadModel();
      await store.close();
    },
  };
}
