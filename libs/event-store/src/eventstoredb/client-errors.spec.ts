import { MaxAppendSizeExceededError, StreamNotFoundError, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { ConcurrencyError } from '../errors';
import { actualVersionOf, concurrencyErrorFrom, explainAppendError, isStreamNotFound, isWrongExpectedVersion } from './client-errors';

/** A version conflict as the batch-append path of the client builds it from the server's details. */
function conflictFromServer(current: bigint | 'no-stream'): WrongExpectedVersionError {
  const details = new WrongExpectedVersion().setExpectedStreamPosition('4');
  // Without a current revision the details mean "no stream".
  if (current !== 'no-stream') details.setCurrentStreamRevision(current.toString());
  return WrongExpectedVersionError.fromWrongExpectedVersion(details, 'org-1');
}

describe('client errors', () => {
  it('recognises a version conflict and reads the stream version it reports', () => {
    const error = conflictFromServer(6n);
    expect(isWrongExpectedVersion(error)).toBe(true);
    expect(actualVersionOf(error)).toBe(7);
    expect(actualVersionOf(conflictFromServer('no-stream'))).toBe(0);
  });

  it('turns a version conflict into our ConcurrencyError, with versions counted from 1', () => {
    const fromUnaryAppend = new WrongExpectedVersionError(undefined, { streamName: 'org-1', expected: 1n, current: 2n });
    const mapped = concurrencyErrorFrom(fromUnaryAppend, 'org-1', 2);
    expect(mapped).toBeInstanceOf(ConcurrencyError);
    expect(mapped).toMatchObject({ streamId: 'org-1', expectedVersion: 2, actualVersion: 3 });
  });

  it('tells a missing stream from other failures', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'org-1'))).toBe(true);
    expect(isStreamNotFound(new UnavailableError())).toBe(false);
    expect(isWrongExpectedVersion(new StreamNotFoundError(undefined, 'org-1'))).toBe(false);
    expect(isWrongExpectedVersion(new Error('wrong-expected-version'))).toBe(false);
    expect(isStreamNotFound(undefined)).toBe(false);
  });

  it('explains a batch over the server append limit, and passes other errors through unchanged', () => {
    const explained = explainAppendError(MaxAppendSizeExceededError.fromMaxAppendSize(1048576), 'org-bulk', 5000) as Error;
    expect(explained.message).toContain('1048576');
    expect(explained.message).toContain('EVENTSTORE_MAX_APPEND_SIZE');
    expect(explained.message).toMatch(/分批/);
    const unavailable = new UnavailableError();
    expect(explainAppendError(unavailable, 'org-1', 1)).toBe(unavailable);
  });
});
