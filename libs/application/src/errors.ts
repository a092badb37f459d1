/** The append kept conflicting with concurrent writers, even after retries (CLI exit 3, HTTP 409). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
