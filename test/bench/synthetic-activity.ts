import type { ActivityDetails, Attendee, Quantity } from '../../libs/domain/src';

export type Random = () => number;

/**
 * One kind of record a secretary logs, with roughly how many times a year it happens. The mix
 * follows the 条例 rhythm (monthly 支委会 and 主题党日, quarterly 党员大会 + 党课 sittings) plus the
 * study, talks and service that fill a real ledger, so documents have realistic size and shape.
 */
interface ActivityTemplate {
  kinds: string[];
  perYear: number;
  title: (month: number) => string;
  qualifiers?: string[];
  hours?: number[];
  quantity?: { unit: string; item: string; max: number };
  /** How many members are listed: the whole branch meeting, or a pair for a talk. */
  attendance: 'meeting' | 'pair';
}

const BRANCH_TEMPLATES: readonly ActivityTemplate[] = [
  { kinds: ['theme-day'], perYear: 12, title: (m) => `${m}月主题党日：重温入党誓词`, attendance: 'meeting' },
  { kinds: ['committee-meeting'], perYear: 12, title: (m) => `支委会：研究${m}月党建工作`, attendance: 'meeting' },
  {
    kinds: ['branch-assembly', 'party-lecture', 'theme-day'],
    perYear: 4,
    title: (m) => `第${Math.ceil(m / 3)}季度支部党员大会暨专题党课`,
    qualifiers: ['secretary'],
    hours: [2, 3],
    attendance: 'meeting',
  },
  {
    kinds: ['party-lecture'],
    perYear: 4,
    title: () => '学习贯彻党的创新理论专题党课',
    qualifiers: ['secretary', 'leader', 'invited', 'member'],
    hours: [1, 2],
    attendance: 'meeting',
  },
  { kinds: ['study-session'], perYear: 10, title: (m) => `${m}月集中学习`, hours: [1, 2, 4], attendance: 'meeting' },
  { kinds: ['first-topic'], perYear: 8, title: () => '“第一议题”学习', hours: [1], attendance: 'meeting' },
  { kinds: ['heart-talk'], perYear: 6, title: () => '谈心谈话', attendance: 'pair' },
  { kinds: ['warning-education'], perYear: 2, title: () => '观看警示教育片', hours: [2], attendance: 'meeting' },
  { kinds: ['volunteer-service'], perYear: 3, title: () => '社区报到志愿服务', attendance: 'meeting' },
  {
    kinds: ['research-visit'],
    perYear: 1,
    title: () => '深入基层调研',
    quantity: { unit: '篇', item: '调研报告', max: 3 },
    attendance: 'meeting',
  },
  { kinds: ['publicity'], perYear: 3, title: () => '党建信息稿件', quantity: { unit: '篇', item: '信息稿件', max: 5 }, attendance: 'pair' },
  { kinds: ['org-life-meeting', 'member-appraisal'], perYear: 1, title: () => '年度组织生活会和民主评议党员', attendance: 'meeting' },
];

/** A committee's own sittings keep a headcount rather than a member list. */
const COMMITTEE_TEMPLATES: readonly ActivityTemplate[] = [
  { kinds: ['center-group-study'], perYear: 12, title: (m) => `${m}月理论学习中心组学习`, hours: [2, 4], attendance: 'meeting' },
  { kinds: ['theme-day'], perYear: 12, title: (m) => `${m}月机关主题党日`, attendance: 'meeting' },
  { kinds: ['party-lecture'], perYear: 4, title: () => '领导干部讲党课', qualifiers: ['leader'], hours: [2], attendance: 'meeting' },
  { kinds: ['warning-education'], perYear: 2, title: () => '警示教育大会', hours: [2], attendance: 'meeting' },
  { kinds: ['democratic-life-meeting'], perYear: 1, title: () => '年度民主生活会', attendance: 'meeting' },
];

const PLACES = ['党员活动室', '三楼会议室', '红色教育基地', '社区党群服务中心', null];

function weightedPicker(templates: readonly ActivityTemplate[]): (random: Random) => ActivityTemplate {
  const total = templates.reduce((sum, t) => sum + t.perYear, 0);
  return (random) => {
    let r = random() * total;
    for (const t of templates) {
      r -= t.perYear;
      if (r < 0) return t;
    }
    return templates[templates.length - 1];
  };
}

const pickBranchTemplate = weightedPicker(BRANCH_TEMPLATES);
const pickCommitteeTemplate = weightedPicker(COMMITTEE_TEMPLATES);

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** A random civil date in one of `years` (days 1–28, so every month has it). */
export function randomDate(random: Random, years: readonly number[]): string {
  return `${pick(random, years)}-${pad2(1 + Math.floor(random() * 12))}-${pad2(1 + Math.floor(random() * 28))}`;
}

/** About ten members of the roster, in stored order: present first, then on leave, then absent. */
function attendeesOf(random: Random, roster: readonly string[], attendance: ActivityTemplate['attendance']): Attendee[] {
  const wanted = attendance === 'pair' ? 2 : Math.min(roster.length, 8 + Math.floor(random() * 5));
  const chosen = new Set<string>();
  while (chosen.size < wanted) chosen.add(pick(random, roster));
  const attendees: Attendee[] = [];
  const leave: Attendee[] = [];
  const absent: Attendee[] = [];
  for (const memberId of chosen) {
    const r = attendance === 'pair' ? 0 : random();
    if (r < 0.85) attendees.push({ memberId, status: 'present' });
    else if (r < 0.95) leave.push({ memberId, status: 'leave' });
    else absent.push({ memberId, status: 'absent' });
  }
  return [...attendees, ...leave, ...absent];
}

export interface ActivityOrg {
  name: string;
  kind: 'committee' | 'branch';
  /** Member ids of a branch (empty for a committee, whose sittings keep a headcount). */
  roster: readonly string[];
}

/** One realistic activity record of `org` on `date`, as the log command would have normalised it. */
export function syntheticActivity(random: Random, org: ActivityOrg, date: string): ActivityDetails {
  const template = org.kind === 'committee' ? pickCommitteeTemplate(random) : pickBranchTemplate(random);
  const month = Number(date.slice(5, 7));
  const quantities: Quantity[] = template.quantity
    ? [{ amount: 1 + Math.floor(random() * template.quantity.max), unit: template.quantity.unit, item: template.quantity.item }]
    : [];
  const qualifier = template.qualifiers ? pick(random, template.qualifiers) : null;
  return {
    date,
    kinds: template.kinds,
    qualifier,
    title: template.title(month),
    place: pick(random, PLACES),
    host: `${org.name}书记`,
    speaker: template.kinds.includes('party-lecture') ? `${org.name}${qualifier === 'invited' ? '特邀专家' : '书记'}` : null,
    attendees: org.roster.length > 0 ? attendeesOf(random, org.roster, template.attendance) : [],
    headcount: org.roster.length > 0 ? null : 15 + Math.floor(random() * 40),
    hours: template.hours ? pick(random, template.hours) : null,
    quantities,
    groups: [],
    note: random() < 0.1 ? '会议记录见附件' : null,
  };
}
