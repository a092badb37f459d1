/** Nest injection tokens of the application layer. */
export const LEDGER = Symbol('LEDGER');
export const CLOCK = Symbol('CLOCK');

/** Time comes from here so tests and replays can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
