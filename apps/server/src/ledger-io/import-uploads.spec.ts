import { PENDING_IMPORT_MAX_COUNT, PENDING_IMPORT_TTL_MS, PendingImports } from './import-uploads';

function clockAt(start: number) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

const upload = (username: string, bytes = Buffer.from('日期,活动类型')) => ({ username, orgId: 'b1', fileName: 'x.csv', bytes, sheet: '', strict: false });

describe('PendingImports', () => {
  it('gives each upload a random token only its uploader can redeem', () => {
    const store = new PendingImports(clockAt(0));
    const a = store.keep(upload('alice'));
    const b = store.keep(upload('alice'));
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(32);
    expect(store.find(a.token, 'alice')?.bytes.toString()).toBe('日期,活动类型');
    expect(store.find(a.token, 'bob')).toBeUndefined();
    expect(store.find('guess', 'alice')).toBeUndefined();
  });

  it('forgets an upload after 30 minutes', () => {
    const clock = clockAt(1_000);
    const store = new PendingImports(clock);
    const kept = store.keep(upload('alice'));
    clock.advance(PENDING_IMPORT_TTL_MS - 1);
    expect(store.find(kept.token, 'alice')).toBeDefined();
    clock.advance(1);
    expect(store.find(kept.token, 'alice')).toBeUndefined();
  });

  it('keeps at most a bounded number of uploads, dropping the oldest', () => {
    const store = new PendingImports(clockAt(0));
    const first = store.keep(upload('alice'));
    let last = first;
    for (let i = 0; i < PENDING_IMPORT_MAX_COUNT; i++) last = store.keep(upload('alice'));
    expect(store.size).toBe(PENDING_IMPORT_MAX_COUNT);
    expect(store.find(first.token, 'alice')).toBeUndefined();
    expect(store.find(last.token, 'alice')).toBeDefined();
  });

  it('keeps the total size bounded: big uploads push out older ones', () => {
    const store = new PendingImports(clockAt(0));
    const big = () => upload('alice', Buffer.alloc(20 * 1024 * 1024));
    const kept = Array.from({ length: 6 }, () => store.keep(big()));
    expect(store.size).toBe(5);
    expect(store.find(kept[0].token, 'alice')).toBeUndefined();
    expect(store.find(kept[5].token, 'alice')).toBeDefined();
  });
});
