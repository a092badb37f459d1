import { LEDGER_COLUMNS, LedgerColumnKey, normalizeHeader } from '../ledger-columns';

/**
 * The columns import reads: the shared 台账 columns (ledger-columns.ts, what export writes) plus
 * those only other people's sheets have. `ignore` marks columns known to carry nothing to import
 * (row numbers), so they are not reported as unread.
 */
export type ImportColumnKey = LedgerColumnKey | 'observers';
export type ColumnTarget = ImportColumnKey | 'ignore';

interface ImportColumn {
  key: ImportColumnKey;
  header: string;
  synonyms: readonly string[];
}

const IMPORT_ONLY: readonly ImportColumn[] = [{ key: 'observers', header: '列席', synonyms: ['列席', '列席人员', '列席人'] }];
const IGNORED_HEADERS: readonly string[] = ['序号', '序', '行号', 'no', 'no.'];

export const IMPORT_COLUMNS: readonly ImportColumn[] = [...LEDGER_COLUMNS, ...IMPORT_ONLY];

const HEADER_OF = new Map<ImportColumnKey, string>(IMPORT_COLUMNS.map((c) => [c.key, c.header]));

/** The Chinese header a column goes by (for messages about a column the sheet does not have). */
export function importColumnHeader(key: ImportColumnKey): string {
  return HEADER_OF.get(key) ?? key;
}

export function isImportColumnKey(value: string): value is ImportColumnKey {
  return HEADER_OF.has(value as ImportColumnKey);
}

/** Header text reduced for matching: spaces, a trailing unit in brackets, a colon and required-field stars go. */
export function headerKey(text: string): string {
  return normalizeHeader(text.replace(/[*＊]/gu, '')).toLowerCase();
}

const EXACT = new Map<string, ColumnTarget>();
for (const column of IMPORT_COLUMNS) for (const word of column.synonyms) EXACT.set(headerKey(word), column.key);
for (const word of IGNORED_HEADERS) EXACT.set(headerKey(word), 'ignore');
/** Longest first, for `参会人员名单` → 参会人员. */
const PREFIXES = [...EXACT.entries()].filter(([word]) => word.length >= 2).sort((a, b) => b[0].length - a[0].length);

/**
 * The column a header names: an exact synonym, else the longest synonym it starts with
 * (`参会人员名单`, `活动日期（年月日）`); undefined for a header that is none of ours.
 */
export function matchImportHeader(header: string): ColumnTarget | undefined {
  const key = headerKey(header);
  if (key === '') return undefined;
  const exact = EXACT.get(key);
  if (exact !== undefined) return exact;
  for (const [word, target] of PREFIXES) if (key.startsWith(word)) return target;
  return undefined;
}
