/**
 * Where a ledger stream lives on the server. Three kinds of stream share `$all`: the ledger's own
 * streams, the event-id claims this adapter writes (see event-id-claims.ts), and everything else
 * (system `$` streams, other namespaces, other applications), which reads skip.
 */
export const CLAIM_STREAM_PREFIX = 'taizhang-event-id-';

export class StreamNaming {
  private readonly prefix: string;

  /** `namespace`, when given, prefixes every stream name as `namespace/`. */
  constructor(readonly namespace?: string) {
    this.prefix = namespace ? `${namespace}/` : '';
  }

  /** The server's name for a ledger stream. */
  serverName(streamId: string): string {
    return `${this.prefix}${streamId}`;
  }

  /** The stream that records which stream holds the event with this server event id. */
  claimStream(eventUuid: string): string {
    return `${this.prefix}${CLAIM_STREAM_PREFIX}${eventUuid}`;
  }

  /** The ledger stream id of a server stream name, or undefined when the stream is not a ledger stream. */
  ledgerStreamId(serverName: string): string | undefined {
    if (serverName.startsWith('$') || !serverName.startsWith(this.prefix)) return undefined;
    const streamId = serverName.slice(this.prefix.length);
    return streamId === '' || streamId.startsWith('$') || streamId.startsWith(CLAIM_STREAM_PREFIX) ? undefined : streamId;
  }

  /** The server-side prefix that selects the ledger streams starting with `streamPrefix`. */
  serverPrefix(streamPrefix = ''): string {
    return `${this.prefix}${streamPrefix}`;
  }

  /** Refuses stream ids the server reserves (`$…`) or this adapter uses for its claims. */
  assertLedgerStreamId(streamId: string): void {
    if (typeof streamId !== 'string' || streamId === '') throw new TypeError('stream id must be a non-empty string');
    if (streamId.startsWith('$')) throw new TypeError(`stream id ${streamId}: EventStoreDB reserves names starting with $ for system streams`);
    if (streamId.startsWith(CLAIM_STREAM_PREFIX)) throw new TypeError(`stream id ${streamId}: the prefix ${CLAIM_STREAM_PREFIX} is reserved for event-id claims`);
  }
}
