import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  ChangeMemberStatusInput,
  decideChangeMemberStatus,
  decideEnrollMember,
  decideMemberLeave,
  decideTransferMember,
  EnrollMemberInput,
  MemberLeaveInput,
  TransferMemberInput,
} from '../../../domain/src/commands';
import type { CivilDate, DomainEvent, MemberDoc, OrgDoc } from '../../../domain/src';
import type { CommandMeta } from '../command-meta';
import { key, LedgerCommandHandler } from './ledger-command-handler';

type MemberResult = { memberId: string };

export class EnrollMemberCommand extends Command<MemberResult> {
  constructor(
    readonly input: EnrollMemberInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(EnrollMemberCommand)
export class EnrollMemberHandler extends LedgerCommandHandler implements ICommandHandler<EnrollMemberCommand> {
  execute({ input, meta }: EnrollMemberCommand): Promise<MemberResult> {
    return this.attempt(async () => {
      const memberId = key(input.memberId);
      const orgId = key(input.orgId);
      const [org, existing] = await Promise.all([orgId ? this.ledger.view.getOrg(orgId) : undefined, memberId ? this.ledger.view.getMember(memberId) : undefined]);
      const decided = decideEnrollMember(input, { today: this.today(), org, existing });
      await this.append(orgId, decided, meta, org?.streamVersion ?? 'no-stream');
      return { memberId };
    });
  }
}

/** Member changes after enrolment are recorded in the stream of the org the member belongs to now. */
abstract class CurrentMemberHandler extends LedgerCommandHandler {
  protected async decideAndAppend(
    memberIdInput: unknown,
    meta: CommandMeta,
    decide: (facts: { today: CivilDate; member?: MemberDoc }, lookup: (orgId: string) => Promise<OrgDoc | undefined>) => Promise<DomainEvent[]>,
  ): Promise<MemberResult> {
    return this.attempt(async () => {
      const memberId = key(memberIdInput);
      const member = memberId ? await this.ledger.view.getMember(memberId) : undefined;
      const decided = await decide({ today: this.today(), member }, (id) => this.ledger.view.getOrg(id));
      const orgId = member?.orgId ?? '';
      const org = await this.ledger.view.getOrg(orgId);
      await this.append(orgId, decided, meta, org?.streamVersion ?? 'no-stream');
      return { memberId };
    });
  }
}

export class TransferMemberCommand extends Command<MemberResult> {
  constructor(
    readonly input: TransferMemberInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(TransferMemberCommand)
export class TransferMemberHandler extends CurrentMemberHandler implements ICommandHandler<TransferMemberCommand> {
  execute({ input, meta }: TransferMemberCommand): Promise<MemberResult> {
    const toOrgId = key(input.toOrgId);
    return this.decideAndAppend(input.memberId, meta, async (facts, lookup) =>
      decideTransferMember(input, { ...facts, target: toOrgId ? await lookup(toOrgId) : undefined }),
    );
  }
}

export class ChangeMemberStatusCommand extends Command<MemberResult> {
  constructor(
    readonly input: ChangeMemberStatusInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(ChangeMemberStatusCommand)
export class ChangeMemberStatusHandler extends CurrentMemberHandler implements ICommandHandler<ChangeMemberStatusCommand> {
  execute({ input, meta }: ChangeMemberStatusCommand): Promise<MemberResult> {
    return this.decideAndAppend(input.memberId, meta, async (facts) => decideChangeMemberStatus(input, facts));
  }
}

export class MemberLeaveCommand extends Command<MemberResult> {
  constructor(
    readonly input: MemberLeaveInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(MemberLeaveCommand)
export class MemberLeaveHandler extends CurrentMemberHandler implements ICommandHandler<MemberLeaveCommand> {
  execute({ input, meta }: MemberLeaveCommand): Promise<MemberResult> {
    return this.decideAndAppend(input.memberId, meta, async (facts) => decideMemberLeave(input, facts));
  }
}
