import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { MemberDoc, OrgDoc } from '../../../domain/src';
import { isValidCivilDate, ValidationError } from '../../../domain/src';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';
import { requireOrg } from './query-inputs';

export class ListOrgsQuery extends Query<{ orgs: OrgDoc[] }> {}

@QueryHandler(ListOrgsQuery)
export class ListOrgsHandler implements IQueryHandler<ListOrgsQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(): Promise<{ orgs: OrgDoc[] }> {
    await this.ledger.catchUp();
    return { orgs: await this.ledger.view.listOrgs() };
  }
}

export interface ListMembersInput {
  orgId: string;
  /** Only members of the org on this date (its roster then); all who ever belonged when omitted. */
  on?: string;
}

export class ListMembersQuery extends Query<{ org: string; on: string | null; members: MemberDoc[] }> {
  constructor(readonly input: ListMembersInput) {
    super();
  }
}

@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ input }: ListMembersQuery): Promise<{ org: string; on: string | null; members: MemberDoc[] }> {
    await this.ledger.catchUp();
    await requireOrg(this.ledger.view, input.orgId);
    if (input.on !== undefined && !isValidCivilDate(input.on)) {
      throw ValidationError.of('on', `日期无效：${input.on}`, `invalid date: ${input.on}`);
    }
    const all = await this.ledger.view.listMembers([input.orgId]);
    const on = input.on;
    const members = on
      ? all.filter((m) => m.periods.some((p) => p.orgId === input.orgId && p.from <= on && (p.to === null || on < p.to)))
      : all;
    return { org: input.orgId, on: on ?? null, members };
  }
}
