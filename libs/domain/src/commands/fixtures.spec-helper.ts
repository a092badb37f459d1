import { blankActivityDetails } from '../activity';
import type { ActivityDetails, MemberStatus } from '../activity';
import type { OrgKind } from '../catalog/org-kinds';
import { ValidationError } from '../errors';
import type { ActivityDoc, MemberDoc, MembershipPeriod, OrgDoc } from '../state';

/** Plain read-model documents for decider tests. */

export const TODAY = '2021-12-31';

export function org(id: string, kind: OrgKind, parentId: string | null, extra: Partial<OrgDoc> = {}): OrgDoc {
  return {
    id,
    name: extra.name ?? `组织${id}`,
    kind,
    parentId,
    establishedOn: null,
    dissolvedOn: null,
    streamVersion: 1,
    registeredAt: '2020-01-01T00:00:00.000Z',
    ...extra,
  };
}

export function member(id: string, periods: MembershipPeriod[], name = `党员${id}`): MemberDoc {
  const last = periods[periods.length - 1];
  const current = last !== undefined && last.to === null ? last : undefined;
  return {
    id,
    name,
    orgId: current?.orgId ?? null,
    status: last?.status ?? 'full',
    periods,
  };
}

export function stint(orgId: string, from: string, to: string | null = null, status: MemberStatus = 'full'): MembershipPeriod {
  return { orgId, from, to, status };
}

export function details(extra: Partial<ActivityDetails> = {}): ActivityDetails {
  return { ...blankActivityDetails('2021-03-05', ['branch-assembly']), ...extra };
}

export function activityDoc(id: string, orgId: string, d: ActivityDetails, voided = false): ActivityDoc {
  return { id, orgId, details: d, voided, loggedAt: '2021-03-05T10:00:00.000Z', loggedBy: 'tester', revisions: [] };
}

/** Runs a decider expected to refuse and returns its issues. */
export function issuesOf(decide: () => unknown): { field: string; message: string }[] {
  try {
    decide();
  } catch (err) {
    if (err instanceof ValidationError) return err.issues.map((i) => ({ field: i.field, message: i.message }));
    throw err;
  }
  throw new Error('expected a ValidationError, but the decider accepted the input');
}

/** The Chinese messages recorded for one field. */
export function messagesFor(decide: () => unknown, field: string): string[] {
  return issuesOf(decide)
    .filter((i) => i.field === field)
    .map((i) => i.message);
}

// A small tree: committee c1 > branch b1 > groups g1, g2; branch b2; a dissolved branch bx.
export const C1 = org('c1', 'committee', null, { name: '机关党委' });
export const B1 = org('b1', 'branch', 'c1', { name: '第一党支部', establishedOn: '2019-01-01' });
export const G1 = org('g1', 'group', 'b1', { name: '第一党小组' });
export const G2 = org('g2', 'group', 'b1', { name: '第二党小组' });
export const B2 = org('b2', 'branch', 'c1', { name: '第二党支部' });
export const BX = org('bx', 'branch', 'c1', { name: '已撤销支部', dissolvedOn: '2021-06-01' });

export const M01 = member('m01', [stint('b1', '2020-01-01')], '张三');
export const M02 = member('m02', [stint('g1', '2020-01-01')], '李四');
export const M03 = member('m03', [stint('g2', '2020-01-01', null, 'probationary')], '王五');
/** Moved from b2 to b1 on 2021-04-01. */
export const M07 = member('m07', [stint('b2', '2019-01-01', '2021-04-01'), stint('b1', '2021-04-01')], '赵六');
/** Left on 2021-02-01. */
export const M09 = member('m09', [stint('b1', '2019-01-01', '2021-02-01')], '钱七');
export const M20 = member('m20', [stint('b2', '2019-01-01')], '孙八');

export const MEMBERS: Record<string, MemberDoc> = { m01: M01, m02: M02, m03: M03, m07: M07, m09: M09, m20: M20 };
