import { ActivityDetails } from '../activity';

export const ACTIVITY_LOGGED = 'ActivityLogged';
export const ACTIVITY_LOGGED_VERSION = 1;

export interface ActivityLoggedData {
  activityId: string;
  orgId: string;
  activity: ActivityDetails;
}
