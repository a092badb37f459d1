import { ActivityCorrectedData, ACTIVITY_CORRECTED } from './activity-corrected';
import { ActivityLoggedData, ACTIVITY_LOGGED } from './activity-logged';
import { ActivityVoidedData, ACTIVITY_VOIDED } from './activity-voided';
import { AccountCreatedData, ACCOUNT_CREATED } from './account-created';
import { AccountDisabledData, ACCOUNT_DISABLED } from './account-disabled';
import { AccountEnabledData, ACCOUNT_ENABLED } from './account-enabled';
import { AccountPasswordChangedData, ACCOUNT_PASSWORD_CHANGED } from './account-password-changed';
import { MemberEnrolledData, MEMBER_ENROLLED } from './member-enrolled';
import { MemberLeftData, MEMBER_LEFT } from './member-left';
import { MemberStatusChangedData, MEMBER_STATUS_CHANGED } from './member-status-changed';
import { MemberTransferredData, MEMBER_TRANSFERRED } from './member-transferred';
import { OrganizationDissolvedData, ORGANIZATION_DISSOLVED } from './organization-dissolved';
import { OrganizationMovedData, ORGANIZATION_MOVED } from './organization-moved';
import { OrganizationRegisteredData, ORGANIZATION_REGISTERED } from './organization-registered';
import { OrganizationRenamedData, ORGANIZATION_RENAMED } from './organization-renamed';
import { ReportCompiledData, REPORT_COMPILED } from './report-compiled';

/** Every domain event as a discriminated union of `type` and `data` (current schema versions). */
export type DomainEvent =
  | { type: typeof ORGANIZATION_REGISTERED; data: OrganizationRegisteredData }
  | { type: typeof ORGANIZATION_RENAMED; data: OrganizationRenamedData }
  | { type: typeof ORGANIZATION_MOVED; data: OrganizationMovedData }
  | { type: typeof ORGANIZATION_DISSOLVED; data: OrganizationDissolvedData }
  | { type: typeof MEMBER_ENROLLED; data: MemberEnrolledData }
  | { type: typeof MEMBER_TRANSFERRED; data: MemberTransferredData }
  | { type: typeof MEMBER_STATUS_CHANGED; data: MemberStatusChangedData }
  | { type: typeof MEMBER_LEFT; data: MemberLeftData }
  | { type: typeof ACTIVITY_LOGGED; data: ActivityLoggedData }
  | { type: typeof ACTIVITY_CORRECTED; data: ActivityCorrectedData }
  | { type: typeof ACTIVITY_VOIDED; data: ActivityVoidedData }
  | { type: typeof REPORT_COMPILED; data: ReportCompiledData }
  | { type: typeof ACCOUNT_CREATED; data: AccountCreatedData }
  | { type: typeof ACCOUNT_PASSWORD_CHANGED; data: AccountPasswordChangedData }
  | { type: typeof ACCOUNT_DISABLED; data: AccountDisabledData }
  | { type: typeof ACCOUNT_ENABLED; data: AccountEnabledData };

export type DomainEventType = DomainEvent['type'];

/** The schema version each event type is written with today. */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<DomainEventType, number>> = {
  OrganizationRegistered: 1,
  OrganizationRenamed: 1,
  OrganizationMoved: 1,
  OrganizationDissolved: 1,
  MemberEnrolled: 1,
  MemberTransferred: 1,
  MemberStatusChanged: 1,
  MemberLeft: 1,
  ActivityLogged: 1,
  ActivityCorrected: 1,
  ActivityVoided: 1,
  ReportCompiled: 1,
  AccountCreated: 1,
  AccountPasswordChanged: 1,
  AccountDisabled: 1,
  AccountEnabled: 1,
};

export function orgStreamId(orgId: string): string {
  return `org-${orgId}`;
}

export const ORG_STREAM_PREFIX = 'org-';
