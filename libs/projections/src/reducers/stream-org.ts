import { ORG_STREAM_PREFIX } from '../../../domain/src/events/domain-event';

/** The organisation whose stream this is (`org-<id>`), or undefined for any other stream. */
export function orgIdOfStream(streamId: string): string | undefined {
  return streamId.startsWith(ORG_STREAM_PREFIX) ? streamId.slice(ORG_STREAM_PREFIX.length) : undefined;
}
