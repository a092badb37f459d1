import { CivilDate } from '../civil-date';

export const ORGANIZATION_DISSOLVED = 'OrganizationDissolved';
export const ORGANIZATION_DISSOLVED_VERSION = 1;

export interface OrganizationDissolvedData {
  orgId: string;
  on: CivilDate;
  reason: string;
}
