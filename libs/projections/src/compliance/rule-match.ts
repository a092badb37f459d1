import type { ActivityDoc, CivilDate, ComplianceRule, PeriodRange } from '../../../domain/src';

/** A live activity of the rule's kind (and qualifier, when the rule names one). */
export function matchesRule(a: ActivityDoc, rule: ComplianceRule): boolean {
  if (a.voided || !a.details.kinds.includes(rule.kind)) return false;
  return rule.qualifier === undefined || a.details.qualifier === rule.qualifier;
}

/** A period is pending until its last day is over (on the last day it can still be met). */
export function isPending(period: PeriodRange, today: CivilDate): boolean {
  return today <= period.to;
}
