export const ORGANIZATION_RENAMED = 'OrganizationRenamed';
export const ORGANIZATION_RENAMED_VERSION = 1;

export interface OrganizationRenamedData {
  orgId: string;
  name: string;
  previousName: string;
}
