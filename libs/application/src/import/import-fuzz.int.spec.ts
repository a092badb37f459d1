import { activityInputOf, decideLogActivity, memberIdsMentioned, MemberDoc } from '../../../domain/src';
import type { ActivityLoggedData } from '../../../domain/src/events/activity-logged';
import type { StoredEvent } from '../../../event-store/src';
import { readImportFile } from '../../../ledger-io/src/import';
import { seededRandom } from '../demo/seeded-random';
import { Cell, csvText, gbkCsv, IMPORT_NOW, IMPORT_TODAY, ImportFixture, openImportFixture, xlsxOf } from './import-fixture.spec-helper';
import { planImport } from './plan-import';
import { runImport } from './run-import';

const ROWS = 3000;

/** Cells a careless or creative secretary might type, valid ones among them. */
function fuzzRows(seed: number): Cell[][] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (n: number) => Math.floor(random() * n);
  const junk = () => pick(['', ' ', '　', '?', '#N/A', '—', '无', '\n', '0', '-1', 'NaN', '１２', '😀', '<b>', '"', ',', '、、', '（', '）', 'null', 'undefined']);
  const date = (): Cell =>
    pick<() => Cell>([
      () => `2021-${int(14)}-${int(33)}`,
      () => `${2018 + int(9)}/${1 + int(12)}/${1 + int(28)}`,
      () => `${2021}年${1 + int(12)}月${1 + int(31)}日`,
      () => `${2020 + int(3)}.${1 + int(12)}.${1 + int(30)}`,
      () => new Date(Date.UTC(1890 + int(140), int(12), 1 + int(28))),
      () => int(80_000) - 1000,
      () => random() * 50_000,
      () => `${1 + int(12)}月${1 + int(28)}日`,
      () => `2021年3月${int(40)}日下午${int(30)}点`,
      () => 20_210_000 + int(2000),
      junk,
      () => null,
    ])();
  const kind = (): Cell =>
    pick<() => Cell>([
      () => pick(['支部党员大会', '党课', '主题党日', '支委会', '党小组会', '谈心谈话', '民主生活会', '理论学习中心组学习', '诫勉谈话', '换届选举']),
      () => `${pick(['支部党员大会', '党课', '开会'])}${pick(['、', '+', '暨', '/', ' ', ''])}${pick(['党课', '主题党日', '党课', '学习'])}`,
      () => `党课（${pick(['支部书记', '专家', '七一', ''])}）`,
      () => '党课、党课',
      () => '党员大会、支部党员大会',
      junk,
      () => null,
    ])();
  const names = (): Cell =>
    pick<() => Cell>([
      () => Array.from({ length: int(5) }, () => pick(['张三', '李四', '王芳', '赵六', '钱七', '孙八', 'm1', 'm5', '张三（m1）', '张三(m5)', '王 芳', '李四（m9）'])).join(pick(['、', '，', ',', ' ', ';', '\n'])),
      () => int(40) - 5,
      () => `${int(20)}人`,
      junk,
      () => null,
    ])();
  const number = (): Cell => pick<() => Cell>([() => int(30), () => random() * 30, () => -int(5), () => `${int(10)}小时`, () => '两个小时', junk, () => null])();
  const text = (): Cell => pick<() => Cell>([() => `主题${int(1000)}`, () => 'x'.repeat(int(300)), junk, () => null])();
  const rows: Cell[][] = [['组织', '日期', '活动类型', '细分类型', '主题', '参会人员', '请假', '缺席', '列席', '应到', '实到', '学时', '党小组', '成果', '备注']];
  // A third of the rows are good but for at most one cell; the rest are wild in every column.
  const goodDate = (): Cell => pick<() => Cell>([() => `2021-0${1 + int(5)}-1${int(10)}`, () => new Date(Date.UTC(2021, int(5), 1 + int(28))), () => `2021年${1 + int(5)}月${1 + int(28)}日`, () => 44200 + int(100)])();
  const good = (): Cell[] => [
    pick<Cell>([null, '第一党支部', 'b1']),
    goodDate(),
    pick<Cell>(['党课', '支部党员大会、党课', '主题党日', '党课（支部书记）', '支委会']),
    null,
    `主题${int(1000)}`,
    pick<Cell>(['张三、李四', '王芳', null, '张三 李四 王芳']),
    null,
    null,
    null,
    null,
    null,
    pick<Cell>([null, 1, 2.5, '2小时']),
    null,
    pick<Cell>([null, '调研报告3篇']),
    null,
  ];
  const wild = (): Cell[] => [
    pick<Cell>([null, null, null, '第一党支部', '第二党支部', 'b1', '第一党小组', '不存在的支部', junk()]),
    date(),
    kind(),
    pick<Cell>([null, null, null, '支部书记', '领导干部', '预备党员', junk()]),
    text(),
    names(),
    names(),
    names(),
    names(),
    number(),
    number(),
    number(),
    pick<Cell>([null, null, '第一党小组', 'g1', '第二党小组', junk()]),
    pick<Cell>([null, null, '调研报告3篇', '3篇', '调研报告3篇、学习书籍2册', '很多', junk()]),
    text(),
  ];
  for (let i = 0; i < ROWS; i++) {
    if (random() < 2 / 3) {
      rows.push(wild());
      continue;
    }
    const row = good();
    if (random() < 0.5) row[int(row.length)] = wild()[int(row.length)];
    rows.push(row);
  }
  return rows;
}

