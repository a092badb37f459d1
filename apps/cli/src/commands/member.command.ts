import { Command } from 'commander';
import {
  ChangeMemberStatusCommand,
  EnrollMemberCommand,
  MemberLeaveCommand,
  TransferMemberCommand,
} from '../../../../libs/application/src/commands/member.commands';
import { ListMembersQuery } from '../../../../libs/application/src/queries/list-orgs.query';
import { verb } from '../cli-action';
import { MEMBER_STATUS_LABELS } from '../printers/labels';
import { printJson, printText } from '../printers/output';
import { renderTable } from '../printers/table';

export function registerMember(program: Command): void {
  const member = program.command('member').description('党员管理：登记、转接、身份变更、离开');

  member
    .command('add')
    .description('登记党员')
    .requiredOption('--id <id>', '党员 id')
    .requiredOption('--name <name>', '姓名')
    .requiredOption('--org <id>', '所在组织 id')
    .option('--status <status>', 'full（正式党员）或 probationary（预备党员）', 'full')
    .option('--since <date>', '加入本组织日期（默认今天）')
    .action(
      verb<{ id: string; name: string; org: string; status: string; since?: string }>(async ({ app, globals, opts }) => {
        const r = await app.commands.execute(
          new EnrollMemberCommand(
            { memberId: opts.id, name: opts.name, orgId: opts.org, status: opts.status, since: opts.since },
            { actor: globals.actor, source: 'cli' },
          ),
        );
        if (globals.json) return printJson({ id: r.memberId, ok: true });
        printText(`已登记党员：${opts.name}（${r.memberId}）`);
      }),
    );

  member
    .command('transfer')
    .description('组织关系转接')
    .requiredOption('--id <id>', '党员 id')
    .requiredOption('--to <org>', '转入组织 id')
    .option('--on <date>', '转接日期（默认今天）')
    .action(
      verb<{ id: string; to: string; on?: string }>(async ({ app, globals, opts }) => {
        const r = await app.commands.execute(new TransferMemberCommand({ memberId: opts.id, toOrgId: opts.to, on: opts.on }, { actor: globals.actor, source: 'cli' }));
        if (globals.json) return printJson({ id: r.memberId, ok: true });
        printText(`已转接：${r.memberId} → ${opts.to}`);
      }),
    );

  member
    .command('status')
    .description('党员身份变更（如预备党员转正）')
    .requiredOption('--id <id>', '党员 id')
    .requiredOption('--status <status>', 'full 或 probationary')
    .option('--on <date>', '变更日期（默认今天）')
    .action(
      verb<{ id: string; status: string; on?: string }>(async ({ app, globals, opts }) => {
        const r = await app.commands.execute(
          new ChangeMemberStatusCommand({ memberId: opts.id, status: opts.status, on: opts.on }, { actor: globals.actor, source: 'cli' }),
        );
        if (globals.json) return printJson({ id: r.memberId, ok: true });
        printText(`已变更身份：${r.memberId}`);
      }),
    );

  member
    .command('leave')
    .description('党员离开（出党、去世、转出系统外等）')
    .requiredOption('--id <id>', '党员 id')
    .option('--on <date>', '离开日期（默认今天）')
    .option('--reason <text>', '原因')
    .action(
      verb<{ id: string; on?: string; reason?: string }>(async ({ app, globals, opts }) => {
        const r = await app.commands.execute(new MemberLeaveCommand({ memberId: opts.id, on: opts.on, reason: opts.reason }, { actor: globals.actor, source: 'cli' }));
        if (globals.json) return printJson({ id: r.memberId, ok: true });
        printText(`已登记离开：${r.memberId}`);
      }),
    );

  member
    .command('list')
    .description('党员名册')
    .requiredOption('--org <id>', '组织 id')
    .option('--on <date>', '某一天的名册')
    .action(
      verb<{ org: string; on?: string }>(async ({ app, globals, opts }) => {
        const result = await app.queries.execute(new ListMembersQuery({ orgId: opts.org, on: opts.on }));
        if (globals.json) return printJson(result);
        printText(
          `${result.org} 党员名册${result.on ? `（${result.on}）` : ''}：${result.members.length} 人\n${renderTable(
            [
              { header: 'id', value: (m) => m.id },
              { header: '姓名', value: (m) => m.name },
              { header: '身份', value: (m) => MEMBER_STATUS_LABELS[m.status] ?? m.status },
              { header: '现所在组织', value: (m) => m.orgId ?? '已离开' },
              { header: '加入日期', value: (m) => m.periods.find((p) => p.orgId === result.org)?.from },
            ],
            result.members,
          )}`,
        );
      }),
    );
}
