import type { CivilDate } from '../../../domain/src';
import type { ActivityDoc, OrgDoc } from '../../../domain/src';
import { InMemoryLedgerView } from '../../../projections/src/in-memory-ledger';

function byDateThenId(a: ActivityDoc, b: ActivityDoc): number {
  if (a.details.date !== b.details.date) return a.details.date < b.details.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A finished replay, indexed for many tally queries: the plain in-memory view scans every activity
 * per query, which is fine for one query but not for every org × year of a province. Same answers
 * and orderings as `InMemoryLedgerView`; the state must not change once this is built.
 */
export class ReplayedLedger extends InMemoryLedgerView {
  private readonly activitiesByOrg = new Map<string, ActivityDoc[]>();
  private readonly sortedOrgs: Promise<OrgDoc[]>;

  constructor(view: InMemoryLedgerView) {
    super(view.state);
    for (const a of view.state.activities.values()) {
      const list = this.activitiesByOrg.get(a.orgId);
      if (list) list.push(a);
      else this.activitiesByOrg.set(a.orgId, [a]);
    }
    for (const list of this.activitiesByOrg.values()) list.sort(byDateThenId);
    this.sortedOrgs = super.listOrgs();
  }

  override async listOrgs(): Promise<OrgDoc[]> {
    return [...(await this.sortedOrgs)];
  }

  override async listActivities(
    orgIds: readonly string[],
    from: CivilDate,
    to: CivilDate,
    options: { includeVoided?: boolean } = {},
  ): Promise<ActivityDoc[]> {
    const out: ActivityDoc[] = [];
    for (const orgId of new Set(orgIds)) {
      for (const a of this.activitiesByOrg.get(orgId) ?? []) {
        if (a.details.date < from) continue;
        if (a.details.date > to) break;
        if (!a.voided || options.includeVoided) out.push(a);
      }
    }
    return orgIds.length > 1 ? out.sort(byDateThenId) : out;
  }

  /** Every org id, sorted. */
  async orgIds(): Promise<string[]> {
    return (await this.sortedOrgs).map((o) => o.id);
  }

  /** The years in which any activity (voided ones too) took place. */
  activityYears(): number[] {
    const years = new Set<number>();
    for (const a of this.state.activities.values()) years.add(Number(a.details.date.slice(0, 4)));
    return [...years];
  }
}
