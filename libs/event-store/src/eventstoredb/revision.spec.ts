import { ANY, NO_STREAM } from '@eventstore/db-client';
import { expectedRevisionOf, revisionOfVersion, versionOfCurrentRevision, versionOfRevision } from './revision';

describe('stream version ↔ server revision', () => {
  it('numbers the first event version 1, revision 0', () => {
    expect(revisionOfVersion(1)).toBe(0n);
    expect(versionOfRevision(0n)).toBe(1);
  });

  it.each([1, 2, 10, 1001, Number.MAX_SAFE_INTEGER])('maps version %d to revision - 1 and back', (version) => {
    expect(revisionOfVersion(version)).toBe(BigInt(version) - 1n);
    expect(versionOfRevision(revisionOfVersion(version))).toBe(version);
  });

  it('has no revision for version 0 (an absent stream) or a fraction', () => {
    expect(() => revisionOfVersion(0)).toThrow(RangeError);
    expect(() => revisionOfVersion(1.5)).toThrow(RangeError);
    expect(() => versionOfRevision(-1n)).toThrow(RangeError);
  });

  it("expects 'any' as ANY, and 0 or 'no-stream' as NO_STREAM", () => {
    expect(expectedRevisionOf('any')).toBe(ANY);
    expect(expectedRevisionOf('no-stream')).toBe(NO_STREAM);
    expect(expectedRevisionOf(0)).toBe(NO_STREAM);
  });

  it('expects version N as revision N - 1 (the revision of the last event the writer saw)', () => {
    expect(expectedRevisionOf(1)).toBe(0n);
    expect(expectedRevisionOf(42)).toBe(41n);
  });

  it('reads the current revision of a conflict as a version, an absent stream as 0', () => {
    expect(versionOfCurrentRevision(NO_STREAM)).toBe(0);
    expect(versionOfCurrentRevision(0n)).toBe(1);
    expect(versionOfCurrentRevision(6n)).toBe(7);
  });
});
