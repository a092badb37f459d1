import { ValidationError } from '../../../libs/domain/src';
import { StoreUrlError } from '../../../libs/event-store/src';
import { ConflictError } from '../../../libs/application/src/errors';
import { TemplateError } from '../../../libs/report/src/helpers/template-error';
import { EXIT } from './exit-codes';
import { fieldLabel, fieldLabelEn } from './field-flags';

/** A usage mistake caught by the CLI itself (unknown option, missing value…). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Prints an error in Chinese and English (JSON on stderr with --json) and returns the exit code.
 */
export function reportError(err: unknown, json: boolean): number {
  const write = (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  if (err instanceof ValidationError) {
    if (json) write(JSON.stringify({ ok: false, error: 'invalid-input', issues: err.issues }));
    else for (const i of err.issues) write(`错误：${fieldLabel(i.field)}：${i.message}\nerror: ${fieldLabelEn(i.field)}: ${i.messageEn}`);
    return EXIT.invalidInput;
  }
  if (err instanceof TemplateError) {
    if (json) write(JSON.stringify({ ok: false, error: 'invalid-template', template: err.template, message: err.messageZh, messageEn: err.message }));
    else write(`错误：模板“${err.template}”：${err.messageZh}\nerror: ${err.message}`);
    return EXIT.invalidInput;
  }
  if (err instanceof UsageError || err instanceof StoreUrlError) {
    const zh = err instanceof UsageError ? err.messageZh : `存储地址无效：${err.message}`;
    if (json) write(JSON.stringify({ ok: false, error: 'invalid-input', message: zh, messageEn: err.message }));
    else write(`错误：${zh}\nerror: ${err.message}`);
    return EXIT.invalidInput;
  }
  if (err instanceof ConflictError) {
    if (json) write(JSON.stringify({ ok: false, error: 'conflict', message: err.message }));
    else write(`错误：并发冲突，请重试\nerror: ${err.message}`);
    return EXIT.conflict;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (json) write(JSON.stringify({ ok: false, error: 'failure', message }));
  else write(`错误：操作失败：${message}\nerror: ${message}`);
  if (process.env.TAIZHANG_DEBUG && err instanceof Error) write(err.stack ?? '');
  return EXIT.failure;
}
