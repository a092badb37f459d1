import { CivilDate } from '../civil-date';
import { OrgKind } from '../catalog/org-kinds';

export const ORGANIZATION_REGISTERED = 'OrganizationRegistered';
export const ORGANIZATION_REGISTERED_VERSION = 1;

export interface OrganizationRegisteredData {
  orgId: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  /** The day the organisation was set up, when known; compliance starts then. */
  establishedOn: CivilDate | null;
}
