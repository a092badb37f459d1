import type { Quantity } from '../../../domain/src/activity';
import type { ImportProblem } from './import-problem';

/** Where a row came from. */
export interface RowRef {
  sheet: string;
  /** As Excel shows it. */
  row: number;
}

/**
 * A data row read from its cells, before anything is looked up in the ledger: dates are civil
 * dates, kinds catalog words, people still names (the roster decides who they are on the day).
 */
export interface ImportRowValues {
  /** 活动编号 written by an export (a bare sequence number is not taken for one). */
  id: string | null;
  /** 组织: an org name or id under the importing org; null = the importing org. */
  org: string | null;
  date: string | null;
  /** Catalog words, one per kind (several = a combined sitting). */
  kindWords: string[];
  /** Qualifier id from `党课（支部书记）`, or the 细分类型 column's text. */
  qualifier: string | null;
  title: string | null;
  place: string | null;
  host: string | null;
  speaker: string | null;
  attendees: string[];
  leave: string[];
  absent: string[];
  observers: string[];
  /** 实到, or a 参会人员 cell holding a number. */
  headcount: number | null;
  /** Where the headcount came from (for pointing at the right column). */
  headcountColumn: 'present' | 'attendees' | null;
  hours: number | null;
  /** 党小组 names or ids, as written. */
  groups: string[];
  quantity: Quantity | null;
  note: string | null;
}

export interface ImportRow {
  ref: RowRef;
  values: ImportRowValues;
  /** What is wrong with the cells themselves (a date that is no date…); the ledger adds more. */
  problems: ImportProblem[];
}
