/** What filling a draft reports per blank: the JSON contract of `taizhang fill --json`. */

export type BlankStatus = 'filled' | 'no-data' | 'unmapped' | 'ambiguous' | 'not-quantitative';

export interface FillBlank {
  /** Position among all placeholders of the draft (quantitative or not), from 0. */
  index: number;
  /** UTF-16 offset of the placeholder in the original text. */
  offset: number;
  /** The placeholder as written (X, XX, ＊…). */
  placeholder: string;
  /** A short snippet around the placeholder, line breaks removed. */
  context: string;
  quantitative: boolean;
  /** The metric the blank was mapped to (filled or no-data); null otherwise. */
  metric: { kind: string; qualifier: string | null; measure: string; unit: string | null } | null;
  /** The figure written into the text; null unless filled. */
  value: number | null;
  status: BlankStatus;
  /** Why the blank was left as written (Chinese); null when filled. */
  reason: string | null;
}

export interface FilledText {
  text: string;
  blanks: FillBlank[];
}

export const NO_DATA_REASON = '台账中无记录';
