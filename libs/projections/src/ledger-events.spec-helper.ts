import { randomUUID } from 'node:crypto';
import { blankActivityDetails } from '../../domain/src';
import type { AccountCreatedData, ActivityDetails, MemberStatus, OrgKind, ReportCompiledData } from '../../domain/src';
import type { EventMetadata, NewEvent, StoredEvent } from '../../event-store/src/envelope';

/**
 * Builders of well-formed ledger events for the projection specs: `NewEvent`s to append to a real
 * store, and `stored()` to give one a place without a store (reducer unit tests).
 */

export interface At {
  /** Recording instant (default 2024-01-01T00:00:00.000Z). */
  at?: string;
  actor?: string;
}

function meta(opts: At = {}): EventMetadata {
  return {
    actor: opts.actor ?? 'secretary',
    recordedAt: opts.at ?? '2024-01-01T00:00:00.000Z',
    source: 'cli',
    correlationId: randomUUID(),
    causationId: null,
  };
}

function event<D>(type: string, data: D, opts?: At): NewEvent<D> {
  return { eventId: randomUUID(), type, schemaVersion: 1, data, metadata: meta(opts) };
}

export function details(extra: Partial<ActivityDetails> & { date: string }): ActivityDetails {
  return { ...blankActivityDetails(extra.date, ['theme-day']), title: '主题党日', ...extra };
}

/** What a compiled report records, with one filled and one missing figure; override what a test needs. */
export function reportData(reportId: string, orgId: string, extra: Partial<ReportCompiledData> = {}): ReportCompiledData {
  const figure = { source: 'tally' as const, kind: 'theme-day', qualifier: null, measure: 'count', unit: '次', rule: null, side: null, org: orgId, rollup: false, period: '2024' };
  return {
    reportId,
    orgId,
    year: 2024,
    rollup: false,
    template: 'branch-secretary',
    templateHash: 'a'.repeat(64),
    format: 'docx',
    ruleVersion: 'rules-1',
    countingVersion: 'counting-1',
    asOfPosition: '10',
    asOfInstant: null,
    zeroOk: [],
    streamHeads: { [`org-${orgId}`]: { version: 3, hash: 'b'.repeat(64) } },
    figures: [
      { ...figure, index: 0, value: 12, status: 'filled', activityIds: ['a1'] },
      { ...figure, index: 1, kind: 'party-lecture', value: null, status: 'missing', activityIds: [] },
    ],
    ...extra,
  };
}

export const ev = {
  orgRegistered: (orgId: string, o: At & { name?: string; kind?: OrgKind; parentId?: string | null } = {}) =>
    event('OrganizationRegistered', { orgId, name: o.name ?? `支部${orgId}`, kind: o.kind ?? 'branch', parentId: o.parentId ?? null, establishedOn: '2020-01-01' }, o),
  orgRenamed: (orgId: string, name: string, previousName: string, o?: At) => event('OrganizationRenamed', { orgId, name, previousName }, o),
  orgMoved: (orgId: string, parentId: string | null, previousParentId: string | null, o?: At) =>
    event('OrganizationMoved', { orgId, parentId, previousParentId }, o),
  orgDissolved: (orgId: string, on: string, o?: At) => event('OrganizationDissolved', { orgId, on, reason: '撤销' }, o),
  memberEnrolled: (memberId: string, orgId: string, since: string, status: MemberStatus = 'full', o?: At) =>
    event('MemberEnrolled', { memberId, orgId, name: `党员${memberId}`, status, since }, o),
  memberTransferred: (memberId: string, fromOrgId: string, toOrgId: string, on: string, o?: At) =>
    event('MemberTransferred', { memberId, fromOrgId, toOrgId, on }, o),
  memberStatusChanged: (memberId: string, orgId: string, status: MemberStatus, on: string, o?: At) =>
    event('MemberStatusChanged', { memberId, orgId, status, on }, o),
  memberLeft: (memberId: string, orgId: string, on: string, o?: At) => event('MemberLeft', { memberId, orgId, on, reason: null }, o),
  activityLogged: (activityId: string, orgId: string, activity: ActivityDetails, o?: At) =>
    event('ActivityLogged', { activityId, orgId, activity }, o),
  activityCorrected: (activityId: string, orgId: string, activity: ActivityDetails, changedFields: string[], reason: string, o?: At) =>
    event('ActivityCorrected', { activityId, orgId, activity, changedFields, reason }, o),
  activityVoided: (activityId: string, orgId: string, reason: string, o?: At) => event('ActivityVoided', { activityId, orgId, reason }, o),
  reportCompiled: (data: ReportCompiledData, o?: At) => event('ReportCompiled', data, o),
  /** A secretary of b1 unless told otherwise; the hash is a stand-in (reducers never read it). */
  accountCreated: (username: string, o: At & Partial<Omit<AccountCreatedData, 'username'>> = {}) =>
    event(
      'AccountCreated',
      {
        username,
        role: o.role ?? 'secretary',
        orgId: o.orgId === undefined ? 'b1' : o.orgId,
        passwordHash: o.passwordHash ?? `scrypt$hash-of-${username}`,
        displayName: o.displayName ?? null,
        mustChangePassword: o.mustChangePassword ?? false,
      },
      o,
    ),
  accountPasswordChanged: (username: string, passwordHash: string, reset: boolean, o?: At) =>
    event('AccountPasswordChanged', { username, passwordHash, reset }, o),
  accountDisabled: (username: string, reason: string | null = null, o?: At) => event('AccountDisabled', { username, reason }, o),
  accountEnabled: (username: string, o?: At) => event('AccountEnabled', { username }, o),
};

/** Gives a new event a place in a stream and in the store (hashes are not checked by reducers). */
export function stored(e: NewEvent, streamId: string, streamVersion: number, globalPosition: bigint): StoredEvent {
  return { ...e, streamId, streamVersion, globalPosition, prevHash: '0'.repeat(64), hash: 'f'.repeat(64) };
}

/** Deep-freezes a value, so a reducer that mutates its input throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
