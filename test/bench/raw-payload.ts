import { randomUUID } from 'node:crypto';
import { syntheticActivity } from './synthetic-activity';

/** One typical activity event's data and metadata texts, for the raw ceilings of every store. */
export function rawPayload(): { data: string; metadata: string } {
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const roster = Array.from({ length: 25 }, (_, i) => `bench-raw-b1-m${i + 1}`);
  const activity = syntheticActivity(random, { name: '第1党支部', kind: 'branch', roster }, '2024-05-20');
  return {
    data: JSON.stringify({ activityId: '20240520-raw', orgId: 'bench-raw-b1', activity }),
    metadata: JSON.stringify({ actor: 'secretary', recordedAt: '2024-05-21T02:00:00.000Z', source: 'web', correlationId: randomUUID(), causationId: null }),
  };
}
