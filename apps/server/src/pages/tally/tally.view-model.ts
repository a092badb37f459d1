import type { TallyMetric } from '../../../../../libs/projections/src/tally/tally-result';
import { ACTIVITY_KINDS } from '../../../../../libs/domain/src';
import { queryString } from '../form-values';
import { kindName, qualifierName } from '../labels';

/** `Q1`, `03` (or a full `2025-Q1` / `2025-03`) as the period id the query takes; the year when blank. */
export function periodIdOf(year: number, text: string): string | undefined {
  if (text === '') return undefined;
  if (/^Q[1-4]$/i.test(text)) return `${year}-${text.toUpperCase()}`;
  if (/^\d{1,2}$/.test(text)) return `${year}-${text.padStart(2, '0')}`;
  return text;
}

export function periodOptions(selected: string) {
  const options = [{ value: '', label: '全年' }];
  for (let q = 1; q <= 4; q++) options.push({ value: `Q${q}`, label: `第${'一二三四'[q - 1]}季度` });
  for (let m = 1; m <= 12; m++) options.push({ value: String(m).padStart(2, '0'), label: `${m}月` });
  const normalized = /^\d$/.test(selected) ? `0${selected}` : selected.toUpperCase();
  return options.map((o) => ({ ...o, selected: o.value === normalized }));
}

export interface TallyRow {
  kind: string;
  label: string;
  sub: boolean;
  count: string;
  attendance: string;
  participants: string;
  hours: string;
  quantity: string;
  link: string;
}

const CATALOG_ORDER = new Map(ACTIVITY_KINDS.map((k, i) => [k.id, i]));

/**
 * One row per kind (and per qualifier under it), one column per measure. A measure with no
 * activity behind it shows a dash: missing is not zero.
 */
export function tallyRows(metrics: readonly TallyMetric[], ledgerLink: (kind: string) => string): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  const sorted = [...metrics].sort(
    (a, b) => (CATALOG_ORDER.get(a.kind) ?? 99) - (CATALOG_ORDER.get(b.kind) ?? 99) || (a.qualifier ?? '').localeCompare(b.qualifier ?? ''),
  );
  for (const m of sorted) {
    const key = `${m.kind}\u0000${m.qualifier ?? ''}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        kind: m.kind,
        label: m.qualifier === null ? kindName(m.kind) : `其中：${qualifierName([m.kind], m.qualifier)}`,
        sub: m.qualifier !== null,
        count: '—',
        attendance: '—',
        participants: '—',
        hours: '—',
        quantity: '—',
        link: ledgerLink(m.kind),
      };
      rows.set(key, row);
    }
    const value = formatNumber(m.value);
    if (m.measure === 'quantity') row.quantity = row.quantity === '—' ? `${value} ${m.unit ?? ''}` : `${row.quantity}；${value} ${m.unit ?? ''}`;
    else row[m.measure] = value;
  }
  return [...rows.values()];
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** The roll-up matrix: rows = the org (with everything beneath) and each child, columns = kinds counted. */
export function rollupMatrix(rows: readonly { id: string; name: string; self: boolean; metrics: readonly TallyMetric[] }[], year: number, period: string) {
  const kinds = [...new Set(rows.flatMap((r) => r.metrics.filter((m) => m.measure === 'count' && m.qualifier === null).map((m) => m.kind)))].sort(
    (a, b) => (CATALOG_ORDER.get(a) ?? 99) - (CATALOG_ORDER.get(b) ?? 99),
  );
  return {
    kinds: kinds.map((k) => kindName(k)),
    rows: rows.map((r) => ({
      name: r.self ? `${r.name}（合计）` : r.name,
      self: r.self,
      link: `/tally${queryString({ org: r.id, year, rollup: true, period })}`,
      cells: kinds.map((k) => {
        const m = r.metrics.find((x) => x.kind === k && x.measure === 'count' && x.qualifier === null);
        return m ? formatNumber(m.value) : '—';
      }),
    })),
  };
}
