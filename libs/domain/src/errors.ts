/** One problem with one input field, worded for a secretary (zh) and for a developer (en). */
export interface FieldIssue {
  field: string;
  message: string;
  messageEn: string;
}

/** Input refused by validation; nothing may have been written when this is thrown. */
export class ValidationError extends Error {
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.messageEn}`).join('; '));
    this.name = 'ValidationError';
    this.issues = issues;
  }

  static of(field: string, message: string, messageEn: string): ValidationError {
    return new ValidationError([{ field, message, messageEn }]);
  }
}

/** Collects issues so a form can show every bad field at once. */
export class IssueList {
  readonly issues: FieldIssue[] = [];

  add(field: string, message: string, messageEn: string): void {
    this.issues.push({ field, message, messageEn });
  }

  get empty(): boolean {
    return this.issues.length === 0;
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }
}
