import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve as resolvePath } from 'node:path';
import { get } from 'node:http';

/**
 * The compiled server entry point: beside this file in dist/ (the bench), or in dist/ under the
 * repository when this file runs from its sources (a test, after `npm run build`).
 */
function serverMain(): string {
  const sibling = join(__dirname, '..', '..', 'apps', 'server', 'src', 'main.js');
  return existsSync(sibling) ? sibling : join(__dirname, '..', '..', 'dist', 'apps', 'server', 'src', 'main.js');
}
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
/** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

export interface ServerProcessOptions {
  /** `sqlite:<file>` */
  storeUrl: string;
  adminPassword: string;
  /** The server's stdout (its JSON request log) and stderr go to `<logBase>.out` and `<logBase>.err`. */
  logBase: string;
  /** When given, the server writes a V8 CPU profile into this directory as it exits. */
  cpuProfileDir?: string;
}

export interface ServerProcess {
  host: string;
  port: number;
  pid: number;
  /** CPU time (user + system) the server process has used so far, ms; undefined off Linux. */
  cpuMs(): number | undefined;
  /** SIGTERM, then the exit (graceful shutdown: in-flight requests finish, the store closes). */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running (clean-up after a failure). */
  kill(): void;
}

/**
 * The real server as its own process (`node dist/apps/server/src/main.js`, configured through the
 * environment as an operator would), on a free loopback port, ready once /healthz answers.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const out = openSync(`${options.logBase}.out`, 'w');
  const err = openSync(`${options.logBase}.err`, 'w');
  const profiling = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolvePath(options.cpuProfileDir)}`] : [];
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [...profiling, serverMain()], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST,
        TAIZHANG_STORE: options.storeUrl,
        TAIZHANG_ADMIN_PASSWORD: options.adminPassword,
      },
      stdio: ['ignore', out, err],
    });
  } finally {
    closeSync(out);
    closeSync(err);
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const pid = child.pid;
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  try {
    if (pid === undefined) throw new Error('could not start the server process');
    await untilHealthy(port, exited);
  } catch (error) {
    kill();
    const tail = (file: string) => readFileSync(file, 'utf8').slice(-2000);
    throw new Error(`${(error as Error).message}\nserver stderr: ${tail(`${options.logBase}.err`)}\nserver stdout: ${tail(`${options.logBase}.out`)}`);
  }
  return {
    host: HOST,
    port,
    pid,
    cpuMs: () => processCpuMs(pid),
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill,
  };
}

/** A port nobody listens on right now (the OS picks it; the server binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function untilHealthy(port: number, exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>): Promise<void> {
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void exited.then((e) => (exit = e));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exit) throw new Error(`the server exited while starting (${exit.signal ?? `code ${exit.code}`})`);
    if ((await healthStatus(port)) === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer /healthz within ${START_TIMEOUT_MS / 1000} s`);
}

function healthStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = get({ host: HOST, port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
}

/** utime + stime of a process from /proc/<pid>/stat (fields 14 and 15, after the parenthesised name). */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
