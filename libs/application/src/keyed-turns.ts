/**
 * Runs tasks one at a time per key, in the order they were asked for; tasks of different keys run
 * concurrently. A task starts once the previous one of its key has settled, whether it resolved or
 * threw, and its own outcome is returned unchanged. Keys are forgotten when their last task settles.
 */
export class KeyedTurns {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    // Always through a promise, so a task that throws at once is a rejection like any other.
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting (for tests). */
  get busyKeys(): number {
    return this.tails.size;
  }
}
