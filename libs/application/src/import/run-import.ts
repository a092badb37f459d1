import { randomUUID } from 'node:crypto';
import { orgStreamId } from '../../../domain/src';
import { ConcurrencyError, IdempotencyError, NewEvent } from '../../../event-store/src';
import type { CommandMeta } from '../command-meta';
import { ConflictError } from '../errors';
import type { Ledger } from '../ledger';
import { toNewEvents } from '../new-event';
import { ImportPlan, planImport, PlannedActivity } from './plan-import';

export interface RunImportOptions {
  /** Who imports (recorded as every event's actor). */
  actor: string;
  /** Append nothing when any row has a problem. */
  strict?: boolean;
  /** Rows per append (each append is one atomic batch). */
  batchSize?: number;
  /** When the events are recorded (tests fix it). */
  now?: () => Date;
  /** Rows appended or found already imported so far, of those to write. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportOutcome {
  /** The plan the run wrote from (made again if the ledger had moved since the preview). */
  plan: ImportPlan;
  /** Activities appended by this run. */
  imported: number;
  /** Rows skipped because their activity was already in the ledger. */
  alreadyImported: number;
  /** True when `strict` refused the whole file. */
  refused: boolean;
}

export const DEFAULT_IMPORT_BATCH = 5000;
const MAX_REPLANS = 5;

/** A run that met a concurrent writer makes its plan again, from the ledger as it now stands. */
class LedgerMoved extends Error {}

function metaFor(plan: ImportPlan, actor: string, correlationId: string, row: PlannedActivity): CommandMeta {
  return {
    actor,
    source: 'import',
    correlationId,
    extra: { file: plan.source.file.name, sheet: row.ref.sheet, row: String(row.ref.row) },
  };
}

function groupByOrg(ready: readonly PlannedActivity[]): Map<string, PlannedActivity[]> {
  const byOrg = new Map<string, PlannedActivity[]>();
  for (const a of ready) {
    const list = byOrg.get(a.orgId);
    if (list) list.push(a);
    else byOrg.set(a.orgId, [a]);
  }
  return byOrg;
}

/**
 * Appends a plan's valid rows: per org stream, in batches, each batch one atomic append at the
 * stream version the plan's facts were read at (so no row is ever appended against facts that
 * changed under it; a conflict re-plans from the ledger as it then is). The read models are
 * caught up once at the end. With `strict`, a plan with any problem appends nothing.
 */
export async function runImport(ledger: Ledger, plan: ImportPlan, options: RunImportOptions): Promise<ImportOutcome> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_IMPORT_BATCH);
  const now = options.now ?? (() => new Date());
  const correlationId = randomUUID();
  await ledger.catchUp();
  let current = (await ledger.view.position()) === plan.position ? plan : await planImport(ledger, plan.source, plan.options);
  const firstAlready = current.already.length;
  let imported = 0;
  let skippedLate = 0;

  for (let attempt = 0; ; attempt++) {
    if (options.strict && (current.problemRows > 0 || current.problems.length > 0)) {
      return { plan: current, imported, alreadyImported: firstAlready + skippedLate, refused: true };
    }
    const total = current.ready.length + imported + skippedLate;
    try {
      for (const [orgId, rows] of groupByOrg(current.ready)) {
        let expected = current.streamVersions.get(orgId) ?? 0;
        for (let start = 0; start < rows.length; start += batchSize) {
          const batch = rows.slice(start, start + batchSize);
          const result = await appendBatch(ledger, current, batch, expected, options.actor, correlationId, now);
          expected = result.nextVersion;
          imported += result.appended;
          skippedLate += batch.length - result.appended;
          options.onProgress?.(imported + skippedLate, total);
        }
      }
      break;
    } catch (error) {
      if (!(error instanceof LedgerMoved)) throw error;
      if (attempt >= MAX_REPLANS) {
        throw new ConflictError(`导入时台账一直在被其他人修改，已重试 ${MAX_REPLANS} 次 / the ledger kept changing during the import`);
      }
      // What this run appended is now "already imported" in the new plan: count it once.
      const replanned = await planImport(ledger, plan.source, plan.options);
      skippedLate = Math.max(0, replanned.already.length - firstAlready - imported);
      current = replanned;
    }
  }
  await ledger.catchUp();
  return { plan: current, imported, alreadyImported: firstAlready + skippedLate, refused: false };
}

interface BatchResult {
  nextVersion: number;
  appended: number;
}

async function appendBatch(
  ledger: Ledger,
  plan: ImportPlan,
  batch: readonly PlannedActivity[],
  expected: number,
  actor: string,
  correlationId: string,
  now: () => Date,
): Promise<BatchResult> {
  const recordedAt = now();
  const eventsOf = (rows: readonly PlannedActivity[]): NewEvent[] => {
    const events: NewEvent[] = [];
    // The same idempotency key as `taizhang log --id`, so the same activity has the same event id.
    for (const row of rows) events.push(...toNewEvents([row.event], metaFor(plan, actor, correlationId, row), recordedAt, `activity:${row.activityId}:logged`));
    return events;
  };
  const stream = orgStreamId(batch[0].orgId);
  try {
    const result = await ledger.store.appendToStream(stream, eventsOf(batch), expected);
    return { nextVersion: result.nextVersion, appended: result.alreadyStored ? 0 : batch.length };
  } catch (error) {
    if (error instanceof ConcurrencyError) throw new LedgerMoved();
    if (!(error instanceof IdempotencyError)) throw error;
  }
  // Some activity of the batch is stored although the plan's date-range lookup missed it (its date
  // was corrected since): look each up, and append the others.
  const fresh: PlannedActivity[] = [];
  for (const row of batch) if (!(await ledger.view.getActivity(row.activityId))) fresh.push(row);
  if (fresh.length === 0) return { nextVersion: expected, appended: 0 };
  try {
    const result = await ledger.store.appendToStream(stream, eventsOf(fresh), expected);
    return { nextVersion: result.nextVersion, appended: fresh.length };
  } catch (error) {
    if (error instanceof ConcurrencyError) throw new LedgerMoved();
    throw error;
  }
}
