import { ValidationError } from '../../../../../libs/domain/src';
import { REPORT_FORMATS, type ReportFormat } from '../../../../../libs/application/src/reports';
import type { DocxFonts } from '../../../../../libs/report/src';
import { BodyFields } from './body-fields';

export interface CompileRequest {
  year: number;
  /** A template name only: a path would let a client make the server read any `.hbs` file. */
  template: string;
  rollup: boolean;
  format: ReportFormat;
  zeroOk: string[] | undefined;
  asOf: string | undefined;
  fonts: Partial<DocxFonts> | undefined;
}

const TEMPLATE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const FONT_KEYS: readonly (keyof DocxFonts)[] = ['title', 'body', 'heading1', 'heading2', 'pageNumber', 'latin'];

/** `POST /api/orgs/:id/reports` `{year, template, rollup?, format?, zeroOk?, asOf?, fonts?}`; JSON by default. */
export function parseCompile(body: unknown): CompileRequest {
  const b = BodyFields.of(body);
  const year = b.integer('year', '年度', { required: true });
  const template = b.text('template', '模板', { required: true });
  const rollup = b.boolean('rollup', '汇总下级组织');
  const format = b.text('format', '输出格式');
  const zeroOk = b.list('zeroOk', '确认未开展的活动类型');
  const asOf = b.text('asOf', '时间点');
  if (typeof template === 'string' && !TEMPLATE_NAME.test(template.trim())) {
    b.refuse('template', `模板名称只能包含英文字母、数字、下划线和连字符：${template}`, `template must be a name (letters, digits, "_", "-"), got ${template}`);
  }
  if (typeof format === 'string' && !(REPORT_FORMATS as readonly string[]).includes(format)) {
    b.refuse('format', `输出格式须为 json、md、html、docx 或 pdf，收到“${format}”`, `format must be json, md, html, docx or pdf, got ${format}`);
  }
  const fonts = readFonts(b, b.raw('fonts'));
  b.done();
  return {
    year: year as number,
    template: (template as string).trim(),
    rollup: rollup ?? false,
    format: (format ?? 'json') as ReportFormat,
    zeroOk: zeroOk ?? undefined,
    asOf: asOf ?? undefined,
    fonts,
  };
}

/** Word fonts: `{body: '仿宋', title: '方正小标宋简体'}`; only the known keys, each a font name. */
function readFonts(b: BodyFields, value: unknown): Partial<DocxFonts> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    b.refuse('fonts', `字体设置应为对象，如 {"body":"仿宋"}`, 'fonts must be an object such as {"body":"仿宋"}');
    return undefined;
  }
  const fonts: Partial<DocxFonts> = {};
  for (const [key, name] of Object.entries(value as Record<string, unknown>)) {
    if (!(FONT_KEYS as readonly string[]).includes(key) || typeof name !== 'string' || name.trim() === '' || name.length > 100) {
      b.refuse('fonts', `字体设置“${key}”无效：键须为 ${FONT_KEYS.join('、')}，值为字体名`, `bad font setting ${key}`);
      continue;
    }
    fonts[key as keyof DocxFonts] = name.trim();
  }
  return fonts;
}

/** `POST /api/reports/verification`: the body is a report JSON file as compiled earlier (`format: json`). */
export function parseReportFile(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ValidationError.of('file', '请提交报告 JSON（编制时输出的 .json 文件内容）', 'the body must be the JSON object of a compiled report');
  }
  return body as Record<string, unknown>;
}
