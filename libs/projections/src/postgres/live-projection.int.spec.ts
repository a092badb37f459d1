import { dropSchema, describeWithPostgres, uniqueSchemaName, withClient } from '../../../../test/helpers/postgres-test-database';
import { advisoryLockKey } from '../../../event-store/src/postgres/schema-name';
import { PostgresEventStore } from '../../../event-store/src/postgres/postgres-event-store';
import { appendAll, scenario } from '../ledger-snapshot.spec-helper';
import { openPostgresReadModel, PostgresReadModel, PostgresReadModelOptions } from './open-postgres-read-model';
import { appendSyntheticLedger, eventually, fullSnapshotOf, inMemoryViewOf } from './pg-read-model.spec-helper';

/** Both ways of storing activities: by reference beside the events (the default plan), and in full. */
for (const eventsBeside of [true, false]) {
  describeWithPostgres(`PostgreSQL read model: live projection and ownership (${eventsBeside ? 'activities by reference' : 'documents in full'})`, (url) => {
    const schema = uniqueSchemaName();
    const stores: PostgresEventStore[] = [];
    const readModels: PostgresReadModel[] = [];
    const errors: unknown[] = [];
    const openStore = () => {
      const store = new PostgresEventStore({ connectionString: url, schema, maxConnections: 3 });
      stores.push(store);
      return store;
    };
    const openReadModel = async (store: PostgresEventStore, options: Partial<PostgresReadModelOptions> = {}) => {
      const readModel = await openPostgresReadModel(store, {
        connectionString: url,
        schema,
        maxConnections: 3,
        pollIntervalMs: 5,
        retryIntervalMs: 100,
        pageSize: 50,
        onError: (error) => errors.push(error),
        eventsBeside,
        ...options,
      });
      readModels.push(readModel);
      return readModel;
    };

    /** The backend holding the projection lock of this schema (pg_locks splits a bigint key in two). */
    async function lockHolderPid(): Promise<number | undefined> {
      const key = BigInt.asUintN(64, advisoryLockKey('read-model', schema));
      return withClient(url, async (c) => {
        const result = await c.query<{ pid: number }>(
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1 AND objid = $2 AND objsubid = 1
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          [(key >> 32n).toString(), (key & 0xffffffffn).toString()],
        );
        return result.rows[0]?.pid;
      });
    }

    afterAll(async () => {
      await Promise.all(readModels.map((rm) => rm.close()));
      await Promise.all(stores.map((s) => s.close()));
      await dropSchema(url, schema);
    });

    it('follows many concurrent appenders without skipping or repeating an event: the same as a full rebuild', async () => {
      const owner = await openReadModel(openStore(), { live: true });
      await eventually(() => owner.isOwner());
      // A second server, waiting for the lock, and a CLI process catching up by itself meanwhile.
      const standby = await openReadModel(openStore(), { live: true });
      const cli = await openReadModel(openStore());
      expect(standby.isOwner()).toBe(false);
      expect(cli.isOwner()).toBe(false);

      const writers = Array.from({ length: 5 }, openStore);
      const seen: bigint[] = [];
      let appending = true;
      const watcher = (async () => {
        while (appending) {
          seen.push(await owner.view.position());
          await cli.catchUp();
        }
      })();
      await Promise.all([
        // Five instances (five pools, as five processes), three workers each, every worker its own
        // rounds of the scenario: appends of one to three events racing on the store's sequence.
        ...writers.flatMap((store, w) =>
          Array.from({ length: 3 }, async (_, k) => {
            for (let i = 0; i < 4; i++) await appendAll(store, scenario(100 + w * 100 + k * 10 + i));
          }),
        ),
        appendSyntheticLedger(writers[0], 4_000, 'live'),
      ]);
      appending = false;
      await watcher;

      const head = await writers[1].headPosition();
      await eventually(async () => (await owner.view.position()) === head);
      console.log(`live projection: positions seen while appending went ${seen[0]} → ${seen[seen.length - 1]} of ${head}, ${seen.length} reads`);
      const live = await fullSnapshotOf(owner.view);
      expect(live.position).toBe(head);
      expect(await fullSnapshotOf(await inMemoryViewOf(writers[1]))).toEqual(live);

      const rebuilt = await cli.rebuild();
      expect(rebuilt.position).toBe(head);
      expect(await fullSnapshotOf(cli.view)).toEqual(live);
      expect(standby.isOwner()).toBe(false);
      expect(errors).toEqual([]);
    });

    it('hands the projection over when the owner’s lock session dies, and again when the owner closes', async () => {
      const [first, standby] = readModels;
      expect(first.isOwner()).toBe(true);
      expect(standby.isOwner()).toBe(false);
      const store = stores[0];

      const pid = await lockHolderPid();
      expect(pid).toEqual(expect.any(Number));
      await withClient(url, (c) => c.query('SELECT pg_terminate_backend($1)', [pid]));
      // The lock is free: a new session takes it, in whichever of the two processes asks first.
      await eventually(async () => {
        const holder = await lockHolderPid();
        return holder !== undefined && holder !== pid && first.isOwner() !== standby.isOwner();
      });
      const [owner, other] = first.isOwner() ? [first, standby] : [standby, first];
      await appendAll(store, scenario(900));
      let head = await store.headPosition();
      await eventually(async () => (await owner.view.position()) === head);

      await owner.close();
      await eventually(() => other.isOwner());
      await appendAll(store, scenario(901));
      head = await store.headPosition();
      await eventually(async () => (await other.view.position()) === head);
      expect(await fullSnapshotOf(other.view)).toEqual(await fullSnapshotOf(await inMemoryViewOf(store)));
      // The killed session shows up as one error of the live loop at most; nothing else went wrong.
      expect(errors.length).toBeLessThanOrEqual(1);
    });

    it('runs nothing in the background without live, and gives the lock up on close', async () => {
      const store = openStore();
      const quiet = await openReadModel(store);
      for (const rm of readModels.filter((r) => r.isOwner())) await rm.close();
      await eventually(async () => (await lockHolderPid()) === undefined);
      const before = await quiet.view.position();
      await appendAll(store, scenario(950));
      const head = await store.headPosition();
      // No live process is left: nothing folds the new events until someone catches up.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(quiet.isOwner()).toBe(false);
      expect(await lockHolderPid()).toBeUndefined();
      expect(await quiet.view.position()).toBe(before);
      expect(await quiet.catchUp()).toEqual({ applied: Number(head - before), position: head });
    });
  });
}
