import Database from 'better-sqlite3';
import { VerifyJson } from '../helpers/cli-json';
import { cliOn } from '../helpers/run-cli';
import { countEvents } from '../helpers/store-file';
import { createTempStore } from '../helpers/temp-store';

/**
 * `taizhang user …`: accounts for the web server, managed from the trusted console. Every change is
 * an event in the account's own stream, recorded with the acting `--actor`; only hashes are stored.
 */
const store = createTempStore('accounts');
const tz = cliOn(store.url);
const asOps = { env: { TAIZHANG_ACTOR: '运维张工' } };

/** What `user … --json` prints for one account (no hash, ever). */
interface AccountJson {
  username: string;
  role: string;
  orgId: string | null;
  displayName: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  createdBy: string;
  version: number;
}

interface AddJson {
  ok: true;
  account: AccountJson;
  generatedPassword: string | null;
}

/** Every password given or printed in this file, to look for in the store afterwards. */
const passwords: string[] = [];

function storedEvents(): { stream_id: string; type: string; data: string; metadata: string }[] {
  const db = new Database(store.file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { stream_id: string; type: string; data: string; metadata: string }>("SELECT stream_id, type, data, metadata FROM events WHERE stream_id LIKE 'account-%' ORDER BY global_position").all();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  await tz.ok(['org', 'add', '--id', 'c1', '--name', '机关党委', '--kind', 'committee']);
  await tz.ok(['org', 'add', '--id', 'b1', '--name', '第一党支部', '--kind', 'branch', '--parent', 'c1']);
});

afterAll(() => store.remove());

