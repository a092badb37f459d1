import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ValidationError } from '../../../domain/src';
import { deleteLastEvent } from '../../../../test/helpers/store-file';
import { RebuildCommand } from '../commands/rebuild.command';
import { RegisterOrganizationCommand } from '../commands/organization.commands';
import type { Ledger } from '../ledger';
import { LedgerModule } from '../ledger.module';
import { VerifyQuery } from '../queries/verify.query';
import { LEDGER } from '../tokens';
import { AuthenticateQuery } from './authenticate.query';
import { ChangePasswordCommand } from './change-password.command';
import { CreateAccountCommand } from './create-account.command';
import { DisableAccountCommand } from './disable-account.command';
import { EnableAccountCommand } from './enable-account.command';
import { EnsureAdminCommand } from './ensure-admin.command';
import { GetAccountQuery } from './get-account.query';
import { ListAccountsQuery } from './list-accounts.query';
import { ResetPasswordCommand } from './reset-password.command';

/** The application as the CLI and the server boot it, on a real SQLite file, with a clock the test sets. */
async function bootApp(file: string, clock: { now: () => Date } = { now: () => new Date('2025-03-01T02:00:00.000Z') }) {
  const context = await NestFactory.createApplicationContext(LedgerModule.forRoot({ storeUrl: `sqlite:${file}`, clock }), {
    logger: false,
    abortOnError: false,
  });
  return { context, commands: context.get(CommandBus), queries: context.get(QueryBus), ledger: context.get<Ledger>(LEDGER) };
}

type App = Awaited<ReturnType<typeof bootApp>>;

