import { readFileSync } from 'node:fs';

/** Peak resident set size of this process so far, in MB (`maxRSS` is in KB on Linux). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * What the process holds in memory right now, by kind (Linux only): anonymous memory (JS heap,
 * SQLite page caches, buffers), file-backed pages (mapped files: code, and SQLite's mmap of the
 * store), shared memory (the WAL index). RSS counts all three, so this tells a heap that grew
 * from a mapped database file.
 */
export interface ResidentBreakdown {
  anonMb: number;
  fileMb: number;
  shmemMb: number;
  /** The part of anonMb that is V8's heap (live objects plus garbage not yet collected). */
  jsHeapMb: number;
}

export function residentBreakdown(): ResidentBreakdown | undefined {
  let status: string;
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const breakdown = {
    anonMb: kb('RssAnon') / 1024,
    fileMb: kb('RssFile') / 1024,
    shmemMb: kb('RssShmem') / 1024,
    jsHeapMb: process.memoryUsage().heapTotal / 1024 / 1024,
  };
  return Number.isNaN(breakdown.anonMb) ? undefined : breakdown;
}
