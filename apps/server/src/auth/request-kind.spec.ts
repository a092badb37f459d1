import { safeNext } from './request-kind';

describe('safeNext', () => {
  it('keeps paths on this site and refuses anything that leaves it', () => {
    expect(safeNext('/compliance?year=2024')).toBe('/compliance?year=2024');
    expect(safeNext('//evil.example/x')).toBe('/ledger');
    expect(safeNext('/\\evil.example')).toBe('/ledger');
    expect(safeNext('https://evil.example/')).toBe('/ledger');
    expect(safeNext('/login?next=/x')).toBe('/ledger');
    expect(safeNext(undefined)).toBe('/ledger');
  });
});
