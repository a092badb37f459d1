export const ORGANIZATION_MOVED = 'OrganizationMoved';
export const ORGANIZATION_MOVED_VERSION = 1;

export interface OrganizationMovedData {
  orgId: string;
  parentId: string | null;
  previousParentId: string | null;
}
