import type { ApiSession, LoopbackHttp } from './loopback-http';
import { pick, type Random } from './synthetic-activity';

/** The committee the HTTP section logs into, set up through the API by the first admin. */
export interface HttpLedgerShape {
  branches: number;
  membersPerBranch: number;
}

export interface HttpBranch {
  orgId: string;
  /** Its secretary's account (secretary role, scoped to this branch). */
  username: string;
  password: string;
  roster: readonly string[];
}

export interface HttpLedger {
  committeeId: string;
  branches: readonly HttpBranch[];
  /** Requests the set-up made (orgs, members, accounts). */
  setUpRequests: number;
}

const SECRETARY_PASSWORD = 'bench-secretary-pass';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * A committee with its branches, members and one secretary account per branch, every record
 * created over HTTP as an admin would (so the store holds what a real office's would).
 */
export async function setUpHttpLedger(http: LoopbackHttp, admin: ApiSession, shape: HttpLedgerShape, year: number): Promise<HttpLedger> {
  const established = `${year - 10}-01-01`;
  const since = `${year - 2}-03-01`;
  const committeeId = 'c';
  let requests = 0;
  const create = async (path: string, body: unknown) => {
    await http.create(admin, path, body);
    requests += 1;
  };
  await create('/api/orgs', { id: committeeId, name: '机关党委', kind: 'committee', establishedOn: established });
  const branches: HttpBranch[] = [];
  for (let b = 1; b <= shape.branches; b++) {
    const orgId = `b${pad2(b)}`;
    await create('/api/orgs', { id: orgId, name: `第${b}党支部`, kind: 'branch', parentId: committeeId, establishedOn: established });
    const roster: string[] = [];
    for (let m = 1; m <= shape.membersPerBranch; m++) {
      const id = `${orgId}-m${pad2(m)}`;
      await create('/api/members', { id, name: `党员${b}-${m}`, orgId, status: 'full', since });
      roster.push(id);
    }
    const username = `sec-${orgId}`;
    await create('/api/users', { username, password: SECRETARY_PASSWORD, role: 'secretary', orgId });
    branches.push({ orgId, username, password: SECRETARY_PASSWORD, roster });
  }
  return { committeeId, branches, setUpRequests: requests };
}

/** One kind of record a branch secretary logs, as the form or a script would send it. */
interface BodyTemplate {
  kinds: string[];
  title: string;
  qualifier?: string;
  hours?: number;
  quantity?: { amount: number; unit: string; item: string };
  /** `meeting`: most of the roster listed; `pair`: two members; `headcount`: a bare count. */
  attendance: 'meeting' | 'pair' | 'headcount';
}

const TEMPLATES: readonly BodyTemplate[] = [
  { kinds: ['theme-day'], title: '主题党日：重温入党誓词', attendance: 'meeting' },
  { kinds: ['committee-meeting'], title: '支委会：研究本月党建工作', attendance: 'meeting' },
  { kinds: ['branch-assembly', 'party-lecture', 'theme-day'], title: '支部党员大会暨专题党课', qualifier: 'secretary', hours: 2, attendance: 'meeting' },
  { kinds: ['party-lecture'], title: '学习贯彻党的创新理论专题党课', qualifier: 'invited', hours: 2, attendance: 'meeting' },
  { kinds: ['study-session'], title: '集中学习', hours: 1, attendance: 'meeting' },
  { kinds: ['first-topic'], title: '“第一议题”学习', hours: 1, attendance: 'meeting' },
  { kinds: ['heart-talk'], title: '谈心谈话', attendance: 'pair' },
  { kinds: ['volunteer-service'], title: '社区报到志愿服务', attendance: 'headcount' },
  { kinds: ['research-visit'], title: '深入基层调研', quantity: { amount: 1, unit: '篇', item: '调研报告' }, attendance: 'meeting' },
  { kinds: ['publicity'], title: '党建信息稿件', quantity: { amount: 2, unit: '篇', item: '信息稿件' }, attendance: 'pair' },
];

/**
 * Request bodies for one branch, prepared before the timed run: each is the JSON of an activity
 * without its opening brace and id, so a request costs one string concatenation
 * (`{"id":"…",` + tail) and no JSON work in the load generator.
 */
export function activityBodyTails(random: Random, branch: HttpBranch, year: number, count: number): string[] {
  const tails: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = pick(random, TEMPLATES);
    const month = 1 + Math.floor(random() * 12);
    const body: Record<string, unknown> = {
      orgId: branch.orgId,
      date: `${year}-${pad2(month)}-${pad2(1 + Math.floor(random() * 28))}`,
      kinds: t.kinds,
      title: `${month}月${t.title}`,
      place: pick(random, ['党员活动室', '三楼会议室', '社区党群服务中心']),
      host: '支部书记',
    };
    if (t.qualifier) body.qualifier = t.qualifier;
    if (t.hours) body.hours = t.hours;
    if (t.quantity) Object.assign(body, { quantity: t.quantity.amount, unit: t.quantity.unit, item: t.quantity.item });
    if (t.attendance === 'headcount') body.headcount = 10 + Math.floor(random() * 30);
    else {
      const listed = shuffled(random, branch.roster).slice(0, t.attendance === 'pair' ? 2 : Math.max(2, branch.roster.length - Math.floor(random() * 3)));
      // In a meeting, now and then one member is on leave.
      const onLeave = t.attendance === 'meeting' && random() < 0.3 ? listed.splice(-1) : [];
      body.attendees = listed;
      if (onLeave.length > 0) body.leave = onLeave;
    }
    tails.push(`${JSON.stringify(body).slice(1)}`);
  }
  return tails;
}

/** A whole request body: the client-chosen id, then a prepared tail. */
export function activityBody(id: string, tail: string): string {
  return `{"id":"${id}",${tail}`;
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
