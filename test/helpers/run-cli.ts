import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root: `bin/taizhang` runs the compiled CLI from `dist/`. */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const CLI_BIN = join(REPO_ROOT, 'bin', 'taizhang');
const COMPILED_MAIN = join(REPO_ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');

export interface CliOptions {
  /** Store URL passed as `--store` (omit to exercise TAIZHANG_STORE from `env`). */
  store?: string;
  /** Extra environment; TAIZHANG_* from the test runner's own environment are never inherited. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface CliResult<T = unknown> {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, when it is JSON. */
  json: T;
  /** stderr parsed as JSON (the `--json` error shape), when it is JSON. */
  errorJson: CliErrorJson | undefined;
}

/** What `--json` prints on stderr when a command is refused. */
export interface CliErrorJson {
  ok: false;
  error: string;
  issues?: { field: string; message: string; messageEn: string }[];
  message?: string;
  messageEn?: string;
}

/** A hermetic environment: the test decides store and actor, not whoever runs Jest. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('TAIZHANG_')) env[k] = v;
  return { ...env, ...extra };
}

function argvOf(args: readonly string[], options: CliOptions): string[] {
  if (!existsSync(COMPILED_MAIN)) {
    throw new Error(`CLI not built (${COMPILED_MAIN} missing): run \`npm run build\` (npm test does) before the e2e tests`);
  }
  return [CLI_BIN, ...(options.store ? ['--store', options.store] : []), ...args];
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

/** Runs `bin/taizhang …` as a real process and waits for it; never rejects on a non-zero exit. */
export function runCli<T = unknown>(args: readonly string[], options: CliOptions = {}): Promise<CliResult<T>> {
  const argv = argvOf(args, options);
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      argv,
      { cwd: REPO_ROOT, env: cliEnv(options.env), encoding: 'utf8', timeout: options.timeoutMs ?? 30_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // execFile reports a non-zero exit as an error carrying the code; only a failure to start is fatal.
        const failure = error as (Error & { code?: number | string; signal?: NodeJS.Signals | null }) | null;
        if (failure && typeof failure.code === 'string') return reject(failure);
        resolvePromise({
          code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          signal: failure?.signal ?? null,
          stdout,
          stderr,
          json: parseJson(stdout) as T,
          errorJson: parseJson(stderr) as CliErrorJson | undefined,
        });
      },
    );
  });
}

/** Starts `bin/taizhang …` without waiting (for tests that kill it mid-way). */
export function spawnCli(args: readonly string[], options: CliOptions = {}): ChildProcess {
  return spawn(process.execPath, argvOf(args, options), { cwd: REPO_ROOT, env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves with how a spawned process ended. */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolvePromise({ code: child.exitCode, signal: child.signalCode });
    child.once('exit', (code, signal) => resolvePromise({ code, signal }));
  });
}

/** Describes a result for assertion messages, so a failing exit code shows what the CLI said. */
export function explain(result: CliResult): string {
  return `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
}

/** Fails with the CLI's own output when the exit code is not the one expected. */
export function expectExit<T>(result: CliResult<T>, code: number): CliResult<T> {
  if (result.code !== code) throw new Error(`expected exit ${code}, got ${explain(result)}`);
  return result;
}

/** A CLI bound to one store: `run` returns whatever happened, `ok` insists on exit 0. */
export interface BoundCli {
  readonly store: string;
  run<T = unknown>(args: readonly string[], options?: Omit<CliOptions, 'store'>): Promise<CliResult<T>>;
  ok<T = unknown>(args: readonly string[], options?: Omit<CliOptions, 'store'>): Promise<CliResult<T>>;
}

export function cliOn(store: string): BoundCli {
  return {
    store,
    run: <T>(args: readonly string[], options: Omit<CliOptions, 'store'> = {}) => runCli<T>(args, { ...options, store }),
    ok: async <T>(args: readonly string[], options: Omit<CliOptions, 'store'> = {}) => expectExit(await runCli<T>(args, { ...options, store }), 0),
  };
}
