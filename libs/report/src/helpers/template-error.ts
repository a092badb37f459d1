/** A template asks for something that cannot exist (unknown kind, bad qualifier, missing unit). */
export class TemplateError extends Error {
  constructor(
    readonly template: string,
    readonly messageZh: string,
    messageEn: string,
  ) {
    super(`template ${template}: ${messageEn}`);
    this.name = 'TemplateError';
  }
}
