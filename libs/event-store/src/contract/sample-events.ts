import { randomUUID } from 'node:crypto';
import { EventMetadata, NewEvent } from '../envelope';

/** Metadata as a handler would write it; each call gets its own correlation id. */
export function sampleMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: 'secretary-zhang',
    recordedAt: '2024-03-15T08:30:00.000Z',
    source: 'web',
    correlationId: randomUUID(),
    causationId: null,
    ...overrides,
  };
}

/** A new event with a fresh id and realistic Chinese content; override what a test cares about. */
export function sampleEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ActivityLogged',
    schemaVersion: 1,
    data: {
      activityId: `act-${randomUUID()}`,
      orgId: 'org-branch-1',
      occurredOn: '2024-03-15',
      kinds: ['branch-assembly', 'party-lecture'],
      title: '支部党员大会暨专题党课',
      place: '三楼会议室',
      attendees: [
        { memberId: 'm-1', status: 'present' },
        { memberId: 'm-2', status: 'leave' },
      ],
      hours: 2.5,
    },
    metadata: sampleMetadata(),
    ...overrides,
  };
}

export function sampleEvents(count: number, overrides: Partial<NewEvent> = {}): NewEvent[] {
  return Array.from({ length: count }, () => sampleEvent(overrides));
}
