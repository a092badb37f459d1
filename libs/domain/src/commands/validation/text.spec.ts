import { cleanText, splitList } from './text';

describe('text input', () => {
  it('trims and turns empty into null', () => {
    expect(cleanText('  党课 ')).toBe('党课');
    expect(cleanText(' ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
  });

  it('splits lists on the separators users type', () => {
    expect(splitList(['m01,m02', ' m03 '])).toEqual(['m01', 'm02', 'm03']);
    expect(splitList('m01，m02、m03；m04 m05')).toEqual(['m01', 'm02', 'm03', 'm04', 'm05']);
    expect(splitList(null)).toEqual([]);
    expect(splitList([' , '])).toEqual([]);
  });
});
