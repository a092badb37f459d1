import { deterministicUuid, timeOrderedUuid, toNewEvents } from './new-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  it('makes version-7 ids that sort by time', () => {
    const earlier = timeOrderedUuid(Date.parse('2021-03-05T00:00:00Z'));
    const later = timeOrderedUuid(Date.parse('2021-03-05T00:00:00.001Z'));
    expect(earlier).toMatch(UUID);
    expect(earlier[14]).toBe('7');
    expect(earlier < later).toBe(true);
    expect(timeOrderedUuid(0)).not.toBe(timeOrderedUuid(0));
  });

  it('derives the same id from the same name, and a different one from another', () => {
    expect(deterministicUuid('activity:a1')).toBe(deterministicUuid('activity:a1'));
    expect(deterministicUuid('activity:a1')).not.toBe(deterministicUuid('activity:a2'));
    expect(deterministicUuid('activity:a1')).toMatch(UUID);
  });

  it('wraps decided events with the actor, source, time and schema version', () => {
    const at = new Date('2021-03-05T02:00:00Z');
    const [e] = toNewEvents(
      [{ type: 'ActivityVoided', data: { activityId: 'a1', orgId: 'b1', reason: '重复登记' } }],
      { actor: '张三', source: 'cli', correlationId: 'c1' },
      at,
    );
    expect(e).toMatchObject({ type: 'ActivityVoided', schemaVersion: 1, metadata: { actor: '张三', source: 'cli', recordedAt: at.toISOString(), correlationId: 'c1', causationId: null } });
    expect(e.eventId).toMatch(UUID);
  });
});
