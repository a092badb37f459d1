import { ACTIVITY_KINDS, ValidationError } from '../../../../../libs/domain/src';
import { listTemplates } from '../../../../../libs/report/src';
import { flagOf, FormFields, listOf, textOf } from '../form-values';

/** What the 述职报告 form sends (compile, preview, download and fill share it). */
export interface ReportFormValues {
  orgId: string;
  year: string;
  template: string;
  rollup: boolean;
  zeroOk: string[];
}

export const TEMPLATE_LABELS: Readonly<Record<string, string>> = {
  'branch-secretary': '党支部书记述职报告',
  'committee-secretary': '党委（党总支）书记述职报告',
};

export function reportFormValuesOf(fields: FormFields | undefined): ReportFormValues {
  return {
    orgId: textOf(fields, 'org'),
    year: textOf(fields, 'year'),
    template: textOf(fields, 'template'),
    rollup: flagOf(fields, 'rollup'),
    zeroOk: listOf(fields, 'zeroOk'),
  };
}

/**
 * Only the built-in templates can be chosen from a web page: the compiler also loads a template
 * from a file path, which must never be reachable from a form.
 */
export function requireKnownTemplate(name: string): string {
  const known = listTemplates();
  if (known.includes(name)) return name;
  throw ValidationError.of('template', name === '' ? '请选择模板' : `没有名为“${name}”的模板`, `unknown template ${name}`);
}

export function templateOptions(selected: string) {
  return listTemplates().map((name) => ({ name, label: TEMPLATE_LABELS[name] ?? name, selected: name === selected }));
}

/** A committee's report is usually the committee template; a branch's, the branch one. */
export function defaultTemplateFor(orgKind: string): string {
  return orgKind === 'branch' || orgKind === 'group' ? 'branch-secretary' : 'committee-secretary';
}

export function zeroOkOptions(orgKind: string, selected: readonly string[]) {
  return ACTIVITY_KINDS.filter((k) => (k.orgKinds as readonly string[]).includes(orgKind)).map((k) => ({ id: k.id, name: k.name, checked: selected.includes(k.id) }));
}

/** Where the form shows each refusal. */
export const REPORT_INPUTS: Readonly<Record<string, string>> = {
  orgId: 'org',
  org: 'org',
  year: 'year',
  template: 'template',
  zeroOk: 'zeroOk',
  format: 'format',
  draft: 'draft',
};
