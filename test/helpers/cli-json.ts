/**
 * The `--json` shapes of the CLI contract (issue 2, section 6), written down independently of
 * the code that produces them: only the fields scripts may rely on.
 */
export interface LogJson {
  id: string;
  alreadyLogged?: boolean;
}

export interface TallyMetricJson {
  kind: string;
  qualifier: string | null;
  measure: string;
  unit: string | null;
  value: number;
}

export interface TallyJson {
  org: string;
  year: number;
  rollup: boolean;
  asOf?: string | null;
  metrics: TallyMetricJson[];
}

export interface ComplianceRowJson {
  kind: string;
  qualifier?: string | null;
  org: string;
  period: string;
  should: number;
  did: number;
  ok: boolean;
}

export interface ComplianceJson {
  org: string;
  year: number;
  rules: ComplianceRowJson[];
}

export interface HistoryEventJson {
  streamVersion: number;
  type: string;
  recordedAt: string;
  actor: string;
  hash: string;
  data: Record<string, unknown>;
}

export interface HistoryJson {
  events: HistoryEventJson[];
}

export interface ActivityJson {
  id: string;
  orgId: string;
  voided: boolean;
  details: {
    date: string;
    kinds: string[];
    title: string | null;
    headcount: number | null;
    hours: number | null;
    attendees: { memberId: string; status: string }[];
  };
}

export interface ListJson {
  org: string;
  year: number;
  activities: ActivityJson[];
}

export interface LateJson {
  org: string;
  year: number;
  days: number;
  entries: { activityId: string; date: string; daysLate: number }[];
}

export interface VerifyJson {
  ok: boolean;
  streams?: number;
  events: number;
  stream?: string;
  version?: number;
  eventId?: string;
}

export interface DemoJson {
  year: number;
  loaded: { orgs: number; members: number; activities: number; skipped: number };
  verify: { ok: boolean; events: number };
}

/** The value of one metric, or undefined when the ledger has no record behind it (missing ≠ 0). */
export function metricValue(tally: TallyJson, kind: string, qualifier: string | null, measure: string, unit: string | null = null): number | undefined {
  return tally.metrics.find((m) => m.kind === kind && m.qualifier === qualifier && m.measure === measure && (unit === null || m.unit === unit))?.value;
}

/** The kind's figures as a small object, for whole-row assertions. */
export function kindFigures(tally: TallyJson, kind: string, qualifier: string | null = null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of tally.metrics) {
    if (m.kind === kind && m.qualifier === qualifier) out[m.unit ? `${m.measure}:${m.unit}` : m.measure] = m.value;
  }
  return out;
}
