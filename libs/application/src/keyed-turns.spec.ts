import { KeyedTurns } from './keyed-turns';

/** A task that starts when run and finishes when told to, recording both. */
function controlled(log: string[], name: string) {
  let finish!: (outcome: 'ok' | 'fail') => void;
  const task = () => {
    log.push(`start ${name}`);
    return new Promise<string>((resolve, reject) => {
      finish = (outcome) => {
        log.push(`end ${name}`);
        if (outcome === 'ok') resolve(name);
        else reject(new Error(name));
      };
    });
  };
  return { task, finish: (outcome: 'ok' | 'fail' = 'ok') => finish(outcome) };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('KeyedTurns', () => {
  it('runs tasks of one key one after another, in the order asked, each with its own outcome', async () => {
    const turns = new KeyedTurns();
    const log: string[] = [];
    const a = controlled(log, 'a1');
    const b = controlled(log, 'a2');
    const c = controlled(log, 'a3');
    const first = turns.run('org-a', a.task);
    const second = turns.run('org-a', b.task);
    const third = turns.run('org-a', c.task);
    await settle();
    expect(log).toEqual(['start a1']);

    a.finish('fail');
    await expect(first).rejects.toThrow('a1');
    await settle();
    expect(log).toEqual(['start a1', 'end a1', 'start a2']);

    b.finish();
    await expect(second).resolves.toBe('a2');
    await settle();
    c.finish();
    await expect(third).resolves.toBe('a3');
    expect(log).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
  });

  it('runs tasks of different keys at the same time, and forgets a key once its tasks are done', async () => {
    const turns = new KeyedTurns();
    const log: string[] = [];
    const a = controlled(log, 'a');
    const b = controlled(log, 'b');
    const ra = turns.run('org-a', a.task);
    const rb = turns.run('org-b', b.task);
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    expect(turns.busyKeys).toBe(2);

    b.finish();
    a.finish();
    await Promise.all([ra, rb]);
    await settle();
    expect(turns.busyKeys).toBe(0);
  });

  it('starts a task even when the one before it threw synchronously', async () => {
    const turns = new KeyedTurns();
    const failing = turns.run('k', () => {
      throw new Error('at once');
    });
    const next = turns.run('k', async () => 'ran');
    await expect(failing).rejects.toThrow('at once');
    await expect(next).resolves.toBe('ran');
  });
});
