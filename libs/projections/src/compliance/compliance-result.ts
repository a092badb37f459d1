import type { CivilDate, ComplianceRule, PeriodId } from '../../../domain/src';

/** One rule over one period for one org: should N / did M, never a bare pass/fail. */
export interface ComplianceRow {
  rule: string;
  kind: string;
  qualifier: string | null;
  /** The org checked (for per-group rules, the 党小组). */
  org: string;
  period: PeriodId;
  should: number;
  did: number;
  ok: boolean;
  /** The period has not ended yet on `today`: a shortfall may still be made up. */
  pending: boolean;
  /** The activities counted (provenance for the board and the report). */
  activityIds: string[];
}

/** A coverage rule (谈心谈话): every member of the org should take part `min` times a year. */
export interface CoverageRow {
  rule: string;
  kind: string;
  qualifier: string | null;
  org: string;
  period: PeriodId;
  min: number;
  /** Members of the org and its groups at some time in the year. */
  should: number;
  /** Of those, members present at `min` or more such activities. */
  did: number;
  ok: boolean;
  pending: boolean;
  uncovered: string[];
  activityIds: string[];
}

/** The JSON contract of `taizhang compliance --json`. */
export interface ComplianceResult {
  org: string;
  year: number;
  ruleVersion: string;
  rules: ComplianceRow[];
  coverage: CoverageRow[];
}

/** Every org beneath a committee (groups aside: they appear in their branch's per-group rows). */
export interface ComplianceTree {
  org: string;
  year: number;
  ruleVersion: string;
  orgs: ComplianceResult[];
}

export interface ComplianceQuery {
  orgId: string;
  year: number;
  today: CivilDate;
  /** DEFAULT_COMPLIANCE_RULES when omitted (an upper committee may configure its own). */
  rules?: readonly ComplianceRule[];
  /** Recorded with the result; RULE_VERSION for the default rules, `custom` otherwise. */
  ruleVersion?: string;
}
