import { parseCompile } from './report-body';
import { refusedFields } from './validation-issues.spec-helper';

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