describe('user add', () => {
  it('creates an admin of the whole ledger with the password given, and prints none', async () => {
    passwords.push('the admin password');
    const r = await tz.ok(['user', 'add', '--username', 'root', '--role', 'admin', '--password', 'the admin password'], asOps);
    expect(r.stdout).toContain('已创建账号：root（管理员，范围：整个台账）');
    expect(r.stdout).not.toContain('the admin password');
    expect(r.stdout).not.toContain('初始密码');
  });

  it('generates a one-time password when none is given, prints it once, and flags it for change', async () => {
    const r = await tz.ok(['user', 'add', '--username', 'Wang', '--role', 'secretary', '--org', 'b1', '--name', '王书记'], asOps);
    const printed = /初始密码（只显示这一次，首次登录后须修改）：([A-Za-z0-9]{16})/.exec(r.stdout);
    expect(printed).not.toBeNull();
    passwords.push(printed?.[1] ?? '');
    expect(r.stdout).toContain('已创建账号：wang（支部书记（录入），范围：第一党支部（b1）及下级组织）');
  });

  it('answers --json with the account (no hash) and the generated password', async () => {
    const r = await tz.ok<AddJson>(['user', 'add', '--username', 'li.na', '--role', '审计', '--org', 'c1', '--json'], asOps);
    expect(r.json).toMatchObject({
      ok: true,
      account: { username: 'li.na', role: 'auditor', orgId: 'c1', displayName: null, mustChangePassword: true, disabled: false, createdBy: '运维张工', version: 1 },
    });
    expect(r.json.generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(JSON.stringify(r.json)).not.toContain('scrypt');
    passwords.push(r.json.generatedPassword ?? '');
  });

  it.each([
    ['a taken username', ['--username', 'WANG', '--role', 'auditor', '--org', 'b1'], 'username', /用户名已被使用：wang/],
    ['a malformed username', ['--username', '王伟', '--role', 'auditor', '--org', 'b1'], 'username', /用户名须以英文字母开头/],
    ['a secretary without an org', ['--username', 'zhao', '--role', 'secretary'], 'orgId', /须指定所属组织/],
    ['an unknown org', ['--username', 'zhao', '--role', 'secretary', '--org', 'nowhere'], 'orgId', /组织 nowhere 不存在/],
    ['an unknown role', ['--username', 'zhao', '--role', 'root', '--org', 'b1'], 'role', /角色无效：root/],
    ['an all-digit password', ['--username', 'zhao', '--role', 'auditor', '--org', 'b1', '--password', '1234567890'], 'password', /密码不能全是数字/],
  ])('refuses %s (exit 2, nothing appended)', async (_name, flags, field, zh) => {
    const before = countEvents(store.file);
    const r = await tz.run(['user', 'add', ...flags, '--json']);
    expect(r.code).toBe(2);
    expect(r.errorJson?.issues?.map((i) => i.field)).toEqual([field]);
    expect(r.errorJson?.issues?.[0].message).toMatch(zh);
    expect(countEvents(store.file)).toBe(before);
    const text = await tz.run(['user', 'add', ...flags]);
    expect(text.stderr).toMatch(zh);
  });
});

describe('user list', () => {
  it('prints a Chinese table of every account', async () => {
    const r = await tz.ok(['user', 'list']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('账号：3 个');
    expect(lines[1].split(/\s{2,}/)).toEqual(['用户名', '姓名', '角色', '组织范围', '状态', '需改密码']);
    const rows = lines.slice(3).map((l) => l.split(/\s{2,}/));
    expect(rows).toEqual([
      ['li.na', '—', '审计', '机关党委（c1）及下级组织', '正常', '是'],
      ['root', '—', '管理员', '整个台账', '正常', '否'],
      ['wang', '王书记', '支部书记（录入）', '第一党支部（b1）及下级组织', '正常', '是'],
    ]);
  });

  it('answers --json without password hashes', async () => {
    const r = await tz.ok<{ accounts: AccountJson[] }>(['user', 'list', '--json']);
    expect(r.json.accounts.map((a) => a.username)).toEqual(['li.na', 'root', 'wang']);
    expect(r.stdout).not.toContain('passwordHash');
    expect(r.stdout).not.toContain('scrypt');
  });
});

describe('user reset-password, disable, enable', () => {
  it('resets a password, prints the new one, and the account must change it', async () => {
    passwords.push('chosen by the admin');
    const given = await tz.ok(['user', 'reset-password', '--username', 'root', '--password', 'chosen by the admin']);
    expect(given.stdout).toContain('新密码（只显示这一次，下次登录后须修改）：chosen by the admin');
    const generated = await tz.ok<{ ok: true; password: string; generated: boolean; account: AccountJson }>(['user', 'reset-password', '--username', 'wang', '--json']);
    expect(generated.json).toMatchObject({ ok: true, generated: true, account: { username: 'wang', mustChangePassword: true, version: 2 } });
    expect(generated.json.password).toMatch(/^[A-Za-z0-9]{16}$/);
    passwords.push(generated.json.password);
    const root = (await tz.ok<{ accounts: AccountJson[] }>(['user', 'list', '--json'])).json.accounts.find((a) => a.username === 'root');
    expect(root?.mustChangePassword).toBe(true);
    const unknown = await tz.run(['user', 'reset-password', '--username', 'ghost']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('账号不存在：ghost');
  });

  it('disables and enables an account, shown in the list', async () => {
    const disabled = await tz.ok(['user', 'disable', '--username', 'wang', '--reason', '调离本支部'], asOps);
    expect(disabled.stdout).toContain('已停用账号：wang');
    expect((await tz.ok(['user', 'list'])).stdout).toMatch(/wang\s+王书记\s+支部书记（录入）\s+第一党支部（b1）及下级组织\s+已停用/);
    const twice = await tz.run(['user', 'disable', '--username', 'wang']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('账号已停用：wang');
    const enabled = await tz.ok<{ ok: true; account: AccountJson }>(['user', 'enable', '--username', 'wang', '--json']);
    expect(enabled.json.account).toMatchObject({ username: 'wang', disabled: false });
  });

  it('refuses to disable the last admin of the whole ledger', async () => {
    const r = await tz.run(['user', 'disable', '--username', 'root']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不能停用最后一个全台账管理员账号：root');
  });
});

describe('what the store keeps', () => {
  it('holds each account change as an event of its stream, by the acting user, with hashes and never a password', () => {
    const events = storedEvents();
    expect(events.map((e) => [e.stream_id, e.type])).toEqual([
      ['account-root', 'AccountCreated'],
      ['account-wang', 'AccountCreated'],
      ['account-li.na', 'AccountCreated'],
      ['account-root', 'AccountPasswordChanged'],
      ['account-wang', 'AccountPasswordChanged'],
      ['account-wang', 'AccountDisabled'],
      ['account-wang', 'AccountEnabled'],
    ]);
    expect(JSON.parse(events[5].data)).toEqual({ username: 'wang', reason: '调离本支部' });
    expect(JSON.parse(events[5].metadata)).toMatchObject({ actor: '运维张工', source: 'cli' });
    expect(JSON.parse(events[0].data).passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const text = events.map((e) => e.data + e.metadata).join('\n');
    expect(passwords).toHaveLength(5);
    for (const password of passwords) expect(text).not.toContain(password);
  });

  it('verifies every chain, account streams included, and rebuilds with the accounts intact', async () => {
    const before = (await tz.ok<{ accounts: AccountJson[] }>(['user', 'list', '--json'])).json;
    const verified = await tz.ok<VerifyJson>(['verify', '--json']);
    expect(verified.json).toMatchObject({ ok: true, streams: 5, events: countEvents(store.file) });
    await tz.ok(['rebuild']);
    expect((await tz.ok<{ accounts: AccountJson[] }>(['user', 'list', '--json'])).json).toEqual(before);
  });
});
