import { QueryFields } from './query-fields';
import { refusedFields } from './validation-issues.spec-helper';

/** The fields `done()` refuses after `read` took what it wanted from the query. */
function fieldsRefused(query: Record<string, unknown>, read: (q: QueryFields) => void): string[] {
  const q = new QueryFields(query);
  read(q);
  return refusedFields(() => q.done());
}

describe('QueryFields', () => {
  it('reads a year, flags and whole numbers', () => {
    const q = new QueryFields({ year: '2021', rollup: 'true', includeVoided: '0', days: '45' });
    expect(q.year()).toBe('2021');
    expect(q.flag('rollup', '汇总')).toBe(true);
    expect(q.flag('includeVoided', '作废')).toBe(false);
    expect(q.flag('absent', '缺省')).toBe(false);
    expect(q.integer('days', '天数')).toBe(45);
    expect(() => q.done()).not.toThrow();
  });

  it('refuses a parameter given twice or as an object, rather than picking one', () => {
    expect(fieldsRefused({ year: ['2021', '2022'] }, (q) => q.year())).toEqual(['year']);
    expect(fieldsRefused({ asOf: { a: '1' } }, (q) => q.text('asOf', '时间点'))).toEqual(['asOf']);
  });

  it('refuses unknown parameters, malformed years, flags and numbers', () => {
    expect(fieldsRefused({ year: '2021', rolup: 'true' }, (q) => q.year())).toEqual(['rolup']);
    expect(fieldsRefused({ year: '21' }, (q) => q.year())).toEqual(['year']);
    expect(fieldsRefused({ rollup: 'yes' }, (q) => q.flag('rollup', '汇总'))).toEqual(['rollup']);
    expect(fieldsRefused({ days: '-3' }, (q) => q.integer('days', '天数'))).toEqual(['days']);
  });

  it('a required year must be there', () => {
    expect(fieldsRefused({}, (q) => q.year())).toEqual(['year']);
    expect(fieldsRefused({}, (q) => q.year({ required: false }))).toEqual([]);
  });
});
