import { parseNumberInput } from './numbers';

describe('parseNumberInput', () => {
  it('reads numbers and numeric text, full-width digits included', () => {
    expect(parseNumberInput(3)).toEqual({ ok: true, value: 3 });
    expect(parseNumberInput(' 2.5 ')).toEqual({ ok: true, value: 2.5 });
    expect(parseNumberInput('１２')).toEqual({ ok: true, value: 12 });
    expect(parseNumberInput('-1')).toEqual({ ok: true, value: -1 });
  });

  it('treats empty as not given and anything else as not a number', () => {
    expect(parseNumberInput('')).toEqual({ ok: true, value: null });
    expect(parseNumberInput(undefined)).toEqual({ ok: true, value: null });
    expect(parseNumberInput('12人')).toEqual({ ok: false, shown: '12人' });
    expect(parseNumberInput('1e3')).toMatchObject({ ok: false });
    expect(parseNumberInput(Number.POSITIVE_INFINITY)).toMatchObject({ ok: false });
  });
});
