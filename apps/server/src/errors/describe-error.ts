import { HttpException } from '@nestjs/common';
import { ConflictError } from '../../../../libs/application/src/errors';
import { FieldIssue, ValidationError } from '../../../../libs/domain/src/errors';
import { TemplateError } from '../../../../libs/report/src/helpers/template-error';

/** How one error answers: the HTTP status, the JSON body, and what a page shows. */
export interface DescribedError {
  status: number;
  /** The JSON the API returns: always `error` (a stable slug) and a Chinese `message`. */
  body: Record<string, unknown>;
  /** One Chinese sentence for the error page. */
  message: string;
  /** Field-level problems (400 invalid-input), for showing next to form fields. */
  issues: FieldIssue[];
  /** False for errors nobody expected: those are logged with their stack. */
  expected: boolean;
}

const STATUS_TEXT: Record<number, string> = {
  400: '请求有误，请检查后重试',
  401: '请先登录',
  403: '没有权限进行此操作',
  404: '页面不存在',
  405: '不支持此操作',
  409: '数据已被他人修改，请刷新后重试',
  413: '提交的内容过大',
  415: '不支持的内容格式',
  429: '操作过于频繁，请稍后再试',
};

/** Maps any thrown value to its answer; the same mapping serves the API, the error page and forms. */
export function describeError(err: unknown): DescribedError {
  if (err instanceof ValidationError) {
    const message = err.issues.length > 0 ? err.issues.map((i) => i.message).join('；') : '输入有误';
    return {
      status: 400,
      body: { error: 'invalid-input', message, messageEn: err.message, issues: err.issues },
      message,
      issues: err.issues,
      expected: true,
    };
  }
  if (err instanceof ConflictError) {
    const message = STATUS_TEXT[409];
    return { status: 409, body: { error: 'conflict', message, messageEn: err.message }, message, issues: [], expected: true };
  }
  if (err instanceof TemplateError) {
    const message = `模板“${err.template}”有误：${err.messageZh}`;
    return { status: 400, body: { error: 'invalid-template', template: err.template, message, messageEn: err.message }, message, issues: [], expected: true };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    const body: Record<string, unknown> =
      typeof response === 'string' ? { error: slugOf(status), message: response } : (response as Record<string, unknown>);
    const issues = Array.isArray(body.issues) ? (body.issues as FieldIssue[]) : [];
    return { status, body, message: chineseMessage(body.message, status), issues, expected: status < 500 };
  }
  const parserError = bodyParserError(err);
  if (parserError) return parserError;
  const message = '服务器内部错误，请稍后重试';
  return { status: 500, body: { error: 'failure', message, messageEn: 'internal server error' }, message, issues: [], expected: false };
}

/** The issues of a validation error as `{field: message}`, for templates that mark fields. */
export function issuesByField(issues: readonly FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.field] = out[i.field] ? `${out[i.field]}；${i.message}` : i.message;
  return out;
}

/** Express's JSON/form parsers fail before any controller: malformed JSON, a body too large. */
function bodyParserError(err: unknown): DescribedError | undefined {
  if (!(err instanceof Error)) return undefined;
  const { status, type } = err as Error & { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500 || typeof type !== 'string') return undefined;
  const [error, message] =
    type === 'entity.parse.failed'
      ? ['invalid-json', '请求内容不是有效的 JSON']
      : type === 'entity.too.large'
        ? ['too-large', STATUS_TEXT[413]]
        : [slugOf(status), STATUS_TEXT[status] ?? STATUS_TEXT[400]];
  return { status, body: { error, message, messageEn: err.message }, message, issues: [], expected: true };
}

function chineseMessage(message: unknown, status: number): string {
  const text = Array.isArray(message) ? message.join('；') : typeof message === 'string' ? message : '';
  // Our own exceptions speak Chinese; Nest's built-in ones ("Cannot GET /x") get a Chinese sentence instead.
  if (/[\u4e00-\u9fff]/.test(text)) return text;
  return STATUS_TEXT[status] ?? (status >= 500 ? '服务器内部错误，请稍后重试' : STATUS_TEXT[400]);
}

function slugOf(status: number): string {
  const slugs: Record<number, string> = {
    400: 'bad-request',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    409: 'conflict',
    413: 'too-large',
    415: 'unsupported-media-type',
    429: 'throttled',
  };
  return slugs[status] ?? (status >= 500 ? 'failure' : 'bad-request');
}
