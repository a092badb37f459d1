import type { DomainEvent } from '../events/domain-event';

/** What a decider returns: type and data only; the handler adds ids and metadata. */
export type DecidedEvent = DomainEvent;
