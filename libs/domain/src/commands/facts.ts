import type { CivilDate } from '../civil-date';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../state';

/**
 * What each decider needs to know about the ledger, gathered by the command handler from the read
 * models. "today" is the China civil date of the command (deciders never read a clock).
 */
export interface Today {
  today: CivilDate;
}

export interface RegisterOrganizationFacts extends Today {
  /** The org already registered under the requested id, if any. */
  existing?: OrgDoc;
  /** The requested parent, when a parentId was given and it exists. */
  parent?: OrgDoc;
}

export interface RenameOrganizationFacts {
  org?: OrgDoc;
}

export interface MoveOrganizationFacts {
  org?: OrgDoc;
  /** The new parent, when a parentId was given and it exists. */
  parent?: OrgDoc;
  /** Ids of the new parent's ancestors (its parent, grandparent… up to the root), to refuse cycles. */
  parentAncestorIds: readonly string[];
}

export interface DissolveOrganizationFacts extends Today {
  org?: OrgDoc;
  /** Direct children of the org (LedgerView.listChildOrgs; dissolved ones are ignored). */
  children: readonly OrgDoc[];
  /** Members with a stint in the org (LedgerView.listMembers([orgId]); only current ones count). */
  members: readonly MemberDoc[];
}

export interface EnrollMemberFacts extends Today {
  org?: OrgDoc;
  /** The member already known under the requested id (current or left), if any. */
  existing?: MemberDoc;
}

export interface TransferMemberFacts extends Today {
  member?: MemberDoc;
  /** The receiving org, if it exists. */
  target?: OrgDoc;
}

export interface MemberFacts extends Today {
  member?: MemberDoc;
}

export interface ActivityFacts extends Today {
  /** The org holding the activity (for a correction: the activity's org). */
  org?: OrgDoc;
  /**
   * The org's 党小组: its kind='group' children. Other children and groups dissolved on or before
   * the activity date are ignored, so LedgerView.listChildOrgs(orgId) can be passed as it is.
   */
  childGroups: readonly OrgDoc[];
  /** Every member id the input mentions (see memberIdsMentioned), undefined when unknown. */
  members: Readonly<Record<string, MemberDoc | undefined>>;
}

export interface LogActivityFacts extends ActivityFacts {
  /** The activity already stored under the given id, if any (a retried request, or a clash). */
  existing?: ActivityDoc;
}

export interface CorrectActivityFacts extends ActivityFacts {
  existing?: ActivityDoc;
}

export interface VoidActivityFacts {
  existing?: ActivityDoc;
}
