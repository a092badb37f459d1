import type { StoredEvent } from '../../../event-store/src/envelope';
import type { ActivityDoc, ActivityRevision } from '../../../domain/src/state';
import {
  ACTIVITY_CORRECTED,
  ACTIVITY_LOGGED,
  ACTIVITY_VOIDED,
  ActivityCorrectedData,
  ActivityLoggedData,
  ActivityVoidedData,
} from '../../../domain/src/events';

/**
 * Folds one (upcast) event into an activity's document. `ActivityLogged` always starts a fresh
 * document whatever came before (ids are unique by the command's check), which lets the runner
 * skip loading a document that cannot exist. Corrections carry the whole record; a void only flags.
 */
export function activityReducer(doc: ActivityDoc | undefined, event: StoredEvent): ActivityDoc | undefined {
  switch (event.type) {
    case ACTIVITY_LOGGED: {
      const data = event.data as ActivityLoggedData;
      return {
        id: data.activityId,
        orgId: data.orgId,
        details: data.activity,
        voided: false,
        loggedAt: event.metadata.recordedAt,
        loggedBy: event.metadata.actor,
        revisions: [revisionOf(event, 'ActivityLogged', null, [])],
      };
    }
    case ACTIVITY_CORRECTED: {
      const data = event.data as ActivityCorrectedData;
      if (!doc || doc.id !== data.activityId) return doc;
      return {
        ...doc,
        orgId: data.orgId,
        details: data.activity,
        revisions: [...doc.revisions, revisionOf(event, 'ActivityCorrected', data.reason, data.changedFields)],
      };
    }
    case ACTIVITY_VOIDED: {
      const data = event.data as ActivityVoidedData;
      if (!doc || doc.id !== data.activityId) return doc;
      return { ...doc, voided: true, revisions: [...doc.revisions, revisionOf(event, 'ActivityVoided', data.reason, [])] };
    }
    default:
      return doc;
  }
}

function revisionOf(event: StoredEvent, type: ActivityRevision['type'], reason: string | null, changedFields: readonly string[]): ActivityRevision {
  return {
    type,
    eventId: event.eventId,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition.toString(),
    recordedAt: event.metadata.recordedAt,
    actor: event.metadata.actor,
    source: event.metadata.source,
    reason,
    changedFields: changedFields.slice(),
  };
}
