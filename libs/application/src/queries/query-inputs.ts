import { ValidationError } from '../../../domain/src';
import type { OrgDoc } from '../../../domain/src';
import type { LedgerView } from '../../../projections/src/ledger-view';

/** Checks a year given on the command line or in a URL. */
export function requireYear(value: number | string | undefined): number {
  const year = typeof value === 'string' ? Number(value) : value;
  if (year === undefined || !Number.isInteger(year) || year < 1921 || year > 9999) {
    throw ValidationError.of('year', `年份无效：${String(value ?? '')}`, `invalid year: ${String(value ?? '')}`);
  }
  return year;
}

export async function requireOrg(view: LedgerView, orgId: string | undefined, field = 'orgId'): Promise<OrgDoc> {
  const org = orgId ? await view.getOrg(orgId) : undefined;
  if (!org) throw ValidationError.of(field, `组织不存在：${orgId ?? ''}`, `unknown organisation: ${orgId ?? ''}`);
  return org;
}
