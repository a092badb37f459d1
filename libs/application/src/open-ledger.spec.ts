import { resolve } from 'node:path';
import { StoreUrlError } from '../../event-store/src/errors';
import { planReadModel } from './open-ledger';

describe('where the read models go (planReadModel)', () => {
  const pg = 'postgres://taizhang:secret@db.example/ledger';

  it('keeps them beside the events in a SQLite store, and refuses another place', () => {
    expect(planReadModel('sqlite:data/a.db', undefined)).toEqual({ kind: 'beside-sqlite' });
    expect(planReadModel('sqlite:data/a.db', 'sqlite:data/a.db')).toEqual({ kind: 'beside-sqlite' });
    expect(() => planReadModel('sqlite:data/a.db', pg)).toThrow(StoreUrlError);
    expect(() => planReadModel('sqlite:data/a.db', 'sqlite:data/b.db')).toThrow(/--read-store/);
  });

  it('keeps them in the PostgreSQL store’s own schema unless told otherwise', () => {
    expect(planReadModel(`${pg}?schema=branch_a`, undefined)).toEqual({ kind: 'postgres', connectionString: pg, schema: 'branch_a', eventsBeside: true });
    // Beside the events only when database and schema are the store's own.
    expect(planReadModel(`${pg}?schema=branch_a`, `${pg}?schema=branch_a`)).toMatchObject({ eventsBeside: true });
    expect(planReadModel(`${pg}?schema=branch_a`, `${pg}?schema=branch_b`)).toMatchObject({ schema: 'branch_b', eventsBeside: false });
    expect(planReadModel(`${pg}?schema=branch_a`, 'postgres://taizhang:secret@db.example/other?schema=branch_a')).toMatchObject({ eventsBeside: false });
    expect(planReadModel(pg, 'sqlite:rm/ledger.db')).toEqual({ kind: 'sqlite-file', filePath: resolve('rm/ledger.db') });
  });

  it('requires a read store for EventStoreDB, naming the option and hiding the password', () => {
    let message = '';
    try {
      planReadModel('esdb://admin:changeit@localhost:2113?tls=false', undefined);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('--read-store');
    expect(message).toContain('TAIZHANG_READ_STORE');
    expect(message).not.toContain('changeit');
    expect(planReadModel('esdb://localhost:2113?tls=false', pg)).toMatchObject({ kind: 'postgres', connectionString: pg, eventsBeside: false });
  });

  it('never puts read models into EventStoreDB', () => {
    expect(() => planReadModel(pg, 'esdb://localhost:2113?tls=false')).toThrow(/EventStoreDB/);
  });
});
