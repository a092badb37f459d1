export const ACTIVITY_VOIDED = 'ActivityVoided';
export const ACTIVITY_VOIDED_VERSION = 1;

export interface ActivityVoidedData {
  activityId: string;
  orgId: string;
  reason: string;
}
