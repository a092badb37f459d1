import { randomUUID } from 'node:crypto';
import { timeOrderedUuid } from '../../libs/application/src/new-event';
import {
  ACTIVITY_CORRECTED,
  ACTIVITY_LOGGED,
  ACTIVITY_VOIDED,
  CURRENT_SCHEMA_VERSIONS,
  MEMBER_ENROLLED,
  ORGANIZATION_REGISTERED,
  orgStreamId,
} from '../../libs/domain/src';
import type {
  ActivityCorrectedData,
  ActivityDetails,
  ActivityLoggedData,
  ActivityVoidedData,
  DomainEventType,
  MemberEnrolledData,
  OrganizationRegisteredData,
} from '../../libs/domain/src';
import type { EventMetadata, NewEvent } from '../../libs/event-store/src';
import { pick, Random, randomDate, syntheticActivity } from './synthetic-activity';

/** Events per stream an organisation holds at 1M events in 2,000 orgs: the density the issue set. */
const EVENTS_PER_ORG = 500;
const MAX_ORGS = 2_000;
/** One committee (党委) over every hundred branches. */
const BRANCHES_PER_COMMITTEE = 99;
const MEMBERS_PER_BRANCH = 25;
export const ACTIVITY_BATCH_SIZE = 100;
/** Share of activity events that correct or void an earlier record of the same org. */
const CORRECTED_SHARE = 0.03;
const VOIDED_SHARE = 0.01;
/** Recent activities per org that a correction or void may pick. */
const RECENT_PER_ORG = 16;

export interface SyntheticOrg {
  id: string;
  name: string;
  kind: 'committee' | 'branch';
  parentId: string | null;
  roster: string[];
}

export interface SyntheticLedgerPlan {
  orgs: SyntheticOrg[];
  members: number;
  totalEvents: number;
  /** Registrations and enrolments, appended first so every activity refers to known orgs and members. */
  setupEvents: number;
  activityEvents: number;
  /** Years activities fall in (all in the past, so the data would pass the log command's checks). */
  years: number[];
}

/**
 * Sizes the ledger: `totalEvents` in about one org per 500 events (at most 2,000), a committee
 * per 99 branches, 25 members per branch. Ids carry `tag` so a run can share a store with others.
 */
export function planSyntheticLedger(totalEvents: number, tag: string, thisYear: number): SyntheticLedgerPlan {
  const orgCount = Math.max(2, Math.min(MAX_ORGS, Math.round(totalEvents / EVENTS_PER_ORG)));
  const committees = Math.max(1, Math.round(orgCount / (BRANCHES_PER_COMMITTEE + 1)));
  const orgs: SyntheticOrg[] = [];
  for (let c = 0; c < committees; c++) {
    orgs.push({ id: `bench-${tag}-c${c + 1}`, name: `第${c + 1}机关党委`, kind: 'committee', parentId: null, roster: [] });
  }
  for (let b = 0; b < orgCount - committees; b++) {
    const id = `bench-${tag}-b${b + 1}`;
    const roster = Array.from({ length: MEMBERS_PER_BRANCH }, (_, m) => `${id}-m${m + 1}`);
    orgs.push({ id, name: `第${b + 1}党支部`, kind: 'branch', parentId: orgs[b % committees].id, roster });
  }
  const members = (orgCount - committees) * MEMBERS_PER_BRANCH;
  const setupEvents = orgCount + members;
  if (setupEvents >= totalEvents) throw new Error(`${totalEvents} events are too few for ${orgCount} orgs and ${members} members`);
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 7 + i);
  return { orgs, members, totalEvents, setupEvents, activityEvents: totalEvents - setupEvents, years };
}

/** One `appendToStream` call: a stream, its events, and the version it must be at. */
export interface StreamBatch {
  phase: 'setup' | 'activity';
  streamId: string;
  events: NewEvent[];
  expectedVersion: number;
}

interface RecentActivity {
  id: string;
  details: ActivityDetails;
}

/**
 * The plan's events, one append batch at a time (nothing is held beyond the batch being built):
 * first each org's registration with its members' enrolments, then activity batches of 100 that go
 * round the orgs, mostly ActivityLogged with some corrections and voids of earlier records.
 */
