import type { CivilDate } from '../../domain/src';
import type { ActivityFacts, LedgerView } from './ledger-view';

/**
 * The live activities of these orgs in [from, to], date order, as facts: read through the view's
 * cheaper `listActivityFacts` when it has one, else as whole documents.
 */
export function listActivityFacts(view: LedgerView, orgIds: readonly string[], from: CivilDate, to: CivilDate): Promise<ActivityFacts[]> {
  return view.listActivityFacts ? view.listActivityFacts(orgIds, from, to) : view.listActivities(orgIds, from, to);
}
