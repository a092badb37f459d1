import { daysInMonth, pad2 } from '../../../domain/src';
import type { CivilDate } from '../../../domain/src';
import type { LogActivityInput } from '../../../domain/src/commands';
import { seededRandom } from './seeded-random';

/**
 * A demo committee (机关党委) with three branches, two 党小组 each, and a year of activities up to
 * `today`: mostly compliant, with a few deliberate gaps so the compliance board has something to show.
 */
export interface DemoOrg {
  id: string;
  name: string;
  kind: 'committee' | 'branch' | 'group';
  parentId: string | null;
}

export interface DemoMember {
  id: string;
  name: string;
  orgId: string;
  status: 'full' | 'probationary';
  since: CivilDate;
}

export interface DemoPlan {
  orgs: DemoOrg[];
  members: DemoMember[];
  activities: (LogActivityInput & { activityId: string })[];
}

export const DEMO_COMMITTEE_ID = 'demo-jgdw';

const BRANCHES = [
  { key: 'b1', name: '办公室党支部' },
  { key: 'b2', name: '政策法规处党支部' },
  { key: 'b3', name: '信息中心党支部' },
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '海燕', '建华', '志强', '晓东', '丽娟', '国庆', '红梅'];

export function demoPlan(year: number, today: CivilDate): DemoPlan {
  const random = seededRandom(year);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const orgs: DemoOrg[] = [{ id: DEMO_COMMITTEE_ID, name: '示范单位机关党委', kind: 'committee', parentId: null }];
  const members: DemoMember[] = [];
  const activities: DemoPlan['activities'] = [];
  const lastDay = today < `${year}-12-31` ? today : `${year}-12-31`;

  BRANCHES.forEach((branch, b) => {
    const branchId = `demo-${branch.key}`;
    orgs.push({ id: branchId, name: branch.name, kind: 'branch', parentId: DEMO_COMMITTEE_ID });
    const groupIds = [1, 2].map((g) => {
      const id = `${branchId}-g${g}`;
      orgs.push({ id, name: `${branch.name}第${g === 1 ? '一' : '二'}党小组`, kind: 'group', parentId: branchId });
      return id;
    });
    const roster: DemoMember[] = [];
    for (let i = 1; i <= 14; i++) {
      const late = i === 14;
      const m: DemoMember = {
        id: `${branchId}-m${pad2(i)}`,
        name: pick(SURNAMES.split('')) + pick(GIVEN),
        orgId: groupIds[i <= 7 ? 0 : 1],
        status: i === 13 ? 'probationary' : 'full',
        // One member joins in May, so attendance before then must not name them.
        since: late ? `${year}-05-10` : `${year - 3 - (i % 5)}-0${1 + (i % 9)}-15`,
      };
      roster.push(m);
      if (m.since <= lastDay) members.push(m);
    }

    const membersOn = (date: CivilDate) => roster.filter((m) => m.since <= date);
    const attendance = (date: CivilDate, groupId?: string) => {
      const present: string[] = [];
      const leave: string[] = [];
      for (const m of membersOn(date).filter((x) => !groupId || x.orgId === groupId)) (random() < 0.88 ? present : leave).push(m.id);
      return { attendees: present, leave };
    };
    const add = (date: CivilDate, tag: string, input: Omit<LogActivityInput, 'orgId' | 'date' | 'activityId'>, orgId = branchId) => {
      if (date > lastDay) return;
      activities.push({ activityId: `demo-${branch.key}-${date.replace(/-/g, '')}-${tag}`, orgId, date, ...input });
    };

    for (let month = 1; month <= 12; month++) {
      const day = (d: number) => `${year}-${pad2(month)}-${pad2(Math.min(d, daysInMonth(year, month)))}`;
      // 信息中心 skips its committee meeting in August: a visible gap on the board.
      if (!(b === 2 && month === 8)) {
        add(day(5), 'zwh', { kinds: ['committee-meeting'], title: `${month}月支委会：研究本月党建工作`, host: '支部书记', ...attendance(day(5), groupIds[0]) });
      }
      const quarterStart = month % 3 === 1;
      const themeKinds = quarterStart ? ['theme-day', 'branch-assembly', 'party-lecture'] : ['theme-day'];
      add(day(15), 'ztdr', {
        kinds: themeKinds,
        qualifier: quarterStart ? (month === 4 ? 'secretary' : pick(['leader', 'invited', 'member'])) : undefined,
        title: quarterStart ? `第${Math.ceil(month / 3)}季度支部党员大会暨主题党日` : `${month}月主题党日`,
        place: '党员活动室',
        hours: quarterStart ? 3 : 2,
        ...attendance(day(15)),
      });
      groupIds.forEach((g, gi) => {
        if (b === 1 && gi === 1 && month === 3) return; // one 党小组 misses a month
        add(day(20 + gi), `xzh${gi + 1}`, { kinds: ['group-meeting'], title: `${month}月党小组学习`, ...attendance(day(20 + gi), g) }, g);
      });
      if (month % 2 === 0) add(day(25), 'xx', { kinds: ['study-session'], title: '集中学习党的创新理论', hours: 2, ...attendance(day(25)) });
      if (month % 3 === 2) add(day(26), 'yt', { kinds: ['seminar'], title: '专题研讨交流', ...attendance(day(26)) });
    }
    add(`${year}-06-18`, 'jsjy', { kinds: ['warning-education'], title: '观看警示教育片', ...attendance(`${year}-06-18`) });
    if (b !== 2) add(`${year}-11-12`, 'jsjy', { kinds: ['warning-education'], title: '典型案例剖析会', ...attendance(`${year}-11-12`) });
    add(`${year}-09-10`, 'dy', { kinds: ['research-visit'], title: '深入基层调研', quantity: 2 + b, unit: '篇', item: '调研报告', headcount: 4 });
    add(`${year}-03-28`, 'zyfw', { kinds: ['volunteer-service'], title: '社区报到志愿服务', headcount: 9 + b });
    membersOn(`${year}-07-01`)
      .slice(0, 10 - b * 3)
      .forEach((m, i) => add(`${year}-07-${pad2(2 + i)}`, `tx${pad2(i + 1)}`, { kinds: ['heart-talk'], title: '谈心谈话', attendees: [m.id] }));
    add(`${year}-12-20`, 'zzshh', { kinds: ['org-life-meeting', 'member-appraisal'], title: '年度组织生活会和民主评议党员', ...attendance(`${year}-12-20`) });
  });
  return { orgs, members, activities };
}
