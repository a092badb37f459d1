import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { accountStreamId, orgStreamId, reportStreamId, ValidationError } from '../../../domain/src';
import { StreamChainVerifier } from '../../../event-store/src';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';

export interface VerifyInput {
  orgId?: string;
}

export interface VerifyResult {
  ok: boolean;
  streams: number;
  events: number;
  /** Head (version, hash) of every verified stream: what a report records as its chain heads. */
  heads: Record<string, { version: number; hash: string }>;
  stream?: string;
  version?: number;
  eventId?: string;
  reason?: string;
}

export class VerifyQuery extends Query<VerifyResult> {
  constructor(readonly input: VerifyInput) {
    super();
  }
}

/** Recomputes every hash chain from the stored events and names the first broken event. */
@QueryHandler(VerifyQuery)
export class VerifyHandler implements IQueryHandler<VerifyQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ input }: VerifyQuery): Promise<VerifyResult> {
    const verifiers = new Map<string, StreamChainVerifier>();
    const check = (e: Parameters<StreamChainVerifier['check']>[0]) => {
      let v = verifiers.get(e.streamId);
      if (!v) verifiers.set(e.streamId, (v = new StreamChainVerifier(e.streamId)));
      v.check(e);
    };
    if (input.orgId) {
      const events = await this.ledger.store.readStream(orgStreamId(input.orgId));
      if (events.length === 0) throw ValidationError.of('orgId', `组织不存在：${input.orgId}`, `unknown organisation: ${input.orgId}`);
      events.forEach(check);
    } else {
      let from = 0n;
      for (;;) {
        const page = await this.ledger.store.readAll({ fromPosition: from, maxCount: 5000 });
        if (page.length === 0) break;
        page.forEach(check);
        from = page[page.length - 1].globalPosition;
      }
    }
    const result: VerifyResult = { ok: true, streams: verifiers.size, events: 0, heads: {} };
    for (const v of verifiers.values()) {
      result.events += v.count;
      const broken = v.firstBreak;
      if (broken && result.ok) {
        Object.assign(result, { ok: false, stream: broken.streamId, version: broken.streamVersion, eventId: broken.eventId, reason: broken.reason });
      }
      result.heads[v.streamId] = v.head;
    }
    if (result.ok) await this.checkNothingCutOff(result, input.orgId);
    return result;
  }

  /**
   * A chain cannot show that its newest events were deleted; the read model remembers how long each
   * organisation's stream was, so a stream now shorter than that lost its tail. It also remembers
   * where each recorded report sits in its `report-<orgId>` stream, so a deleted report record is
   * caught the same way; only by a whole-ledger verify, which is the one that reads report streams.
   * Account streams likewise: a deleted `AccountDisabled` or password change must not pass unseen.
   */
  private async checkNothingCutOff(result: VerifyResult, orgId: string | undefined): Promise<void> {
    const view = this.ledger.view;
    const orgs = orgId ? [await view.getOrg(orgId)] : await view.listOrgs();
    const expected: { stream: string; version: number }[] = [];
    for (const org of orgs) if (org) expected.push({ stream: orgStreamId(org.id), version: org.streamVersion });
    if (!orgId) for (const r of await view.listReports()) expected.push({ stream: reportStreamId(r.orgId), version: r.streamVersion });
    if (!orgId) for (const a of await view.listAccounts()) expected.push({ stream: accountStreamId(a.username), version: a.version });
    for (const { stream, version } of expected) {
      const stored = result.heads[stream]?.version ?? 0;
      if (version > stored) {
        Object.assign(result, { ok: false, stream, version: stored + 1, reason: 'missing-events' });
        return;
      }
    }
  }
}
