/** The append kept conflicting with concurrent writers, even after retries (CLI exit 3, HTTP 409). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A stored event no longer matches its hash chain (CLI exit 4). */
export class IntegrityError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'IntegrityError';
  }
}
