import { StoredEvent } from './envelope';

/**
 * Upcasters lift an event stored with an old schema version to the current one, on read, before
 * any reducer sees it. Stored bytes never change (the hash chain covers them).
 */
export type Upcaster = (event: StoredEvent) => StoredEvent;

const registry = new Map<string, Upcaster>();

function key(type: string, fromVersion: number): string {
  return `${type}@${fromVersion}`;
}

/** Registers the step from `fromVersion` to `fromVersion + 1` for one event type. */
export function registerUpcaster(type: string, fromVersion: number, upcaster: Upcaster): void {
  registry.set(key(type, fromVersion), upcaster);
}

export function upcast(event: StoredEvent): StoredEvent {
  let current = event;
  for (let step = registry.get(key(current.type, current.schemaVersion)); step; step = registry.get(key(current.type, current.schemaVersion))) {
    const next = step(current);
    if (next.schemaVersion <= current.schemaVersion) throw new Error(`upcaster for ${current.type}@${current.schemaVersion} did not raise the version`);
    current = next;
  }
  return current;
}
