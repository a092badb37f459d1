import { ActivityDetails } from '../activity';

export const ACTIVITY_CORRECTED = 'ActivityCorrected';
export const ACTIVITY_CORRECTED_VERSION = 1;

/** Carries the whole corrected record, so a reducer never has to merge partial patches. */
export interface ActivityCorrectedData {
  activityId: string;
  orgId: string;
  activity: ActivityDetails;
  changedFields: string[];
  reason: string;
}
