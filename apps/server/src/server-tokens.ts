/** Nest injection tokens of the server. */
export const SERVER_OPTIONS = Symbol('SERVER_OPTIONS');
