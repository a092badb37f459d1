import type { StoredEvent } from '../../../event-store/src/envelope';
import type { MemberDoc, MembershipPeriod } from '../../../domain/src/state';
import type { CivilDate } from '../../../domain/src/civil-date';
import {
  MEMBER_ENROLLED,
  MEMBER_LEFT,
  MEMBER_STATUS_CHANGED,
  MEMBER_TRANSFERRED,
  MemberEnrolledData,
  MemberLeftData,
  MemberStatusChangedData,
  MemberTransferredData,
} from '../../../domain/src/events';

/**
 * Folds one (upcast) event into a member's document. Periods end exclusively on the day of the
 * change (`to`), so "member on date d" is `from <= d < to`. A status change closes the stint and
 * opens another in the same org. A stint that would cover no day at all (changed on its first day)
 * is replaced rather than kept, so every period covers at least one day.
 */
export function memberReducer(doc: MemberDoc | undefined, event: StoredEvent): MemberDoc | undefined {
  switch (event.type) {
    case MEMBER_ENROLLED: {
      const data = event.data as MemberEnrolledData;
      if (doc && doc.id !== data.memberId) return doc;
      const opened: MembershipPeriod = { orgId: data.orgId, from: data.since, to: null, status: data.status };
      return {
        id: data.memberId,
        name: data.name,
        orgId: data.orgId,
        status: data.status,
        periods: [...closeOpenPeriod(doc?.periods ?? [], data.since), opened],
      };
    }
    case MEMBER_TRANSFERRED: {
      const data = event.data as MemberTransferredData;
      if (!doc || doc.id !== data.memberId) return doc;
      const opened: MembershipPeriod = { orgId: data.toOrgId, from: data.on, to: null, status: doc.status };
      return { ...doc, orgId: data.toOrgId, periods: [...closeOpenPeriod(doc.periods, data.on), opened] };
    }
    case MEMBER_STATUS_CHANGED: {
      const data = event.data as MemberStatusChangedData;
      if (!doc || doc.id !== data.memberId) return doc;
      if (doc.orgId === null) return { ...doc, status: data.status };
      const opened: MembershipPeriod = { orgId: doc.orgId, from: data.on, to: null, status: data.status };
      return { ...doc, status: data.status, periods: [...closeOpenPeriod(doc.periods, data.on), opened] };
    }
    case MEMBER_LEFT: {
      const data = event.data as MemberLeftData;
      if (!doc || doc.id !== data.memberId) return doc;
      return { ...doc, orgId: null, periods: closeOpenPeriod(doc.periods, data.on) };
    }
    default:
      return doc;
  }
}

/** A copy of `periods` with the open one (if any) ending on `on`; dropped if it would cover no day. */
function closeOpenPeriod(periods: readonly MembershipPeriod[], on: CivilDate): MembershipPeriod[] {
  const last = periods[periods.length - 1];
  if (!last || last.to !== null) return periods.slice();
  const earlier = periods.slice(0, -1);
  return last.from < on ? [...earlier, { ...last, to: on }] : earlier;
}
