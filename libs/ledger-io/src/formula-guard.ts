/**
 * A CSV cell beginning with =, +, -, @, a tab or a carriage return is run as a formula by Excel and
 * WPS when they open the file (“CSV injection”): a title typed as `=HYPERLINK(…)` would become a
 * live link. Export writes such text cells behind an apostrophe, which spreadsheets show as text;
 * import takes the apostrophe off again, so an exported ledger re-imports unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as written to a CSV cell: behind an apostrophe when a spreadsheet would run it. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV cell as read: the apostrophe `guardFormula` put before a formula-like text taken off. */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
