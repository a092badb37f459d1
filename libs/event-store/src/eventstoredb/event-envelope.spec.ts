import type { EventData } from '@eventstore/db-client';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { convertGrpcRecord } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { canonicalJson } from '../canonical-json';
import { sampleEvent, sampleEvents, sampleMetadata } from '../contract/sample-events';
import { GENESIS_HASH, NewEvent, StoredEvent } from '../envelope';
import { chainEvents, hashOf, StreamChainVerifier } from '../hash-chain';
import { decodeEvent, decodeLedgerEvent, encodeEvent } from './event-envelope';
import { serverEventUuid } from './event-uuid';
import { RecordLike } from './recorded-event';
import { CLAIM_STREAM_PREFIX, StreamNaming } from './stream-naming';

/**
 * What the server hands back for an appended event, built the way the client library builds and
 * reads it: the append serialises JSON data and metadata with JSON.stringify (as the client's
 * append does), the record travels as a protobuf message, and the client's own converter turns it
 * into the RecordedEvent the adapter reads.
 */
function asServerReturnsIt(event: EventData, serverStream: string, revision: bigint, position: bigint | undefined): RecordLike {
  const record = new ReadResp.ReadEvent.RecordedEvent();
  record.setId(new UUID().setString(event.id));
  record.setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(serverStream, 'utf8')));
  record.setStreamRevision(revision.toString());
  // The server writes uint64 -1 where it has no position to give.
  record.setCommitPosition((position ?? 2n ** 64n - 1n).toString());
  record.setPreparePosition((position ?? 2n ** 64n - 1n).toString());
  record.getMetadataMap().set('type', event.type);
  record.getMetadataMap().set('content-type', event.contentType);
  record.getMetadataMap().set('created', '638400000000000000');
  record.setData(event.contentType === 'application/json' ? Buffer.from(JSON.stringify(event.data), 'utf8') : event.data);
  if (event.metadata) record.setCustomMetadata(Buffer.from(JSON.stringify(event.metadata), 'utf8'));
  const wire = ReadResp.ReadEvent.RecordedEvent.deserializeBinary(record.serializeBinary());
  return convertGrpcRecord(wire) as RecordLike;
}

const naming = new StreamNaming();

/** Appends a batch "on the server" from an empty stream: positions 1000, 2000, … */
function roundTrip(events: readonly NewEvent[], streamId = 'org-branch-1', on: StreamNaming = naming): StoredEvent[] {
  return chainEvents(streamId, 0, GENESIS_HASH, events).map((chained, i) => {
    const record = asServerReturnsIt(encodeEvent(chained), on.serverName(streamId), BigInt(i), BigInt((i + 1) * 1000));
    return decodeLedgerEvent(record, on);
  });
}

