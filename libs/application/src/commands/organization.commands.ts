import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideDissolveOrganization,
  decideMoveOrganization,
  decideRegisterOrganization,
  decideRenameOrganization,
  DissolveOrganizationInput,
  MoveOrganizationInput,
  RegisterOrganizationInput,
  RenameOrganizationInput,
} from '../../../domain/src/commands';
import type { OrgDoc } from '../../../domain/src';
import type { CommandMeta } from '../command-meta';
import { key, LedgerCommandHandler } from './ledger-command-handler';

export class RegisterOrganizationCommand extends Command<{ orgId: string }> {
  constructor(
    readonly input: RegisterOrganizationInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler extends LedgerCommandHandler implements ICommandHandler<RegisterOrganizationCommand> {
  execute({ input, meta }: RegisterOrganizationCommand): Promise<{ orgId: string }> {
    return this.attempt(async () => {
      const view = this.ledger.view;
      const orgId = key(input.id);
      const parentId = key(input.parentId);
      const [existing, parent] = await Promise.all([orgId ? view.getOrg(orgId) : undefined, parentId ? view.getOrg(parentId) : undefined]);
      const decided = decideRegisterOrganization(input, { today: this.today(), existing, parent });
      await this.append(orgId, decided, meta, 'no-stream');
      return { orgId };
    });
  }
}

export class RenameOrganizationCommand extends Command<{ orgId: string }> {
  constructor(
    readonly input: RenameOrganizationInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(RenameOrganizationCommand)
export class RenameOrganizationHandler extends LedgerCommandHandler implements ICommandHandler<RenameOrganizationCommand> {
  execute({ input, meta }: RenameOrganizationCommand): Promise<{ orgId: string }> {
    return this.attempt(async () => {
      const org = await this.ledger.view.getOrg(key(input.orgId));
      const decided = decideRenameOrganization(input, { org });
      await this.append(key(input.orgId), decided, meta, org?.streamVersion ?? 'no-stream');
      return { orgId: key(input.orgId) };
    });
  }
}

export class MoveOrganizationCommand extends Command<{ orgId: string }> {
  constructor(
    readonly input: MoveOrganizationInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(MoveOrganizationCommand)
export class MoveOrganizationHandler extends LedgerCommandHandler implements ICommandHandler<MoveOrganizationCommand> {
  execute({ input, meta }: MoveOrganizationCommand): Promise<{ orgId: string }> {
    return this.attempt(async () => {
      const view = this.ledger.view;
      const org = await view.getOrg(key(input.orgId));
      const parentId = key(input.parentId);
      const parent = parentId ? await view.getOrg(parentId) : undefined;
      const parentAncestorIds: string[] = [];
      // Walk up from the new parent so the decider can refuse a move under one's own descendant.
      for (let cur: OrgDoc | undefined = parent; cur?.parentId; cur = await view.getOrg(cur.parentId)) {
        if (parentAncestorIds.includes(cur.parentId)) break;
        parentAncestorIds.push(cur.parentId);
      }
      const decided = decideMoveOrganization(input, { org, parent, parentAncestorIds });
      await this.append(key(input.orgId), decided, meta, org?.streamVersion ?? 'no-stream');
      return { orgId: key(input.orgId) };
    });
  }
}

export class DissolveOrganizationCommand extends Command<{ orgId: string }> {
  constructor(
    readonly input: DissolveOrganizationInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(DissolveOrganizationCommand)
export class DissolveOrganizationHandler extends LedgerCommandHandler implements ICommandHandler<DissolveOrganizationCommand> {
  execute({ input, meta }: DissolveOrganizationCommand): Promise<{ orgId: string }> {
    return this.attempt(async () => {
      const view = this.ledger.view;
      const orgId = key(input.orgId);
      const org = await view.getOrg(orgId);
      const [children, members] = org ? await Promise.all([view.listChildOrgs(orgId), view.listMembers([orgId])]) : [[], []];
      const decided = decideDissolveOrganization(input, { today: this.today(), org, children, members });
      await this.append(orgId, decided, meta, org?.streamVersion ?? 'no-stream');
      return { orgId };
    });
  }
}
