import { userInfo } from 'node:os';
import { Command } from 'commander';
import { DEFAULT_STORE_URL } from '../../../libs/event-store/src/open-event-store';

export interface GlobalOptions {
  store: string;
  /** Where the read models live for an EventStoreDB store (or a PostgreSQL one, by choice). */
  readStore?: string;
  actor: string;
  json: boolean;
}

/** `--store` else TAIZHANG_STORE else the embedded default; `--read-store` else TAIZHANG_READ_STORE; `--actor` else TAIZHANG_ACTOR else the OS user. */
export function globalOptions(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals<{ store?: string; readStore?: string; actor?: string; json?: boolean }>();
  return {
    store: o.store || process.env.TAIZHANG_STORE || DEFAULT_STORE_URL,
    readStore: o.readStore || process.env.TAIZHANG_READ_STORE || undefined,
    actor: o.actor || process.env.TAIZHANG_ACTOR || osUser(),
    json: Boolean(o.json),
  };
}

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Splits a list flag on ASCII or Chinese commas and 顿号: `a,b`, `a，b`, `a、b`. */
export function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