export function* syntheticBatches(plan: SyntheticLedgerPlan, random: Random): Generator<StreamBatch> {
  const versions = new Map<string, number>();
  const recent = new Map<string, RecentActivity[]>();
  const earliest = `${plan.years[0] - 2}-01-01`;
  for (const org of plan.orgs) {
    const events: NewEvent[] = [
      envelope<OrganizationRegisteredData>(ORGANIZATION_REGISTERED, { orgId: org.id, name: org.name, kind: org.kind, parentId: org.parentId, establishedOn: earliest }, 'admin', `${earliest}T02:00:00.000Z`),
      ...org.roster.map((memberId, i) =>
        envelope<MemberEnrolledData>(
          MEMBER_ENROLLED,
          { memberId, orgId: org.id, name: `党员${memberId.slice(-8)}`, status: i % 10 === 9 ? 'probationary' : 'full', since: earliest },
          'admin',
          `${earliest}T03:00:00.000Z`,
        ),
      ),
    ];
    yield { phase: 'setup', streamId: orgStreamId(org.id), events, expectedVersion: 0 };
    versions.set(org.id, events.length);
    recent.set(org.id, []);
  }

  let sequence = 0;
  let remaining = plan.activityEvents;
  for (let batch = 0; remaining > 0; batch++) {
    const org = plan.orgs[batch % plan.orgs.length];
    const size = Math.min(ACTIVITY_BATCH_SIZE, remaining);
    const orgRecent = recent.get(org.id) as RecentActivity[];
    const actor = `secretary-${org.id.slice(-6)}`;
    const events: NewEvent[] = [];
    for (let i = 0; i < size; i++) {
      const r = random();
      if (orgRecent.length > 0 && r < VOIDED_SHARE) {
        const [voided] = orgRecent.splice(Math.floor(random() * orgRecent.length), 1);
        events.push(envelope<ActivityVoidedData>(ACTIVITY_VOIDED, { activityId: voided.id, orgId: org.id, reason: '重复录入，予以作废' }, actor, recordedAfter(random, voided.details.date)));
      } else if (orgRecent.length > 0 && r < VOIDED_SHARE + CORRECTED_SHARE) {
        const target = pick(random, orgRecent);
        target.details = { ...target.details, title: `${target.details.title}（更正）`, hours: target.details.hours === null ? 2 : target.details.hours + 1 };
        const data: ActivityCorrectedData = { activityId: target.id, orgId: org.id, activity: target.details, changedFields: ['title', 'hours'], reason: '标题和学时录入有误' };
        events.push(envelope(ACTIVITY_CORRECTED, data, actor, recordedAfter(random, target.details.date)));
      } else {
        const date = randomDate(random, plan.years);
        const id = `${date.replace(/-/g, '')}-${(sequence++).toString(36)}`;
        const details = syntheticActivity(random, org, date);
        events.push(envelope<ActivityLoggedData>(ACTIVITY_LOGGED, { activityId: id, orgId: org.id, activity: details }, actor, recordedAfter(random, date)));
        orgRecent.push({ id, details });
        if (orgRecent.length > RECENT_PER_ORG) orgRecent.shift();
      }
    }
    const version = versions.get(org.id) as number;
    yield { phase: 'activity', streamId: orgStreamId(org.id), events, expectedVersion: version };
    versions.set(org.id, version + events.length);
    remaining -= size;
  }
}

/** Recorded a few days after the activity, one in twenty late (补录, over 30 days). */
function recordedAfter(random: Random, date: string): string {
  const days = random() < 0.05 ? 31 + Math.floor(random() * 60) : Math.floor(random() * 5);
  const ms = Date.parse(`${date}T01:00:00.000Z`) + days * 86_400_000 + Math.floor(random() * 10 * 3_600_000);
  return new Date(ms).toISOString();
}

/** A new event as the application writes it, stamped with a time-ordered id. */
export function envelope<D>(type: DomainEventType, data: D, actor: string, recordedAt: string): NewEvent<D> {
  const metadata: EventMetadata = { actor, recordedAt, source: 'web', correlationId: randomUUID(), causationId: null };
  // Stamped when written, as the application's own envelopes are (time-ordered v7 ids).
  return { eventId: timeOrderedUuid(), type, schemaVersion: CURRENT_SCHEMA_VERSIONS[type], data, metadata };
}
