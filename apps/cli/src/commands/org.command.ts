import { Command } from 'commander';
import { ORG_KIND_INFO } from '../../../../libs/domain/src';
import type { OrgDoc } from '../../../../libs/domain/src';
import {
  DissolveOrganizationCommand,
  MoveOrganizationCommand,
  RegisterOrganizationCommand,
  RenameOrganizationCommand,
} from '../../../../libs/application/src/commands/organization.commands';
import { ListOrgsQuery } from '../../../../libs/application/src/queries/list-orgs.query';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';

export function registerOrg(program: Command): void {
  const org = program.command('org').description('组织管理：党委、党总支、党支部、党小组');

  org
    .command('add')
    .description('登记组织')
    .requiredOption('--id <id>', '组织 id')
    .requiredOption('--name <name>', '名称')
    .requiredOption('--kind <kind>', '类型：committee|leading-group|general-branch|branch|group（或中文）')
    .option('--parent <id>', '上级组织 id')
    .option('--established <date>', '成立日期')
    .action(
      verb<{ id: string; name: string; kind: string; parent?: string; established?: string }>(async ({ app, globals, opts }) => {
        const r = await app.commands.execute(
          new RegisterOrganizationCommand(
            { id: opts.id, name: opts.name, kind: opts.kind, parentId: opts.parent, establishedOn: opts.established },
            { actor: globals.actor, source: 'cli' },
          ),
        );
        if (globals.json) return printJson({ id: r.orgId, ok: true });
        printText(`已登记组织：${opts.name}（${r.orgId}）`);
      }),
    );

  org
    .command('rename')
    .description('组织更名')
    .requiredOption('--id <id>', '组织 id')
    .requiredOption('--name <name>', '新名称')
    .action(
      verb<{ id: string; name: string }>(async ({ app, globals, opts }) => {
        const r = await app.commands.execute(new RenameOrganizationCommand({ orgId: opts.id, name: opts.name }, { actor: globals.actor, source: 'cli' }));
        if (globals.json) return printJson({ id: r.orgId, ok: true });
        printText(`已更名：${r.orgId} → ${opts.name}`);
      }),
    );

  org
    .command('move')
    .description('调整隶属关系')
    .requiredOption('--id <id>', '组织 id')
    .requiredOption('--parent <id>', '新的上级组织 id')
    .action(
      verb<{ id: string; parent: string }>(async ({ app, globals, opts }) => {
        const r = await app.commands.execute(new MoveOrganizationCommand({ orgId: opts.id, parentId: opts.parent }, { actor: globals.actor, source: 'cli' }));
        if (globals.json) return printJson({ id: r.orgId, ok: true });
        printText(`已调整隶属：${r.orgId} → ${opts.parent}`);
      }),
    );

  org
    .command('dissolve')
    .description('撤销组织')
    .requiredOption('--id <id>', '组织 id')
    .option('--on <date>', '撤销日期（默认今天）')
    .option('--reason <text>', '原因（必填）')
    .action(
      verb<{ id: string; on?: string; reason?: string }>(async ({ app, globals, opts }) => {
        const r = await app.commands.execute(
          new DissolveOrganizationCommand({ orgId: opts.id, on: opts.on, reason: opts.reason }, { actor: globals.actor, source: 'cli' }),
        );
        if (globals.json) return printJson({ id: r.orgId, ok: true });
        printText(`已撤销组织：${r.orgId}`);
      }),
    );

  org
    .command('list')
    .description('组织树')
    .action(
      verb<Record<string, never>>(async ({ app, globals }) => {
        const { orgs } = await app.queries.execute(new ListOrgsQuery());
        if (globals.json) return printJson({ orgs });
        if (orgs.length === 0) return printText('尚未登记任何组织（用 taizhang org add 登记）');
        printText(renderTree(orgs));
      }),
    );
}

function renderTree(orgs: OrgDoc[]): string {
  const children = new Map<string | null, OrgDoc[]>();
  const ids = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const lines: string[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const o of children.get(parent) ?? []) {
      lines.push(`${'  '.repeat(depth)}${o.name}（${o.id}，${ORG_KIND_INFO[o.kind].name}${o.dissolvedOn ? `，${o.dissolvedOn} 撤销` : ''}）`);
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines.join('\n');
}
