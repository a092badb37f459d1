import { ACTIVITY_KINDS } from '../../../domain/src';
import { TALLY_MEASURES, type TallyMetric } from './tally-result';

/**
 * Metrics are listed in catalog order of kind, then qualifier (the total first, then the
 * catalog's qualifier order), then measure, then unit. Kinds outside the catalog go last.
 */
const KIND_RANK = new Map(ACTIVITY_KINDS.map((k, i) => [k.id, i]));
const QUALIFIER_RANK = new Map(
  ACTIVITY_KINDS.flatMap((k) => (k.qualifiers ?? []).map((q, i) => [`${k.id}\u0000${q.id}`, i] as const)),
);
const MEASURE_RANK = new Map(TALLY_MEASURES.map((m, i) => [m, i]));

/** Kind id → the qualifier ids its catalog entry defines (only those get their own metrics). */
const QUALIFIERS_BY_KIND = new Map(ACTIVITY_KINDS.map((k) => [k.id, new Set((k.qualifiers ?? []).map((q) => q.id))]));

export function kindDefinesQualifier(kind: string, qualifier: string): boolean {
  return QUALIFIERS_BY_KIND.get(kind)?.has(qualifier) ?? false;
}

export function compareMetrics(a: TallyMetric, b: TallyMetric): number {
  return (
    compareKinds(a.kind, b.kind) ||
    compareQualifiers(a.kind, a.qualifier, b.qualifier) ||
    (MEASURE_RANK.get(a.measure) ?? 0) - (MEASURE_RANK.get(b.measure) ?? 0) ||
    compareText(a.unit ?? '', b.unit ?? '')
  );
}

export function compareKinds(a: string, b: string): number {
  const ra = KIND_RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = KIND_RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  return ra - rb || compareText(a, b);
}

function compareQualifiers(kind: string, a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const ra = QUALIFIER_RANK.get(`${kind}\u0000${a}`) ?? Number.MAX_SAFE_INTEGER;
  const rb = QUALIFIER_RANK.get(`${kind}\u0000${b}`) ?? Number.MAX_SAFE_INTEGER;
  return ra - rb || compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
