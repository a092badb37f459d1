import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { orgStreamId, ValidationError } from '../../../domain/src';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';
import { parseAsOf } from './as-of';

export interface HistoryInput {
  orgId: string;
  asOf?: string;
}

export interface HistoryEntry {
  streamVersion: number;
  globalPosition: string;
  eventId: string;
  type: string;
  schemaVersion: number;
  recordedAt: string;
  actor: string;
  source: string;
  prevHash: string;
  hash: string;
  data: unknown;
}

export interface HistoryResult {
  org: string;
  stream: string;
  asOf: string | null;
  events: HistoryEntry[];
}

export class HistoryQuery extends Query<HistoryResult> {
  constructor(readonly input: HistoryInput) {
    super();
  }
}

/** An organisation's stream as stored: audit reads the store itself, not a read model. */
@QueryHandler(HistoryQuery)
export class HistoryHandler implements IQueryHandler<HistoryQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ input }: HistoryQuery): Promise<HistoryResult> {
    const asOf = parseAsOf(input.asOf);
    const stream = orgStreamId(input.orgId ?? '');
    const events = await this.ledger.store.readStream(stream);
    if (events.length === 0) throw ValidationError.of('orgId', `组织不存在：${input.orgId ?? ''}`, `unknown organisation: ${input.orgId ?? ''}`);
    const shown = asOf ? events.filter((e) => e.metadata.recordedAt <= asOf) : events;
    return {
      org: input.orgId,
      stream,
      asOf: asOf ?? null,
      events: shown.map((e) => ({
        streamVersion: e.streamVersion,
        globalPosition: e.globalPosition.toString(),
        eventId: e.eventId,
        type: e.type,
        schemaVersion: e.schemaVersion,
        recordedAt: e.metadata.recordedAt,
        actor: e.metadata.actor,
        source: e.metadata.source,
        prevHash: e.prevHash,
        hash: e.hash,
        data: e.data,
      })),
    };
  }
}
