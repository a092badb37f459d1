import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStoreUrl } from '../../../event-store/src/open-event-store';
import { isSameStore } from './same-store';

const same = (a: string, b: string) => isSameStore(parseStoreUrl(a), parseStoreUrl(b));

describe('isSameStore', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-same-store-'));
    writeFileSync(join(dir, 'a.db'), '');
    symlinkSync(join(dir, 'a.db'), join(dir, 'link.db'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('recognises one SQLite file however its path is spelled, through symlinks too', () => {
    expect(same(`sqlite:${dir}/a.db`, `sqlite:${dir}/../${dir.split('/').pop()}/a.db`)).toBe(true);
    expect(same(`sqlite:${dir}/a.db`, `sqlite:${dir}/link.db`)).toBe(true);
    expect(same(`sqlite:${dir}/a.db`, `sqlite:${dir}/b.db`)).toBe(false);
  });

  it('recognises one PostgreSQL schema whatever the scheme spelling or credentials, and tells schemas apart', () => {
    const base = 'postgres://u:p@Db.example:5432/ledger';
    expect(same(`${base}?schema=s1`, 'postgresql://other:secret@db.example/ledger?schema=s1&sslmode=disable')).toBe(true);
    expect(same(base, 'postgres://u:p@db.example:5432/ledger?schema=public')).toBe(true);
    expect(same(`${base}?schema=s1`, `${base}?schema=s2`)).toBe(false);
    expect(same(`${base}?schema=s1`, 'postgres://u:p@db.example:5433/ledger?schema=s1')).toBe(false);
    expect(same(`${base}?schema=s1`, 'postgres://u:p@db.example:5432/other?schema=s1')).toBe(false);
  });

  it('never takes stores of different kinds for one', () => {
    expect(same(`sqlite:${dir}/a.db`, 'postgres://u:p@localhost/ledger')).toBe(false);
  });
});
