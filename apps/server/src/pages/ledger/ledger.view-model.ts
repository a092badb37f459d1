import type { ActivityDoc, OrgDoc } from '../../../../../libs/domain/src';
import { ACTIVITY_KINDS } from '../../../../../libs/domain/src';
import { queryString } from '../form-values';
import { kindNames, qualifierName } from '../labels';
import type { OrgOption } from '../page-orgs';
import type { YearOption } from '../page-clock';
import { attendanceSummary } from '../activities/activity-text';

export interface LedgerRow {
  id: string;
  link: string;
  date: string;
  kinds: string;
  combined: boolean;
  qualifier: string | null;
  title: string;
  attendance: string;
  hours: string;
  voided: boolean;
  corrections: number;
}

export interface LedgerFilters {
  kind: string;
  month: string;
}

/** 台账: one row per activity, filters kept in every link. */
export function ledgerModel(input: {
  org: OrgDoc;
  orgOptions: OrgOption[];
  year: number;
  yearOptions: YearOption[];
  filters: LedgerFilters;
  activities: readonly ActivityDoc[];
  canWrite: boolean;
}) {
  const rows: LedgerRow[] = input.activities.map((a) => ({
    id: a.id,
    link: `/activities/${encodeURIComponent(a.id)}`,
    date: a.details.date,
    kinds: kindNames(a.details.kinds),
    combined: a.details.kinds.length > 1,
    qualifier: qualifierName(a.details.kinds, a.details.qualifier),
    title: a.details.title ?? '',
    attendance: attendanceSummary(a.details),
    hours: a.details.hours === null ? '' : String(a.details.hours),
    voided: a.voided,
    corrections: a.revisions.filter((r) => r.type === 'ActivityCorrected').length,
  }));
  const live = rows.filter((r) => !r.voided).length;
  return {
    org: { id: input.org.id, name: input.org.name },
    orgOptions: input.orgOptions,
    yearOptions: input.yearOptions,
    year: input.year,
    kindOptions: ACTIVITY_KINDS.filter((k) => k.orgKinds.includes(input.org.kind)).map((k) => ({ id: k.id, name: k.name, selected: k.id === input.filters.kind })),
    monthOptions: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, selected: String(i + 1) === input.filters.month })),
    rows,
    summary: { live, voided: rows.length - live },
    empty: rows.length === 0,
    newActivityLink: input.canWrite ? `/activities/new${queryString({ org: input.org.id })}` : null,
    importLink: input.canWrite ? `/imports/new${queryString({ org: input.org.id })}` : null,
    // The whole year of the org shown (the month and kind filters narrow the page, not the 台账 file).
    exportLinks: {
      xlsx: `/ledger/export${queryString({ org: input.org.id, year: input.year, format: 'xlsx' })}`,
      csv: `/ledger/export${queryString({ org: input.org.id, year: input.year, format: 'csv' })}`,
      csvGbk: `/ledger/export${queryString({ org: input.org.id, year: input.year, format: 'csv', encoding: 'gb18030' })}`,
    },
    tallyLink: `/tally${queryString({ org: input.org.id, year: input.year })}`,
    complianceLink: `/compliance${queryString({ org: input.org.id, year: input.year })}`,
  };
}
