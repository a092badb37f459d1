import { Inject } from '@nestjs/common';
import { chinaDateOf, orgStreamId } from '../../../domain/src';
import type { CivilDate, DomainEvent } from '../../../domain/src';
import type { AppendResult, ExpectedVersion } from '../../../event-store/src';
import type { CommandMeta } from '../command-meta';
import type { Ledger } from '../ledger';
import { toNewEvents } from '../new-event';
import { KeyedTurns } from '../keyed-turns';
import { Clock, CLOCK, LEDGER } from '../tokens';
import { withConflictRetry } from '../with-conflict-retry';

/** Per ledger (one store), the org streams this process is writing to, for `attemptInTurn`. */
const orgTurns = new WeakMap<Ledger, KeyedTurns>();

/**
 * The shape every write takes: catch the read models up, gather facts, let the pure decider
 * validate and decide, append to the org's stream at the version the facts were read at; on a
 * concurrency conflict, start over from fresh facts.
 */
export abstract class LedgerCommandHandler {
  constructor(
    @Inject(LEDGER) protected readonly ledger: Ledger,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {}

  protected today(): CivilDate {
    return chinaDateOf(this.clock.now());
  }

  protected attempt<T>(body: () => Promise<T>): Promise<T> {
    return withConflictRetry(async () => {
      await this.ledger.catchUp();
      return body();
    });
  }

  /**
   * `attempt`, once this process's earlier writes to the same org have finished. Concurrent
   * requests for one org (several secretaries of a branch at once) would otherwise all read the
   * same stream version, and all but one of each group commit would fail and start over; in turn,
   * each reads the version the previous one left. Writers in other processes still meet the
   * conflict retry.
   */
  protected attemptInTurn<T>(orgId: string, body: () => Promise<T>): Promise<T> {
    let turns = orgTurns.get(this.ledger);
    if (!turns) {
      turns = new KeyedTurns();
      orgTurns.set(this.ledger, turns);
    }
    return turns.run(orgId, () => this.attempt(body));
  }

  protected async append(
    orgId: string,
    decided: readonly DomainEvent[],
    meta: CommandMeta,
    expectedVersion: ExpectedVersion,
    idempotencyKey?: string,
  ): Promise<void> {
    await this.appendTo(orgStreamId(orgId), decided, meta, expectedVersion, idempotencyKey);
  }

  /** The same, to any stream (a report's own `report-<orgId>`); undefined when nothing was decided. */
  protected async appendTo(
    streamId: string,
    decided: readonly DomainEvent[],
    meta: CommandMeta,
    expectedVersion: ExpectedVersion,
    idempotencyKey?: string,
  ): Promise<AppendResult | undefined> {
    if (decided.length === 0) return undefined;
    const events = toNewEvents(decided, meta, this.clock.now(), idempotencyKey);
    const result = await this.ledger.store.appendToStream(streamId, events, expectedVersion);
    // Read your own writes: on SQLite the append folded itself in (this is then two point reads);
    // elsewhere the read model is fed separately, and the caller's next screen must show the change.
    await this.ledger.catchUp();
    return result;
  }
}

/** Trims a raw text input the way deciders do, for looking facts up before deciding. */
export function key(value: unknown): string {
  return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
}
