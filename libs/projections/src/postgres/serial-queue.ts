/**
 * Runs tasks one at a time, in the order given: the read model's writer is shared by the live loop,
 * `catchUp` and a rebuild's swap in one process, and its held documents must see one page at a time.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
