import { STREAM_NAME } from '@eventstore/db-client';
import { sampleEvent } from '../contract/sample-events';
import { StoredEvent } from '../envelope';
import { matchesFilter } from './all-reads';
import { serverFilter } from './esdb-subscription';
import { StreamNaming } from './stream-naming';

function stored(streamId: string, type: string): StoredEvent {
  return { ...sampleEvent({ type }), streamId, streamVersion: 1, globalPosition: 1n, prevHash: '', hash: '' };
}

describe('filters', () => {
  it('match a stream prefix literally and case-sensitively, and event types exactly', () => {
    expect(matchesFilter(stored('org-%_', 'ActivityLogged'), { streamPrefix: 'org-%' })).toBe(true);
    expect(matchesFilter(stored('org-a', 'ActivityLogged'), { streamPrefix: 'org-%' })).toBe(false);
    expect(matchesFilter(stored('org-a', 'ActivityLogged'), { streamPrefix: 'ORG-' })).toBe(false);
    expect(matchesFilter(stored('org-a', 'ActivityLogged'), { types: ['MemberEnrolled'] })).toBe(false);
    expect(matchesFilter(stored('org-a', 'ActivityLogged'), { streamPrefix: 'org-', types: ['ActivityLogged'] })).toBe(true);
    expect(matchesFilter(stored('member-1', 'ActivityLogged'), { streamPrefix: 'org-', types: ['ActivityLogged'] })).toBe(false);
    expect(matchesFilter(stored('org-a', 'ActivityLogged'))).toBe(true);
  });

  it('on the server, select ledger streams by prefix, in the namespace when there is one', () => {
    expect(serverFilter({ naming: new StreamNaming() }, 'org-')).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['org-'] });
    expect(serverFilter({ naming: new StreamNaming('gd') }, 'org-')).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['gd/org-'] });
    expect(serverFilter({ naming: new StreamNaming('gd') })).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['gd/'] });
  });

  it('on the server, without a prefix, leave out the system streams', () => {
    const filter = serverFilter({ naming: new StreamNaming() });
    expect(filter).toMatchObject({ filterOn: STREAM_NAME, regex: '^[^$]' });
    const regex = new RegExp((filter as { regex: string }).regex);
    expect(regex.test('org-1')).toBe(true);
    expect(regex.test('$stats-127.0.0.1:2113')).toBe(false);
  });
});
