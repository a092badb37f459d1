/**
 * Chinese function words the matcher reads around a blank. They are about the language of
 * drafts, not about any activity kind (kinds and qualifiers come only from the catalog).
 */

/** Words that name no subject of their own: a clause made only of them refers to what came before. */
export const SAYS_NOTHING: readonly string[] = [
  '全年', '一年来', '年内', '今年以来', '本年度', '年度', '先后',
  '共计', '累计', '合计', '总计', '共', '计', '达到', '达', '约',
  '参加', '参与', '参会', '参学', '出席', '到会',
  '党员干部', '党员', '干部', '人员', '全体', '职工',
  '开展', '召开', '举办', '举行', '组织',
  '活动', '次数', '人数', '时长', '的', '了',
];

/** What may stand between a kind word and its blank without changing what is counted. */
export const KIND_TAIL: readonly string[] = [...SAYS_NOTHING, '工作', '会议', '报告', '班', '片'];

/** Words joining list items: a kind word right after one is one item of several. */
export const JOINERS: readonly string[] = ['以及', '、', '和', '及', '与', '暨', '或', '同'];

/** “等” after a list: the figure also covers what was not named. */
export const ETC = '等';

/** “其中” opens a subset of the figure before it. */
export const SUBSET = '其中';

/** Verbs after “X名<people>” that make those people the ones taking part in the kind that follows. */
export const TAKING_PART_VERBS: readonly string[] = ['进行', '开展', '参加', '参与', '接受', '观看', '参观', '收看', '听取', '出席'];

/** Verbs saying the people counted were present, not merely on a list. */
export const PRESENT_VERBS: readonly string[] = ['参加', '参与', '参会', '出席', '参学', '到会'];

/** Nouns for people: a count of them with no presence verb is a roster figure, not turnout. */
export const PERSON_NOUNS: readonly string[] = ['党员', '干部', '成员', '人员', '同志', '对象', '分子', '群众', '职工', '委员', '代表'];

/** Before a qualifier word: the people so named are the audience, not the speaker (为全体党员讲党课). */
export const AUDIENCE_BEFORE: readonly string[] = ['为', '给', '向', '对', '组织', '带领', '动员', '引导', '号召', '督促', '全体', '广大', '所有'];

/** After a qualifier word: those people listen (党员参加党课). */
export const AUDIENCE_AFTER: readonly string[] = ['参加', '参与', '听', '收听', '收看', '观看', '学习'];

/** True when `text` is a sequence of the given words (empty text included). */
export function consistsOf(text: string, words: readonly string[]): boolean {
  const byLength = [...words].sort((a, b) => b.length - a.length);
  const reachable: boolean[] = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let at = 0; at < text.length; at++) {
    if (!reachable[at]) continue;
    for (const word of byLength) if (text.startsWith(word, at)) reachable[at + word.length] = true;
  }
  return reachable[text.length];
}

export function endsWithAny(text: string, words: readonly string[]): string | undefined {
  return words.find((w) => text.endsWith(w));
}

export function startsWithAny(text: string, words: readonly string[]): string | undefined {
  return words.find((w) => text.startsWith(w));
}
