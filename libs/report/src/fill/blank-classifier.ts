/**
 * Decides whether a placeholder stands for a number (a quantitative blank) or hides a name.
 * Only a measure word right after the blank makes it a number; anything else is left untouched,
 * because a wrong figure in an official report is worse than a blank.
 */
import type { Placeholder } from './placeholder-scanner';

export interface BlankClass {
  quantitative: boolean;
  /** The measure word after the blank (full-width ％ reported as `%`); null when not quantitative. */
  unit: string | null;
  /** True when 余 or 多 sits between blank and unit (“XX余次”: more than XX). */
  approximate: boolean;
}

/** Measure words, longest first so 人次 wins over 人 and 万元 over 元. */
export const MEASURE_WORDS: readonly string[] = [
  '人次', '万元', '学时', '小时',
  '次', '场', '人', '名', '篇', '项', '个', '期', '册', '本', '份', '部', '块', '版', '批', '%', '％', '元',
];

// Words that begin with a measure character but are not a measure: “*个别党员” is “some”, not “* of them”.
const FALSE_MEASURES: readonly string[] = ['个别'];
// 次 inside a meeting name (省委X届XX次全会) numbers the session; it is part of a name, not a count.
const MEETING_AFTER_CI = /^(?:全会|会议|党代会|全体会议|代表大会)/;
const SKIPPABLE_SPACE = /^[\s\u3000]+/;

const NOT_QUANTITATIVE: BlankClass = { quantitative: false, unit: null, approximate: false };

export function classifyBlank(p: Placeholder): BlankClass {
  // An ordinal (第X次, 第XX期) names one occurrence; it is not a tally to fill from the ledger.
  if (p.before.endsWith('第')) return NOT_QUANTITATIVE;

  // Drafts are often hard-wrapped, so a unit may sit on the next line.
  let rest = p.after.replace(SKIPPABLE_SPACE, '');
  let approximate = false;
  if (rest.startsWith('余') || rest.startsWith('多')) {
    approximate = true;
    rest = rest.slice(1).replace(SKIPPABLE_SPACE, '');
  }

  const unit = MEASURE_WORDS.find((word) => rest.startsWith(word));
  if (unit === undefined) return NOT_QUANTITATIVE;
  if (FALSE_MEASURES.some((word) => rest.startsWith(word))) return NOT_QUANTITATIVE;
  const afterUnit = rest.slice(unit.length).replace(SKIPPABLE_SPACE, '');
  if (unit === '次' && MEETING_AFTER_CI.test(afterUnit)) return NOT_QUANTITATIVE;

  return { quantitative: true, unit: unit === '％' ? '%' : unit, approximate };
}
