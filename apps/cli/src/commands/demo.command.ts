import { Command } from 'commander';
import { redactStoreUrl } from '../../../../libs/event-store/src/open-event-store';
import { chinaDateOf, yearOf } from '../../../../libs/domain/src';
import { DEMO_COMMITTEE_ID } from '../../../../libs/application/src/demo/demo-plan';
import { loadDemo } from '../../../../libs/application/src/demo/load-demo';
import { ComplianceQuery } from '../../../../libs/application/src/queries/compliance.query';
import { ListOrgsQuery } from '../../../../libs/application/src/queries/list-orgs.query';
import { TallyQuery } from '../../../../libs/application/src/queries/tally.query';
import { VerifyQuery } from '../../../../libs/application/src/queries/verify.query';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';
import { ProgressBar } from '../printers/progress-bar';

interface DemoOpts {
  year?: string;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('载入示范台账（一个机关党委、三个党支部、一年的活动）并展示统计、合规与校验')
    .option('--year <year>', '示范年份（默认今年，活动截至今天）')
    .action(
      verb<DemoOpts>(async ({ app, globals, opts }) => {
        const today = chinaDateOf(new Date());
        const year = opts.year ? Number(opts.year) : yearOf(today);
        const bar = new ProgressBar('载入示范台账');
        const loaded = await loadDemo(app.commands, app.ledger, year, today, (d, t) => bar.update(d, t));
        bar.finish();
        const tally = await app.queries.execute(new TallyQuery({ orgId: DEMO_COMMITTEE_ID, year, rollup: true }));
        const { orgs } = await app.queries.execute(new ListOrgsQuery());
        const branches = orgs.filter((o) => o.parentId === DEMO_COMMITTEE_ID);
        const compliance = [];
        for (const b of branches) {
          const c = await app.queries.execute(new ComplianceQuery({ orgId: b.id, year }));
          const due = c.rules.filter((r) => !r.pending);
          compliance.push({ org: b.id, name: b.name, ok: due.filter((r) => r.ok).length, due: due.length });
        }
        const verify = await app.queries.execute(new VerifyQuery({}));
        if (globals.json) return printJson({ store: redactStoreUrl(globals.store), year, loaded, compliance, verify: { ok: verify.ok, events: verify.events } });
        const count = (kind: string, qualifier: string | null = null) =>
          tally.metrics.find((m) => m.kind === kind && m.qualifier === qualifier && m.measure === 'count')?.value ?? '—';
        printText(
          [
            `示范台账已就绪：${redactStoreUrl(globals.store)}`,
            `本次新增：组织 ${loaded.orgs} 个，党员 ${loaded.members} 名，活动 ${loaded.activities} 条${loaded.skipped ? `（已有 ${loaded.skipped} 条未重复登记）` : ''}`,
            '',
            `${year} 年示范单位机关党委（含下级）：支部党员大会 ${count('branch-assembly')} 次，支委会 ${count('committee-meeting')} 次，` +
              `党小组会 ${count('group-meeting')} 次，党课 ${count('party-lecture')} 次（支部书记讲 ${count('party-lecture', 'secretary')} 次），` +
              `主题党日 ${count('theme-day')} 次，警示教育 ${count('warning-education')} 次`,
            '',
            '各支部合规（已到期的检查项）：',
            ...compliance.map((c) => `  ${c.name}（${c.org}）：${c.ok}/${c.due} 项达标`),
            '',
            verify.ok ? `哈希链校验通过：${verify.events} 条事件` : `哈希链校验失败：${verify.stream} 第 ${verify.version} 条`,
            '',
            '接着可以试试：',
            `  bin/taizhang tally --org demo-b1 --year ${year}`,
            `  bin/taizhang compliance --org demo-b3 --year ${year} --failing`,
            `  bin/taizhang list --org demo-b2 --year ${year} --month 3`,
            `  bin/taizhang history --org demo-b1`,
          ].join('\n'),
        );
      }),
    );
}