describe('event envelope on the server', () => {
  it('reads back every field of the envelope, versions from revisions and positions as bigint', () => {
    const events = [
      sampleEvent(),
      sampleEvent({
        type: 'MemberEnrolled',
        schemaVersion: 3,
        data: { zeta: '党建🚩 “引号” \\ / \n 换行', alpha: [1, -2.5, 0, 1e-7, 123456789012, true, false, null, [], {}], nested: { b: null, a: '' } },
        metadata: sampleMetadata({ source: 'import', causationId: 'cmd-7', importFile: '2024年台账.xlsx', row: 12 }),
      }),
    ];
    const chained = chainEvents('org-branch-1', 0, GENESIS_HASH, events);

    const read = roundTrip(events);
    read.forEach((stored, i) => {
      expect(stored).toEqual({
        ...events[i],
        streamId: 'org-branch-1',
        streamVersion: i + 1,
        globalPosition: BigInt((i + 1) * 1000),
        prevHash: chained[i].prevHash,
        hash: chained[i].hash,
      });
    });
  });

  it('decodes events whose hashes recompute with hashOf, as one unbroken chain', () => {
    const read = roundTrip(sampleEvents(5));
    const verifier = new StreamChainVerifier('org-branch-1');
    for (const event of read) {
      expect(hashOf(event)).toBe(event.hash);
      verifier.check(event);
    }
    expect(read[0].prevHash).toBe(GENESIS_HASH);
    expect(verifier.firstBreak).toBeUndefined();
    expect(verifier.count).toBe(5);
  });

  it('stores values that are not plain JSON as the JSON they were hashed as', () => {
    class Place {
      constructor(readonly room: string) {}
    }
    const event = sampleEvent({ data: { at: new Date('2024-03-15T00:00:00Z'), place: new Place('三楼'), skip: undefined } });
    const [stored] = roundTrip([event]);
    expect(stored.data).toEqual(JSON.parse(canonicalJson(event.data)));
    expect(stored.data).toHaveProperty('place', { room: '三楼' });
    expect(hashOf(stored)).toBe(stored.hash);
  });

  it('shows edited data as a hash break', () => {
    const [first, second] = chainEvents('org-1', 0, GENESIS_HASH, sampleEvents(2));
    const forged = encodeEvent({ ...second, dataJson: JSON.stringify({ title: '伪造的会议' }) });
    const events = [
      decodeLedgerEvent(asServerReturnsIt(encodeEvent(first), 'org-1', 0n, 10n), naming),
      decodeLedgerEvent(asServerReturnsIt(forged, 'org-1', 1n, 20n), naming),
    ];
    const verifier = new StreamChainVerifier('org-1');
    for (const event of events) verifier.check(event);
    expect(verifier.firstBreak).toMatchObject({ streamVersion: 2, reason: 'hash-mismatch' });
  });

  it('reports the version the server holds an event at, so a missing event shows as a gap', () => {
    const [first, , third] = chainEvents('org-1', 0, GENESIS_HASH, sampleEvents(3));
    const events = [
      decodeLedgerEvent(asServerReturnsIt(encodeEvent(first), 'org-1', 0n, 10n), naming),
      // Hashed as version 3 but held at revision 1 (version 2): as if the event between were gone.
      decodeLedgerEvent(asServerReturnsIt(encodeEvent(third), 'org-1', 1n, 30n), naming),
    ];
    expect(events[1].streamVersion).toBe(2);
    const verifier = new StreamChainVerifier('org-1');
    for (const event of events) verifier.check(event);
    expect(verifier.firstBreak).toMatchObject({ streamVersion: 2, reason: 'prev-hash-mismatch' });
  });

  it('uses the event id as the server id when it is a UUID, and a stable UUID otherwise', () => {
    const uuid = 'A3BB189E-8BF9-3888-9912-ACE4E6543002';
    expect(serverEventUuid(uuid)).toBe(uuid.toLowerCase());
    const derived = serverEventUuid('import:2024年台账.xlsx#12');
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(serverEventUuid('import:2024年台账.xlsx#12')).toBe(derived);
    expect(serverEventUuid('import:2024年台账.xlsx#13')).not.toBe(derived);
    // The server refuses the nil UUID as an event id.
    expect(serverEventUuid('00000000-0000-0000-0000-000000000000')).not.toBe('00000000-0000-0000-0000-000000000000');

    const event = sampleEvent({ eventId: 'import:2024年台账.xlsx#12' });
    const [stored] = roundTrip([event]);
    expect(stored.eventId).toBe('import:2024年台账.xlsx#12');
    expect(hashOf(stored)).toBe(stored.hash);
  });

  it('repeats correlation and causation ids under the names the server knows', () => {
    const [chained] = chainEvents('org-1', 0, GENESIS_HASH, [sampleEvent({ metadata: sampleMetadata({ correlationId: 'c-1', causationId: 'e-0' }) })]);
    expect(encodeEvent(chained).metadata).toMatchObject({ $correlationId: 'c-1', $causationId: 'e-0', taizhang: 1 });
    expect(encodeEvent(chained).contentType).toBe('application/json');
  });

  describe('in a namespace', () => {
    const spaced = new StreamNaming('test-run-1');

    it('writes under the namespace and reads the ledger stream id back', () => {
      const [stored] = roundTrip([sampleEvent()], 'org-1', spaced);
      expect(stored.streamId).toBe('org-1');
      expect(hashOf(stored)).toBe(stored.hash);
    });

    it('ignores events of other namespaces and outside any', () => {
      const [chained] = chainEvents('org-1', 0, GENESIS_HASH, [sampleEvent()]);
      const elsewhere = asServerReturnsIt(encodeEvent(chained), 'test-run-2/org-1', 0n, 5n);
      const bare = asServerReturnsIt(encodeEvent(chained), 'org-1', 0n, 6n);
      expect(decodeEvent(elsewhere, spaced)).toBeUndefined();
      expect(decodeEvent(bare, spaced)).toBeUndefined();
      expect(decodeEvent(bare, naming)).toBeDefined();
    });
  });

  describe('records that are not ledger events', () => {
    const foreign: EventData = { id: '5b6e9e5c-3a2c-4c1e-9f0e-7f1d2a3b4c5d', contentType: 'application/json', type: 'OrderPlaced', data: { order: 1 }, metadata: undefined };

    it('are skipped in $all: system streams, claims, other applications', () => {
      const [chained] = chainEvents('org-1', 0, GENESIS_HASH, [sampleEvent()]);
      expect(decodeEvent(asServerReturnsIt(foreign, 'orders-1', 0n, 1n), naming)).toBeUndefined();
      expect(decodeEvent(asServerReturnsIt(encodeEvent(chained), '$stats-127.0.0.1:2113', 0n, 2n), naming)).toBeUndefined();
      expect(decodeEvent(asServerReturnsIt(foreign, `${CLAIM_STREAM_PREFIX}${foreign.id}`, 0n, 3n), naming)).toBeUndefined();
      const binary: EventData = { ...foreign, contentType: 'application/octet-stream', data: new Uint8Array([1, 2, 3]), type: 'Blob' } as EventData;
      expect(decodeEvent(asServerReturnsIt(binary, 'org-1', 0n, 4n), naming)).toBeUndefined();
    });

    it('are an error inside a ledger stream', () => {
      expect(() => decodeLedgerEvent(asServerReturnsIt(foreign, 'org-1', 3n, 1n), naming)).toThrow(/Event 4 of stream org-1 was not written by Taizhang/);
    });

    it('with our marker but a layout this version cannot read are an error, not skipped', () => {
      const future: EventData = { ...foreign, metadata: { taizhang: 2, eventId: 'x' } } as EventData;
      expect(() => decodeEvent(asServerReturnsIt(future, 'org-1', 0n, 1n), naming)).toThrow(/format 2/);
    });
  });

  it('refuses to guess a position the server did not report (servers before 22.10 on stream reads)', () => {
    const [chained] = chainEvents('org-1', 0, GENESIS_HASH, [sampleEvent()]);
    expect(() => decodeEvent(asServerReturnsIt(encodeEvent(chained), 'org-1', 0n, undefined), naming)).toThrow(/22\.10/);
  });
});
