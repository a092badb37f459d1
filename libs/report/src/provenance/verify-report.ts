import {
  ACTIVITY_CORRECTED,
  ACTIVITY_LOGGED,
  ACTIVITY_VOIDED,
  complianceRulesOfVersion,
  COUNTING_VERSION,
  orgStreamId,
  ValidationError,
  type RecordedFigure,
} from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/envelope';
import { StreamChainVerifier } from '../../../event-store/src/hash-chain';
import type { EventStore } from '../../../event-store/src/port';
import { replayLedger } from '../../../projections/src/as-of';
import type { LedgerView } from '../../../projections/src/ledger-view';
import { complianceFigure, complianceTotals, tallyFigure } from '../compile/figure-values';
import { ReportFacts } from '../compile/report-facts';
import type { ReportMeasure } from '../metrics/metric-key';
import { metricLabel } from '../metrics/metric-label';
import type { RecordedReport } from './recorded-report';

export interface FigureCheck {
  index: number;
  label: string;
  kind: string;
  qualifier: string | null;
  measure: string;
  unit: string | null;
  side: 'should' | 'did' | null;
  org: string;
  period: string;
  /** As the report states it. */
  recorded: number | null;
  /** As the ledger gives it (at the recorded position, or now). */
  value: number | null;
}

/** An event recorded after the report that touches an activity behind a changed figure. */
export interface ChangeEvent {
  position: string;
  eventId: string;
  type: string;
  activityId: string;
  recordedAt: string;
  actor: string;
  reason: string | null;
}

export interface FigureChange extends FigureCheck {
  events: ChangeEvent[];
}

export interface BrokenHead {
  stream: string;
  recorded: { version: number; hash: string };
  found: { version: number; hash: string } | null;
  reason: 'missing' | 'hash-differs' | 'chain-broken';
}

export interface ReportVerification {
  reportId: string | null;
  orgId: string;
  year: number;
  ruleVersion: string;
  asOfPosition: string;
  currentPosition: string;
  figures: number;
  /** Every recorded chain head is still in the ledger, unchanged, on an intact chain. */
  headsIntact: boolean;
  brokenHeads: BrokenHead[];
  /** Recomputed from the ledger as it stood at the recorded position, every figure equals the report. */
  matchesAtRecording: boolean;
  mismatches: FigureCheck[];
  /** Against the ledger today: what later entries, corrections and voids changed, and which events. */
  unchangedSince: boolean;
  changes: FigureChange[];
  /** The report is what the ledger said when it was compiled (heads intact, every figure matches). */
  ok: boolean;
}

/**
 * Re-checks a report against the ledger. Figures are recomputed from their recorded metrics (not by
 * re-rendering the template), under the rule version the report was compiled with: first at the
 * recorded position (does the report say what the ledger said?), then now (what changed since, and why).
 */
export async function verifyReport(store: EventStore, current: LedgerView, recorded: RecordedReport): Promise<ReportVerification> {
  const rules = complianceRulesOfVersion(recorded.ruleVersion);
  if (!rules) throw ValidationError.of('ruleVersion', `报告使用的规则版本“${recorded.ruleVersion}”未知，无法复核`, `unknown rule version ${recorded.ruleVersion}`);
  if (recorded.countingVersion !== COUNTING_VERSION) {
    throw ValidationError.of('countingVersion', `报告使用的计数规则版本“${recorded.countingVersion}”不受支持`, `unsupported counting version ${recorded.countingVersion}`);
  }
  const query = { orgId: recorded.orgId, year: recorded.year, today: recorded.compiledOn, rules, ruleVersion: recorded.ruleVersion };

  const brokenHeads = await checkHeads(store, recorded.streamHeads);
  const then = await replayLedger(store, { toPosition: recorded.asOfPosition, asOf: recorded.asOfInstant ?? undefined, orgId: recorded.orgId });
  const thenFacts = await ReportFacts.load(then, query);
  const nowFacts = await ReportFacts.load(current, query);

  const mismatches: FigureCheck[] = [];
  const changed: Array<{ check: FigureCheck; ids: Set<string> }> = [];
  for (const figure of recorded.figures) {
    const atRecording = recompute(thenFacts, figure);
    if (atRecording.value !== figure.value) mismatches.push(checkOf(figure, atRecording.value));
    const now = recompute(nowFacts, figure);
    if (now.value !== figure.value || !sameIds(now.activityIds, figure.activityIds)) {
      changed.push({ check: checkOf(figure, now.value), ids: new Set([...figure.activityIds, ...now.activityIds]) });
    }
  }
  const changes = changed.length === 0 ? [] : await explainChanges(store, recorded, nowFacts, changed);

  return {
    reportId: recorded.reportId,
    orgId: recorded.orgId,
    year: recorded.year,
    ruleVersion: recorded.ruleVersion,
    asOfPosition: recorded.asOfPosition.toString(),
    currentPosition: (await current.position()).toString(),
    figures: recorded.figures.length,
    headsIntact: brokenHeads.length === 0,
    brokenHeads,
    matchesAtRecording: mismatches.length === 0,
    mismatches,
    unchangedSince: changes.length === 0,
    changes,
    ok: brokenHeads.length === 0 && mismatches.length === 0,
  };
}

