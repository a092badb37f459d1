import { ValidationError } from '../../../../../libs/domain/src';
import { parseCompile } from './report-body';

function refusedFields(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    if (err instanceof ValidationError) return err.issues.map((i) => i.field);
    throw err;
  }
  return [];
}

describe('parseCompile', () => {
  it('defaults to JSON, own figures only', () => {
    expect(parseCompile({ year: 2021, template: 'branch-secretary' })).toEqual({
      year: 2021,
      template: 'branch-secretary',
      rollup: false,
      format: 'json',
      zeroOk: undefined,
      asOf: undefined,
      fonts: undefined,
    });
  });

  it('takes a template name only, never a path the server would read', () => {
    for (const template of ['../x', '/etc/passwd.hbs', 'templates/branch-secretary.hbs', 'a b']) {
      expect(refusedFields(() => parseCompile({ year: 2021, template }))).toEqual(['template']);
    }
  });

  it('refuses an unknown format, a year as text and bad font settings', () => {
    expect(refusedFields(() => parseCompile({ year: '2021', template: 'x', format: 'exe', fonts: { colour: 'red' } }))).toEqual(['year', 'format', 'fonts']);
    expect(parseCompile({ year: 2021, template: 'x', format: 'docx', fonts: { body: '仿宋' } }).fonts).toEqual({ body: '仿宋' });
  });
});