async function refusal(work: Promise<unknown>): Promise<{ field: string; message: string }[]> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${String(error)}`);
  return error.issues.map(({ field, message }) => ({ field, message }));
}

/** Every stored event's data and metadata, as text: where a clear-text password must never appear. */
async function storedText(ledger: Ledger): Promise<string> {
  const events = await ledger.store.readAll({ maxCount: 100_000 });
  return JSON.stringify(events.map((e) => [e.data, e.metadata]));
}

const byAdmin = { actor: 'admin', source: 'web' as const };
const WANG_PASSWORD = 'wang first password';

/** One ledger; the tests run in order and each builds on what the last left. */
describe('accounts over the command bus', () => {
  let dir: string;
  let app: App;
  let now: Date;
  let firstAdminPassword: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-accounts-'));
    now = new Date('2025-03-01T02:00:00.000Z');
    app = await bootApp(join(dir, 'ledger.db'), { now: () => now });
    await app.commands.execute(new RegisterOrganizationCommand({ id: 'c1', name: '机关党委', kind: 'committee' }, byAdmin));
    await app.commands.execute(new RegisterOrganizationCommand({ id: 'b1', name: '第一党支部', kind: 'branch', parentId: 'c1' }, byAdmin));
  });

  afterAll(async () => {
    await app.context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const authenticate = (username: string, password: string) => app.queries.execute(new AuthenticateQuery({ username, password }));

  it('creates the first admin with a one-time password on a ledger without accounts, and only then', async () => {
    const first = await app.commands.execute(new EnsureAdminCommand());
    if (!first.created) throw new Error('expected the first admin to be created');
    expect(first).toMatchObject({ created: true, username: 'admin', generated: true });
    expect(first.password).toMatch(/^[A-Za-z0-9]{16}$/);
    firstAdminPassword = first.password;
    expect(await app.commands.execute(new EnsureAdminCommand({ password: 'another admin password' }))).toEqual({ created: false });
    const admin = await app.queries.execute(new GetAccountQuery({ username: 'admin' }));
    expect(admin).toEqual({
      username: 'admin',
      role: 'admin',
      orgId: null,
      displayName: null,
      mustChangePassword: true,
      disabled: false,
      createdAt: '2025-03-01T02:00:00.000Z',
      createdBy: 'system',
      version: 1,
    });
    const [event] = await app.ledger.store.readStream('account-admin');
    expect(event).toMatchObject({ type: 'AccountCreated', metadata: { actor: 'system', source: 'system' } });
    expect(await authenticate('admin', firstAdminPassword)).toMatchObject({ ok: true, account: { username: 'admin' } });
  });

  it('creates a secretary, records who did, and hands out no hash', async () => {
    now = new Date('2025-03-02T02:00:00.000Z');
    const created = await app.commands.execute(
      new CreateAccountCommand({ username: ' Wang ', password: WANG_PASSWORD, role: 'secretary', orgId: 'b1', displayName: '王书记' }, byAdmin),
    );
    expect(created).toEqual({
      account: {
        username: 'wang',
        role: 'secretary',
        orgId: 'b1',
        displayName: '王书记',
        mustChangePassword: false,
        disabled: false,
        createdAt: '2025-03-02T02:00:00.000Z',
        createdBy: 'admin',
        version: 1,
      },
      generatedPassword: null,
    });
    const { accounts } = await app.queries.execute(new ListAccountsQuery());
    expect(accounts.map((a) => a.username)).toEqual(['admin', 'wang']);
    for (const a of accounts) expect(Object.keys(a)).not.toContain('passwordHash');
    expect(Object.keys((await app.queries.execute(new GetAccountQuery({ username: 'WANG' }))) ?? {})).not.toContain('passwordHash');
    expect(await app.queries.execute(new GetAccountQuery({ username: 'nobody' }))).toBeNull();
  });

  it('generates a password when none is given, to be changed at first login', async () => {
    const created = await app.commands.execute(new CreateAccountCommand({ username: 'li.na', role: '审计', orgId: 'c1' }, byAdmin));
    expect(created.generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(created.account).toMatchObject({ role: 'auditor', orgId: 'c1', mustChangePassword: true });
    expect(await authenticate('li.na', created.generatedPassword ?? '')).toMatchObject({ ok: true, account: { mustChangePassword: true } });
  });

  it('refuses a taken username, a secretary without an org, an unknown org and a weak password, appending nothing', async () => {
    const head = await app.ledger.store.headPosition();
    const create = (input: Partial<CreateAccountCommand['input']>) =>
      refusal(app.commands.execute(new CreateAccountCommand({ username: 'zhao', password: 'zhao password 1', role: 'secretary', orgId: 'b1', ...input }, byAdmin)));
    expect(await create({ username: 'WANG' })).toEqual([{ field: 'username', message: '用户名已被使用：wang' }]);
    expect(await create({ orgId: null })).toEqual([{ field: 'orgId', message: '支部书记（录入）账号须指定所属组织' }]);
    expect(await create({ orgId: 'nowhere' })).toEqual([{ field: 'orgId', message: '组织 nowhere 不存在' }]);
    expect(await create({ password: '1234567890' })).toEqual([{ field: 'password', message: '密码不能全是数字' }]);
    expect(await create({ password: '' })).toEqual([{ field: 'password', message: '请填写密码' }]);
    expect(await app.ledger.store.headPosition()).toBe(head);
  });

  it('authenticates the right password only, and says why not without revealing more than it must', async () => {
    expect(await authenticate('wang', WANG_PASSWORD)).toMatchObject({ ok: true, account: { username: 'wang', role: 'secretary' } });
    expect(await authenticate(' WANG ', WANG_PASSWORD)).toMatchObject({ ok: true });
    expect(await authenticate('wang', 'wang first passworD')).toEqual({ ok: false, reason: 'bad-password' });
    expect(await authenticate('nobody', WANG_PASSWORD)).toEqual({ ok: false, reason: 'unknown' });
    expect(await authenticate('', '')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('resets a password: the old one stops working and the account must change the new one', async () => {
    const reset = await app.commands.execute(new ResetPasswordCommand({ username: 'wang' }, byAdmin));
    expect(reset).toMatchObject({ generated: true, account: { username: 'wang', mustChangePassword: true, version: 2 } });
    expect(reset.password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await authenticate('wang', WANG_PASSWORD)).toEqual({ ok: false, reason: 'bad-password' });
    expect(await authenticate('wang', reset.password)).toMatchObject({ ok: true, account: { mustChangePassword: true } });
    const chosen = await app.commands.execute(new ResetPasswordCommand({ username: 'wang', newPassword: 'set by the admin' }, byAdmin));
    expect(chosen).toMatchObject({ password: 'set by the admin', generated: false, account: { mustChangePassword: true } });
    const [, , third] = await app.ledger.store.readStream('account-wang');
    expect(third).toMatchObject({ type: 'AccountPasswordChanged', data: { username: 'wang', reset: true }, metadata: { actor: 'admin' } });
    expect(await refusal(app.commands.execute(new ResetPasswordCommand({ username: 'ghost' }, byAdmin)))).toEqual([
      { field: 'username', message: '账号不存在：ghost' },
    ]);
  });

  it('changes a password only with the right old one, to a new and valid one, and clears mustChangePassword', async () => {
    const asWang = { actor: 'wang', source: 'web' as const };
    const change = (oldPassword: string, newPassword: string) => app.commands.execute(new ChangePasswordCommand({ username: 'wang', oldPassword, newPassword }, asWang));
    expect(await refusal(change('not the password', 'my own password'))).toEqual([{ field: 'oldPassword', message: '原密码不正确' }]);
    expect(await refusal(change('set by the admin', 'set by the admin'))).toEqual([{ field: 'newPassword', message: '新密码不能与原密码相同' }]);
    expect(await refusal(change('set by the admin', 'short'))).toEqual([{ field: 'newPassword', message: '密码至少需要10个字符' }]);
    const changed = await change('set by the admin', 'my own password');
    expect(changed.account).toMatchObject({ username: 'wang', mustChangePassword: false, version: 4 });
    expect(await authenticate('wang', 'my own password')).toMatchObject({ ok: true, account: { mustChangePassword: false } });
    expect(await authenticate('wang', 'set by the admin')).toEqual({ ok: false, reason: 'bad-password' });
    const [last] = (await app.ledger.store.readStream('account-wang')).slice(-1);
    expect(last).toMatchObject({ data: { reset: false }, metadata: { actor: 'wang' } });
  });

  it('disables an account (login refused, to those who know the password) and enables it again', async () => {
    const disabled = await app.commands.execute(new DisableAccountCommand({ username: 'wang', reason: '调离' }, byAdmin));
    expect(disabled.account).toMatchObject({ disabled: true, version: 5 });
    expect(await authenticate('wang', 'my own password')).toEqual({ ok: false, reason: 'disabled' });
    expect(await authenticate('wang', 'a wrong password')).toEqual({ ok: false, reason: 'bad-password' });
    expect(await refusal(app.commands.execute(new DisableAccountCommand({ username: 'wang' }, byAdmin)))).toEqual([
      { field: 'username', message: '账号已停用：wang' },
    ]);
    expect(
      await refusal(app.commands.execute(new ChangePasswordCommand({ username: 'wang', oldPassword: 'my own password', newPassword: 'yet another one' }, byAdmin))),
    ).toEqual([{ field: 'username', message: '账号已停用：wang' }]);
    expect((await app.commands.execute(new EnableAccountCommand({ username: 'wang' }, byAdmin))).account).toMatchObject({ disabled: false, version: 6 });
    expect(await authenticate('wang', 'my own password')).toMatchObject({ ok: true });
  });

  it('never disables the last admin of the whole ledger', async () => {
    expect(await refusal(app.commands.execute(new DisableAccountCommand({ username: 'admin' }, byAdmin)))).toEqual([
      { field: 'username', message: '不能停用最后一个全台账管理员账号：admin' },
    ]);
    await app.commands.execute(new CreateAccountCommand({ username: 'root2', password: 'second admin pw', role: 'admin' }, byAdmin));
    expect((await app.commands.execute(new DisableAccountCommand({ username: 'admin' }, byAdmin))).account.disabled).toBe(true);
    await app.commands.execute(new EnableAccountCommand({ username: 'admin' }, { actor: 'root2', source: 'web' }));
  });

  it('keeps every clear-text password out of the stored events', async () => {
    const text = await storedText(app.ledger);
    for (const password of [firstAdminPassword, WANG_PASSWORD, 'set by the admin', 'my own password', 'second admin pw']) {
      expect(text).not.toContain(password);
    }
    expect(text).toContain('scrypt$32768$8$1$');
  });

  it('keeps the accounts, hashes and all, through a rebuild of the read model', async () => {
    const before = await app.queries.execute(new ListAccountsQuery());
    const { events } = await app.commands.execute(new RebuildCommand());
    expect(events).toBe(Number(await app.ledger.store.headPosition()));
    expect(await app.queries.execute(new ListAccountsQuery())).toEqual(before);
    expect(before.accounts).toHaveLength(4);
    expect(await authenticate('wang', 'my own password')).toMatchObject({ ok: true });
  });

  it('verifies every hash chain, account streams included, and notices a deleted account event', async () => {
    const whole = await app.queries.execute(new VerifyQuery({}));
    expect(whole).toMatchObject({ ok: true, events: Number(await app.ledger.store.headPosition()) });
    expect(Object.keys(whole.heads).sort()).toEqual(['account-admin', 'account-li.na', 'account-root2', 'account-wang', 'org-b1', 'org-c1']);
    expect(whole.heads['account-wang'].version).toBe(6);
    // Someone with the file deletes the re-enabling, hoping nobody notices.
    expect(deleteLastEvent(join(dir, 'ledger.db'), 'account-wang')).toBe(6);
    expect(await app.queries.execute(new VerifyQuery({}))).toMatchObject({ ok: false, stream: 'account-wang', version: 6, reason: 'missing-events' });
  });
});

describe('the first admin, when processes start at once', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-first-admin-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created once by two concurrent calls in one process', async () => {
    const app = await bootApp(join(dir, 'ledger.db'));
    try {
      const appends = jest.spyOn(app.ledger.store, 'appendToStream');
      const results = await Promise.all([app.commands.execute(new EnsureAdminCommand()), app.commands.execute(new EnsureAdminCommand())]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
      // Both saw no account and reached the store: it was the expected version that stopped one.
      expect(appends).toHaveBeenCalledTimes(2);
      appends.mockRestore();
      expect(await app.ledger.store.readStream('account-admin')).toHaveLength(1);
      const winner = results.find((r) => r.created);
      if (!winner?.created) throw new Error('no winner');
      expect(await app.queries.execute(new AuthenticateQuery({ username: 'admin', password: winner.password }))).toMatchObject({ ok: true });
    } finally {
      await app.context.close();
    }
  });

  it('is created once by two applications on one file (two connections, as two processes have)', async () => {
    const file = join(dir, 'ledger.db');
    const [a, b] = [await bootApp(file), await bootApp(file)];
    try {
      const results = await Promise.all([
        a.commands.execute(new EnsureAdminCommand({ password: 'password of a' })),
        b.commands.execute(new EnsureAdminCommand({ password: 'password of b' })),
      ]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await a.ledger.store.readStream('account-admin')).toHaveLength(1);
      const winner = results.find((r) => r.created);
      if (!winner?.created) throw new Error('no winner');
      expect(winner.generated).toBe(false);
      // Whichever won, both see the same admin, with the winner's password and nothing to change.
      for (const app of [a, b]) {
        expect(await app.queries.execute(new AuthenticateQuery({ username: 'admin', password: winner.password }))).toMatchObject({
          ok: true,
          account: { mustChangePassword: false },
        });
      }
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('refuses a first-admin password that breaks the rules, and creates nothing', async () => {
    const app = await bootApp(join(dir, 'ledger.db'));
    try {
      expect(await refusal(app.commands.execute(new EnsureAdminCommand({ password: 'admin' })))).toEqual([
        { field: 'password', message: '密码至少需要10个字符' },
        { field: 'password', message: '密码不能与用户名相同' },
      ]);
      expect(await app.ledger.view.countAccounts()).toBe(0);
    } finally {
      await app.context.close();
    }
  });
});
