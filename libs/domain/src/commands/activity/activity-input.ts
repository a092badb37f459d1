import type { ListInput, TextInput } from '../validation/text';
import type { NumberInput } from '../validation/numbers';

/**
 * The fields of an activity as a user types them (CLI flags map 1:1, web forms and imports too):
 * every value is raw text until validated. Lists accept an array, or one string separated by
 * commas, 、 or spaces.
 */
export interface ActivityFieldsInput {
  orgId?: TextInput;
  /** YYYY-MM-DD (also 2021-3-5, 2021/3/5, 2021年3月5日). */
  date?: TextInput;
  /** Kind ids or Chinese names/synonyms (党课, 支委会…); several = a combined sitting (套会). */
  kinds?: ListInput;
  /** Qualifier id or Chinese name (支部书记, 诫勉谈话…) valid for one of the kinds. */
  qualifier?: TextInput;
  title?: TextInput;
  place?: TextInput;
  host?: TextInput;
  speaker?: TextInput;
  /** Member ids present (出席). */
  attendees?: ListInput;
  /** Member ids absent (缺席). */
  absent?: ListInput;
  /** Member ids on leave (请假). */
  leave?: ListInput;
  /** Member ids attending without being counted (列席). */
  observers?: ListInput;
  /** People present when names are not kept. */
  headcount?: NumberInput;
  /** Study hours (学时) of this activity. */
  hours?: NumberInput;
  /** A produced quantity (调研报告 3 篇): amount, unit and what was produced. */
  quantity?: NumberInput;
  unit?: TextInput;
  item?: TextInput;
  /** 党小组 ids or names taking part in a 党小组会. */
  groups?: ListInput;
  note?: TextInput;
}
