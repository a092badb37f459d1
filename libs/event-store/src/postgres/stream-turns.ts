/**
 * One append at a time per stream within a store instance, in call order. A caller that issues
 * appends to one stream without waiting (version 0, then 1, then 2) gets them written in that
 * order, as on SQLite; and each finds the head the one before it remembered, so it needs no read.
 * Streams do not wait for each other, and a settled stream is forgotten.
 */
export class StreamTurns {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(streamId: string, append: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId);
    const result = previous ? previous.then(append, append) : append();
    const tail = result.catch(() => undefined);
    this.tails.set(streamId, tail);
    void tail.then(() => {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    });
    return result;
  }
}
