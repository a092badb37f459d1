import { OrgKind } from './org-kinds';

/**
 * The activity catalog of domain.md, as data: ids are a contract shared by the CLI, API,
 * templates and tests. Synonyms serve both `--kind 党课` on the CLI and report-blank matching.
 */
export interface QualifierInfo {
  id: string;
  name: string;
  synonyms: readonly string[];
}

export interface ActivityKindInfo {
  id: string;
  name: string;
  synonyms: readonly string[];
  /** What the qualifier means for this kind (speaker, stage…); absent when the kind has none. */
  qualifierLabel?: string;
  qualifiers?: readonly QualifierInfo[];
  /** Organisation kinds that may hold this activity. */
  orgKinds: readonly OrgKind[];
}

const ALL_ORGS: readonly OrgKind[] = ['committee', 'leading-group', 'general-branch', 'branch', 'group'];
const BRANCH_LEVEL: readonly OrgKind[] = ['general-branch', 'branch'];
const ABOVE_GROUP: readonly OrgKind[] = ['committee', 'leading-group', 'general-branch', 'branch'];

export const ACTIVITY_KINDS: readonly ActivityKindInfo[] = [
  { id: 'branch-assembly', name: '支部党员大会', synonyms: ['支部党员大会', '党员大会', '支部大会'], orgKinds: BRANCH_LEVEL },
  { id: 'committee-meeting', name: '支部委员会会议', synonyms: ['支部委员会会议', '支委会', '支委会议'], orgKinds: BRANCH_LEVEL },
  { id: 'group-meeting', name: '党小组会', synonyms: ['党小组会', '党小组会议'], orgKinds: ['general-branch', 'branch', 'group'] },
  {
    id: 'party-lecture',
    name: '党课',
    synonyms: ['党课', '专题党课', '微党课'],
    qualifierLabel: '主讲人',
    qualifiers: [
      { id: 'secretary', name: '支部书记', synonyms: ['支部书记', '党支部书记', '书记'] },
      { id: 'leader', name: '领导干部', synonyms: ['领导干部', '班子成员', '党员领导干部'] },
      { id: 'invited', name: '党校教师/专家', synonyms: ['党校教师', '专家', '党校老师', '专家学者'] },
      { id: 'member', name: '党员', synonyms: ['普通党员', '党员'] },
    ],
    orgKinds: ALL_ORGS,
  },
  { id: 'theme-day', name: '主题党日', synonyms: ['主题党日', '主题党日活动'], orgKinds: ALL_ORGS },
  { id: 'org-life-meeting', name: '组织生活会', synonyms: ['组织生活会'], orgKinds: BRANCH_LEVEL },
  { id: 'democratic-life-meeting', name: '民主生活会', synonyms: ['民主生活会'], orgKinds: ['committee', 'leading-group'] },
  { id: 'member-appraisal', name: '民主评议党员', synonyms: ['民主评议党员', '民主评议'], orgKinds: BRANCH_LEVEL },
  { id: 'heart-talk', name: '谈心谈话', synonyms: ['谈心谈话', '谈心', '谈话谈心'], orgKinds: ALL_ORGS },
  {
    id: 'admonition-talk',
    name: '提醒诫勉谈话',
    synonyms: ['提醒谈话', '诫勉谈话', '集体约谈', '批评教育', '约谈'],
    qualifierLabel: '谈话类型',
    qualifiers: [
      { id: 'reminder', name: '提醒谈话', synonyms: ['提醒谈话'] },
      { id: 'admonition', name: '诫勉谈话', synonyms: ['诫勉谈话'] },
      { id: 'collective', name: '集体约谈', synonyms: ['集体约谈'] },
      { id: 'criticism', name: '批评教育', synonyms: ['批评教育'] },
    ],
    orgKinds: ABOVE_GROUP,
  },
  { id: 'first-topic', name: '“第一议题”学习', synonyms: ['第一议题', '“第一议题”学习', '第一议题学习'], orgKinds: ALL_ORGS },
  { id: 'study-session', name: '集中学习', synonyms: ['集中学习', '集体学习', '理论学习', '学习活动'], orgKinds: ALL_ORGS },
  { id: 'center-group-study', name: '理论学习中心组学习', synonyms: ['理论学习中心组学习', '中心组学习'], orgKinds: ['committee', 'leading-group'] },
  { id: 'seminar', name: '专题研讨', synonyms: ['专题研讨', '研讨交流'], orgKinds: ALL_ORGS },
  { id: 'knowledge-test', name: '知识测试', synonyms: ['知识测试', '知识竞赛', '测评'], orgKinds: ALL_ORGS },
  { id: 'field-teaching', name: '实地教学', synonyms: ['实地教学', '现场教学', '参观红色教育基地'], orgKinds: ALL_ORGS },
  { id: 'political-training', name: '政治轮训', synonyms: ['政治轮训', '培训班'], orgKinds: ABOVE_GROUP },
  {
    id: 'warning-education',
    name: '警示教育',
    synonyms: ['警示教育', '观看警示教育片', '警示教育大会', '以案促改', '典型案例剖析'],
    orgKinds: ALL_ORGS,
  },
  {
    id: 'integrity-education',
    name: '廉政教育',
    synonyms: ['廉政教育', '廉洁教育', '廉政党课', '廉政提醒', '廉政知识学习'],
    orgKinds: ALL_ORGS,
  },
  { id: 'volunteer-service', name: '志愿服务', synonyms: ['志愿服务', '志愿活动', '社区报到服务'], orgKinds: ALL_ORGS },
  { id: 'research-visit', name: '调研', synonyms: ['调研', '深入基层调研'], orgKinds: ALL_ORGS },
  { id: 'publicity', name: '宣传报道', synonyms: ['宣传报道', '发表报道', '信息稿件'], orgKinds: ALL_ORGS },
  { id: 'election', name: '换届选举', synonyms: ['换届选举', '换届'], orgKinds: ABOVE_GROUP },
  {
    id: 'member-development',
    name: '发展党员',
    synonyms: ['发展党员'],
    qualifierLabel: '发展阶段',
    qualifiers: [
      { id: 'activist', name: '入党积极分子', synonyms: ['入党积极分子', '积极分子'] },
      { id: 'candidate', name: '发展对象', synonyms: ['发展对象'] },
      { id: 'probationary', name: '接收预备党员', synonyms: ['接收预备党员', '预备党员'] },
      { id: 'full', name: '预备党员转正', synonyms: ['转正', '预备党员转正'] },
    ],
    orgKinds: ABOVE_GROUP,
  },
  { id: 'commendation', name: '表彰', synonyms: ['表彰', '两优一先', '评选优秀党员'], orgKinds: ABOVE_GROUP },
  {
    id: 'special-meeting',
    name: '专题会议',
    synonyms: ['专题研究党建工作', '专题研究意识形态工作', '专题会议'],
    orgKinds: ABOVE_GROUP,
  },
];

const BY_ID = new Map(ACTIVITY_KINDS.map((k) => [k.id, k]));
const BY_NAME = new Map<string, ActivityKindInfo>();
for (const kind of ACTIVITY_KINDS) {
  for (const word of [kind.name, ...kind.synonyms]) if (!BY_NAME.has(word)) BY_NAME.set(word, kind);
}

export function findActivityKind(idOrName: string): ActivityKindInfo | undefined {
  const key = idOrName.trim();
  return BY_ID.get(key) ?? BY_NAME.get(key);
}

export function activityKindById(id: string): ActivityKindInfo | undefined {
  return BY_ID.get(id);
}

/** Resolves a qualifier given by id or Chinese name for one kind. */
export function findQualifier(kind: ActivityKindInfo, idOrName: string): QualifierInfo | undefined {
  const key = idOrName.trim();
  return kind.qualifiers?.find((q) => q.id === key || q.name === key || q.synonyms.includes(key));
}
