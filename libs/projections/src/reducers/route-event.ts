import type { StoredEvent } from '../../../event-store/src/envelope';
import {
  ACCOUNT_CREATED,
  ACCOUNT_DISABLED,
  ACCOUNT_ENABLED,
  ACCOUNT_PASSWORD_CHANGED,
  ACTIVITY_CORRECTED,
  ACTIVITY_LOGGED,
  ACTIVITY_VOIDED,
  MEMBER_ENROLLED,
  MEMBER_LEFT,
  MEMBER_STATUS_CHANGED,
  MEMBER_TRANSFERRED,
  ORGANIZATION_DISSOLVED,
  ORGANIZATION_MOVED,
  ORGANIZATION_REGISTERED,
  ORGANIZATION_RENAMED,
  REPORT_COMPILED,
} from '../../../domain/src/events';
import { orgIdOfStream } from './stream-org';

/** The documents one event may change, by kind. */
export interface EventRoute {
  orgIds: string[];
  memberIds: string[];
  activityIds: string[];
  reportIds: string[];
  /** Accounts, by username. */
  accountIds: string[];
}

const ORG_EVENTS = new Set<string>([ORGANIZATION_REGISTERED, ORGANIZATION_RENAMED, ORGANIZATION_MOVED, ORGANIZATION_DISSOLVED]);
const MEMBER_EVENTS = new Set<string>([MEMBER_ENROLLED, MEMBER_TRANSFERRED, MEMBER_STATUS_CHANGED, MEMBER_LEFT]);
const ACTIVITY_EVENTS = new Set<string>([ACTIVITY_LOGGED, ACTIVITY_CORRECTED, ACTIVITY_VOIDED]);
const ACCOUNT_EVENTS = new Set<string>([ACCOUNT_CREATED, ACCOUNT_PASSWORD_CHANGED, ACCOUNT_DISABLED, ACCOUNT_ENABLED]);

/**
 * Which documents an event touches: the org whose stream it is in (its stream version moves on
 * every event), the org an organisation event names, and the member, activity, report or account
 * it names. A report's own stream (`report-<orgId>`) is no org stream, so recording a report never
 * moves the org's stream version; an account's stream (`account-<username>`) touches its account only.
 */
export function routeEvent(event: StoredEvent): EventRoute {
  const route: EventRoute = { orgIds: [], memberIds: [], activityIds: [], reportIds: [], accountIds: [] };
  const streamOrg = orgIdOfStream(event.streamId);
  if (streamOrg !== undefined) route.orgIds.push(streamOrg);
  const data = event.data as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null) return route;
  if (ORG_EVENTS.has(event.type) && typeof data.orgId === 'string' && data.orgId !== streamOrg) route.orgIds.push(data.orgId);
  else if (MEMBER_EVENTS.has(event.type) && typeof data.memberId === 'string') route.memberIds.push(data.memberId);
  else if (ACTIVITY_EVENTS.has(event.type) && typeof data.activityId === 'string') route.activityIds.push(data.activityId);
  else if (event.type === REPORT_COMPILED && typeof data.reportId === 'string') route.reportIds.push(data.reportId);
  else if (ACCOUNT_EVENTS.has(event.type) && typeof data.username === 'string') route.accountIds.push(data.username);
  return route;
}
