import { StreamTurns } from './stream-turns';

describe('StreamTurns', () => {
  it('runs the appends of one stream one after another, in call order, even after a failure', async () => {
    const turns = new StreamTurns();
    const log: string[] = [];
    let release: () => void = () => undefined;
    const first = turns.run('org-1', async () => {
      log.push('first starts');
      await new Promise<void>((resolve) => (release = resolve));
      log.push('first ends');
      throw new Error('conflict');
    });
    const second = turns.run('org-1', async () => {
      log.push('second');
      return 2;
    });
    const other = turns.run('org-2', async () => {
      log.push('other stream');
      return 3;
    });

    await expect(other).resolves.toBe(3);
    expect(log).toEqual(['first starts', 'other stream']);
    release();
    await expect(first).rejects.toThrow('conflict');
    await expect(second).resolves.toBe(2);
    expect(log).toEqual(['first starts', 'other stream', 'first ends', 'second']);
  });
});
