import type { StoredEvent } from '../../../event-store/src/envelope';
import type { OrgDoc } from '../../../domain/src/state';
import {
  ORGANIZATION_DISSOLVED,
  ORGANIZATION_MOVED,
  ORGANIZATION_REGISTERED,
  ORGANIZATION_RENAMED,
  OrganizationDissolvedData,
  OrganizationMovedData,
  OrganizationRegisteredData,
  OrganizationRenamedData,
} from '../../../domain/src/events';
import { orgIdOfStream } from './stream-org';

/**
 * Folds one (upcast) event into an organisation's document. Besides the organisation events, every
 * event of the org's own stream `org-<id>` moves `streamVersion` on, because the application appends
 * to that stream with it as the expected version.
 */
export function orgReducer(doc: OrgDoc | undefined, event: StoredEvent): OrgDoc | undefined {
  if (event.type === ORGANIZATION_REGISTERED) {
    const data = event.data as OrganizationRegisteredData;
    if (doc) return withStreamVersion(doc, event);
    return {
      id: data.orgId,
      name: data.name,
      kind: data.kind,
      parentId: data.parentId ?? null,
      establishedOn: data.establishedOn ?? null,
      dissolvedOn: null,
      streamVersion: orgIdOfStream(event.streamId) === data.orgId ? event.streamVersion : 0,
      registeredAt: event.metadata.recordedAt,
    };
  }
  if (!doc) return undefined;
  const next = withStreamVersion(doc, event);
  switch (event.type) {
    case ORGANIZATION_RENAMED: {
      const data = event.data as OrganizationRenamedData;
      return data.orgId === doc.id ? { ...next, name: data.name } : next;
    }
    case ORGANIZATION_MOVED: {
      const data = event.data as OrganizationMovedData;
      return data.orgId === doc.id ? { ...next, parentId: data.parentId ?? null } : next;
    }
    case ORGANIZATION_DISSOLVED: {
      const data = event.data as OrganizationDissolvedData;
      return data.orgId === doc.id ? { ...next, dissolvedOn: data.on } : next;
    }
    default:
      return next;
  }
}

function withStreamVersion(doc: OrgDoc, event: StoredEvent): OrgDoc {
  if (orgIdOfStream(event.streamId) !== doc.id || event.streamVersion === doc.streamVersion) return doc;
  return { ...doc, streamVersion: event.streamVersion };
}