function recompute(facts: ReportFacts, f: RecordedFigure): { value: number | null; activityIds: string[] } {
  const target = { org: f.org, rollup: f.rollup, period: f.period };
  const found =
    f.source === 'compliance'
      ? complianceFigure(complianceTotals(facts, f.kind, f.qualifier, target), f.side === 'should' ? 'should' : 'did')
      : tallyFigure(facts, { kind: f.kind, qualifier: f.qualifier, measure: f.measure as ReportMeasure, unit: f.unit }, target);
  if (found) return found;
  // A confirmed zero stays zero for as long as nothing turns up behind it.
  return { value: f.status === 'zero-confirmed' ? 0 : null, activityIds: [] };
}

function checkOf(f: RecordedFigure, value: number | null): FigureCheck {
  const label = metricLabel({ kind: f.kind, qualifier: f.qualifier, measure: f.measure as ReportMeasure, unit: f.unit });
  return {
    index: f.index,
    label: f.side === 'should' ? `${label}（应开）` : label,
    kind: f.kind,
    qualifier: f.qualifier,
    measure: f.measure,
    unit: f.unit,
    side: f.side,
    org: f.org,
    period: f.period,
    recorded: f.value,
    value,
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/** Each recorded head must still be the event at that version, on a chain that verifies. */
async function checkHeads(store: EventStore, heads: RecordedReport['streamHeads']): Promise<BrokenHead[]> {
  const broken: BrokenHead[] = [];
  for (const [stream, head] of Object.entries(heads)) {
    const verifier = new StreamChainVerifier(stream);
    const events = await store.readStream(stream, { maxCount: head.version });
    for (const event of events) verifier.check(event);
    const at = events[head.version - 1];
    if (!at) broken.push({ stream, recorded: head, found: null, reason: 'missing' });
    else if (at.hash !== head.hash) broken.push({ stream, recorded: head, found: { version: at.streamVersion, hash: at.hash }, reason: 'hash-differs' });
    else if (verifier.firstBreak) broken.push({ stream, recorded: head, found: { version: at.streamVersion, hash: at.hash }, reason: 'chain-broken' });
  }
  return broken;
}

const ACTIVITY_EVENTS = new Set<string>([ACTIVITY_LOGGED, ACTIVITY_CORRECTED, ACTIVITY_VOIDED]);

/** Finds, in the org streams of the report's scope, the events after the report that touched each changed figure's activities. */
async function explainChanges(
  store: EventStore,
  recorded: RecordedReport,
  nowFacts: ReportFacts,
  changed: Array<{ check: FigureCheck; ids: Set<string> }>,
): Promise<FigureChange[]> {
  const later: StoredEvent[] = [];
  for (const org of nowFacts.subtree) {
    const stream = orgStreamId(org.id);
    const from = (recorded.streamHeads[stream]?.version ?? 0) + 1;
    for (const event of await store.readStream(stream, { fromVersion: from })) {
      if (ACTIVITY_EVENTS.has(event.type) && event.globalPosition > recorded.asOfPosition) later.push(event);
    }
  }
  later.sort((a, b) => (a.globalPosition < b.globalPosition ? -1 : 1));
  return changed.map(({ check, ids }) => ({
    ...check,
    events: later
      .filter((e) => ids.has(activityIdOf(e)))
      .map((e) => ({
        position: e.globalPosition.toString(),
        eventId: e.eventId,
        type: e.type,
        activityId: activityIdOf(e),
        recordedAt: e.metadata.recordedAt,
        actor: e.metadata.actor,
        reason: reasonOf(e),
      })),
  }));
}

function activityIdOf(e: StoredEvent): string {
  const data = e.data as { activityId?: unknown };
  return typeof data.activityId === 'string' ? data.activityId : '';
}

function reasonOf(e: StoredEvent): string | null {
  const data = e.data as { reason?: unknown };
  return typeof data.reason === 'string' ? data.reason : null;
}