/** Every stored ActivityLogged, checked again by the decider against the ledger as it now stands. */
async function revalidateAll(fx: ImportFixture): Promise<number> {
  const events = (await fx.ledger.store.readAll({ maxCount: 100_000 })).filter((e) => e.type === 'ActivityLogged') as StoredEvent<ActivityLoggedData>[];
  for (const event of events) {
    const { orgId, activity } = event.data;
    const input = activityInputOf(orgId, activity);
    const members: Record<string, MemberDoc | undefined> = {};
    for (const id of memberIdsMentioned(input)) members[id] = await fx.ledger.view.getMember(id);
    const facts = { today: IMPORT_TODAY, org: await fx.ledger.view.getOrg(orgId), childGroups: await fx.ledger.view.listChildOrgs(orgId), members };
    const decision = decideLogActivity({ ...input, orgId, date: activity.date, kinds: activity.kinds, activityId: `re-${event.data.activityId}` }, facts);
    expect(decision.events[0]).toMatchObject({ type: 'ActivityLogged', data: { activity } });
  }
  return events.length;
}

describe('importing thousands of malformed rows', () => {
  let fx: ImportFixture;
  beforeAll(async () => {
    fx = await openImportFixture('fuzz');
  });
  afterAll(() => fx.close());

  it.each([
    ['xlsx', 20_210_701],
    ['gbk csv', 20_210_702],
  ])('never crashes and never writes an invalid event (%s)', async (format, seed) => {
    const rows = fuzzRows(seed);
    const bytes = format === 'xlsx' ? await xlsxOf({ 台账: rows }) : gbkCsv(rows);
    expect(csvText(rows).length).toBeGreaterThan(0);
    const parsed = await readImportFile({ bytes, fileName: `fuzz.${format === 'xlsx' ? 'xlsx' : 'csv'}` });
    const plan = await planImport(fx.ledger, parsed, { orgId: 'c1', today: IMPORT_TODAY });
    // Every data row is accounted for: ready, already imported, or with a problem.
    expect(plan.ready.length + plan.already.length + plan.problemRows).toBe(plan.rows);
    expect(plan.problems.every((p) => p.row !== null && p.message.length > 0 && p.messageEn.length > 0)).toBe(true);
    const before = await fx.ledger.store.headPosition();
    const outcome = await runImport(fx.ledger, plan, { actor: 'fuzz', batchSize: 250, now: () => IMPORT_NOW });
    expect(outcome.imported).toBe(Number((await fx.ledger.store.headPosition()) - before));
    // The fuzz must exercise both sides: some rows good, most bad.
    expect(outcome.imported).toBeGreaterThan(ROWS / 10);
    expect(plan.problemRows).toBeGreaterThan(ROWS / 2);
    expect(await revalidateAll(fx)).toBeGreaterThanOrEqual(outcome.imported);
  });
});
