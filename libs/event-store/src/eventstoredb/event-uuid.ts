import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL = '00000000-0000-0000-0000-000000000000';

/**
 * The server's id for one of our events. EventStoreDB ids are UUIDs (and it dedupes appends by
 * them), so a UUID event id is used as it is; any other id, or the nil UUID the server refuses,
 * becomes a name-based UUID of its own, the same every time. Our own id travels in the metadata.
 */
export function serverEventUuid(eventId: string): string {
  if (UUID.test(eventId) && eventId !== NIL) return eventId.toLowerCase();
  const h = createHash('sha256').update(`taizhang:event:${eventId}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
