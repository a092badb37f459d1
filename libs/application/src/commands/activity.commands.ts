import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CorrectActivityInput,
  decideCorrectActivity,
  decideLogActivity,
  decideVoidActivity,
  LogActivityInput,
  memberIdsMentioned,
  VoidActivityInput,
} from '../../../domain/src/commands';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src';
import { getMembers } from '../../../projections/src/get-members';
import type { LedgerView } from '../../../projections/src/ledger-view';
import type { CommandMeta } from '../command-meta';
import { key, LedgerCommandHandler } from './ledger-command-handler';

export interface ActivityResult {
  activityId: string;
  /** True when the same activity was already stored under this id: nothing was appended. */
  alreadyLogged: boolean;
}

/** A short id a secretary can type back (`correct 20210305-k3x9qz`): the date plus random letters. */
export function newActivityId(date: unknown): string {
  const day = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date.trim()) ? date.trim().replace(/-/g, '') : 'a';
  // randomUUID draws from a buffered entropy pool: far cheaper per call than randomBytes.
  const hex = randomUUID().replace(/-/g, '');
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return `${day}-${suffix}`;
}

async function activityFacts(view: LedgerView, orgId: string, input: LogActivityInput | CorrectActivityInput, existing?: ActivityDoc) {
  // All at once: on a networked read model each read is a round trip, and they do not depend on each other.
  const memberIds = [...memberIdsMentioned(input, existing?.details)];
  const [org, childGroups, memberDocs] = await Promise.all([
    orgId ? view.getOrg(orgId) : undefined,
    orgId ? view.listChildOrgs(orgId) : [],
    getMembers(view, memberIds),
  ]);
  const members: Record<string, MemberDoc | undefined> = {};
  memberIds.forEach((id, i) => (members[id] = memberDocs[i]));
  return { org: org as OrgDoc | undefined, childGroups: org ? childGroups : [], members };
}

export class LogActivityCommand extends Command<ActivityResult> {
  constructor(
    readonly input: LogActivityInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(LogActivityCommand)
export class LogActivityHandler extends LedgerCommandHandler implements ICommandHandler<LogActivityCommand> {
  execute({ input, meta }: LogActivityCommand): Promise<ActivityResult> {
    // The id is fixed before the first attempt, so a retry after a conflict cannot log twice.
    const activityId = key(input.activityId) || newActivityId(input.date);
    const orgId = key(input.orgId);
    return this.attemptInTurn(orgId, async () => {
      const view = this.ledger.view;
      // Nearly always a new id: read the facts for a new activity alongside the lookup, and read
      // them again (with the stored activity's members) only when it turns out to exist.
      const [existing, factsIfNew] = await Promise.all([view.getActivity(activityId), activityFacts(view, orgId, input)]);
      const facts = existing ? await activityFacts(view, orgId, input, existing) : factsIfNew;
      const decision = decideLogActivity({ ...input, activityId }, { today: this.today(), existing, ...facts });
      // Deterministic event ids: a concurrent duplicate of the same request is absorbed by the store.
      await this.append(orgId, decision.events, meta, facts.org?.streamVersion ?? 'no-stream', `activity:${activityId}:logged`);
      return { activityId, alreadyLogged: decision.events.length === 0 };
    });
  }
}

export class CorrectActivityCommand extends Command<ActivityResult> {
  constructor(
    readonly input: CorrectActivityInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(CorrectActivityCommand)
export class CorrectActivityHandler extends LedgerCommandHandler implements ICommandHandler<CorrectActivityCommand> {
  execute({ input, meta }: CorrectActivityCommand): Promise<ActivityResult> {
    return this.attempt(async () => {
      const view = this.ledger.view;
      const activityId = key(input.activityId);
      const existing = activityId ? await view.getActivity(activityId) : undefined;
      const orgId = existing?.orgId ?? '';
      const facts = await activityFacts(view, orgId, input, existing);
      const decided = decideCorrectActivity(input, { today: this.today(), existing, ...facts });
      await this.append(orgId, decided, meta, facts.org?.streamVersion ?? 'no-stream');
      return { activityId, alreadyLogged: false };
    });
  }
}

export class VoidActivityCommand extends Command<ActivityResult> {
  constructor(
    readonly input: VoidActivityInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(VoidActivityCommand)
export class VoidActivityHandler extends LedgerCommandHandler implements ICommandHandler<VoidActivityCommand> {
  execute({ input, meta }: VoidActivityCommand): Promise<ActivityResult> {
    return this.attempt(async () => {
      const activityId = key(input.activityId);
      const existing = activityId ? await this.ledger.view.getActivity(activityId) : undefined;
      const decided = decideVoidActivity(input, { existing });
      const org = existing ? await this.ledger.view.getOrg(existing.orgId) : undefined;
      await this.append(existing?.orgId ?? '', decided, meta, org?.streamVersion ?? 'no-stream');
      return { activityId, alreadyLogged: false };
    });
  }
}
