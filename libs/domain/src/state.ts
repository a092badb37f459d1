import type { ActivityDetails, MemberStatus } from './activity';
import type { CivilDate } from './civil-date';
import type { OrgKind } from './catalog/org-kinds';

/**
 * The state of organisations, members and activities as the ledger knows it. Projections keep
 * these as read-model documents (each produced by a pure reducer `(doc | undefined, event) => doc`);
 * command deciders validate against them.
 */

export interface OrgDoc {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  establishedOn: CivilDate | null;
  dissolvedOn: CivilDate | null;
  /** Version of the org's stream after the last event the projection saw (for expected-version appends). */
  streamVersion: number;
  registeredAt: string;
}

export interface MembershipPeriod {
  orgId: string;
  from: CivilDate;
  /** Exclusive end (the day of transfer or leaving); null while current. */
  to: CivilDate | null;
  status: MemberStatus;
}

export interface MemberDoc {
  id: string;
  name: string;
  /** Current org, or null after leaving. */
  orgId: string | null;
  status: MemberStatus;
  /** Every stint, oldest first; status changes split a stint. */
  periods: MembershipPeriod[];
}

export interface ActivityRevision {
  type: 'ActivityLogged' | 'ActivityCorrected' | 'ActivityVoided';
  eventId: string;
  streamVersion: number;
  globalPosition: string;
  recordedAt: string;
  actor: string;
  source: string;
  reason: string | null;
  changedFields: string[];
}

export interface ActivityDoc {
  id: string;
  orgId: string;
  /** Current content (corrections applied). */
  details: ActivityDetails;
  voided: boolean;
  /** When and by whom the activity was first recorded (for 补录 detection). */
  loggedAt: string;
  loggedBy: string;
  /** Logged, each correction, the void: the provenance of every figure derived from this activity. */
  revisions: ActivityRevision[];
}
