import { OrgKind } from './org-kinds';

/**
 * Minimum-frequency rules of 《中国共产党支部工作条例（试行）》 and common local rules, as data.
 * An upper committee can replace this list (local rules such as 党课 quarterly).
 */
export type RulePeriod = 'month' | 'quarter' | 'year';

export interface ComplianceRule {
  id: string;
  kind: string;
  /** Counts only activities with this qualifier (e.g. 党课 given by the secretary). */
  qualifier?: string;
  every: RulePeriod;
  min: number;
  /** The org kinds the rule binds. */
  orgKinds: readonly OrgKind[];
  /** 党小组会: checked for each 党小组 under the org rather than for the org itself. */
  perGroup?: boolean;
  /** 谈心谈话: a coverage rule — every member should take part at least `min` times a year. */
  coverage?: boolean;
  source: string;
}

export const RULE_VERSION = '2018-branch-regulation+local-v1';

export const DEFAULT_COMPLIANCE_RULES: readonly ComplianceRule[] = [
  { id: 'branch-assembly-quarterly', kind: 'branch-assembly', every: 'quarter', min: 1, orgKinds: ['general-branch', 'branch'], source: '支部工作条例 第十一条' },
  { id: 'committee-meeting-monthly', kind: 'committee-meeting', every: 'month', min: 1, orgKinds: ['general-branch', 'branch'], source: '支部工作条例 第十二条' },
  { id: 'group-meeting-monthly', kind: 'group-meeting', every: 'month', min: 1, orgKinds: ['general-branch', 'branch'], perGroup: true, source: '支部工作条例 第十三条' },
  { id: 'party-lecture-quarterly', kind: 'party-lecture', every: 'quarter', min: 1, orgKinds: ['general-branch', 'branch'], source: '地方规定：党课每季度至少1次' },
  { id: 'party-lecture-secretary-yearly', kind: 'party-lecture', qualifier: 'secretary', every: 'year', min: 1, orgKinds: ['general-branch', 'branch'], source: '支部书记每年至少讲1次党课' },
  { id: 'theme-day-monthly', kind: 'theme-day', every: 'month', min: 1, orgKinds: ['general-branch', 'branch'], source: '支部工作条例 主题党日' },
  { id: 'org-life-meeting-yearly', kind: 'org-life-meeting', every: 'year', min: 1, orgKinds: ['general-branch', 'branch'], source: '支部工作条例 组织生活会' },
  { id: 'member-appraisal-yearly', kind: 'member-appraisal', every: 'year', min: 1, orgKinds: ['general-branch', 'branch'], source: '支部工作条例 民主评议党员' },
  { id: 'democratic-life-meeting-yearly', kind: 'democratic-life-meeting', every: 'year', min: 1, orgKinds: ['committee', 'leading-group'], source: '民主生活会每年1次' },
  { id: 'warning-education-yearly', kind: 'warning-education', every: 'year', min: 2, orgKinds: ['general-branch', 'branch'], source: '地方规定：警示教育每年至少2次' },
  { id: 'heart-talk-coverage', kind: 'heart-talk', every: 'year', min: 1, orgKinds: ['general-branch', 'branch'], coverage: true, source: '支部工作条例 谈心谈话' },
];

/**
 * Every rule set a report may have been compiled under, by version: re-verifying an old report
 * must count by the rules it was compiled with, not by today's. Add a new entry (never edit an
 * old one) when the rules change.
 */
const RULES_BY_VERSION: ReadonlyMap<string, readonly ComplianceRule[]> = new Map([[RULE_VERSION, DEFAULT_COMPLIANCE_RULES]]);

export function complianceRulesOfVersion(version: string): readonly ComplianceRule[] | undefined {
  return RULES_BY_VERSION.get(version);
}

/**
 * Version of the counting rules (套会 counts once per kind, a joint 党小组会 once per group, voided
 * records out, attendance from the named list else the headcount). Recorded with every report.
 */
export const COUNTING_VERSION = 'counting-v1';
