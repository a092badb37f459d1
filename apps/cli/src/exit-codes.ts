/** The CLI's exit codes (a contract for scripts and tests). */
export const EXIT = {
  ok: 0,
  failure: 1,
  invalidInput: 2,
  conflict: 3,
  integrity: 4,
} as const;
