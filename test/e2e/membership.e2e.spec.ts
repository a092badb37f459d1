import { HistoryJson } from '../helpers/cli-json';
import { lastYear } from '../helpers/dates';
import { cliOn } from '../helpers/run-cli';
import { countEvents } from '../helpers/store-file';
import { createTempStore } from '../helpers/temp-store';

/** Who may attend depends on the roster on the activity date: transfers and departures move it. */
const Y = lastYear();
const store = createTempStore('membership');
const tz = cliOn(store.url);

interface MemberListJson {
  org: string;
  members: { id: string; orgId: string | null; periods: { orgId: string; from: string; to: string | null }[] }[];
}

const lecture = (org: string, date: string, attendee: string) => ['log', '--org', org, '--date', date, '--kind', '党课', '--attendees', attendee, '--json'];

beforeAll(async () => {
  await tz.ok(['org', 'add', '--id', 'c1', '--name', '机关党委', '--kind', 'committee']);
  await tz.ok(['org', 'add', '--id', 'old', '--name', '原党支部', '--kind', 'branch', '--parent', 'c1']);
  await tz.ok(['org', 'add', '--id', 'new', '--name', '新党支部', '--kind', 'branch', '--parent', 'c1']);
  await tz.ok(['member', 'add', '--id', 'mover', '--name', '调动者', '--org', 'old', '--since', '2019-05-01']);
  await tz.ok(['member', 'add', '--id', 'leaver', '--name', '离开者', '--org', 'old', '--since', '2019-05-01']);
});

afterAll(() => store.remove());

describe('member transfer', () => {
  it('moves attendance rights to the new org from the transfer date on', async () => {
    const moved = await tz.ok<{ id: string; ok: boolean }>(['member', 'transfer', '--id', 'mover', '--to', 'new', '--on', `${Y}-09-01`, '--json']);
    expect(moved.json).toEqual({ id: 'mover', ok: true });

    const before = countEvents(store.file);
    // Before the transfer the old branch may count them, the new one may not; after, the reverse.
    await tz.ok(lecture('old', `${Y}-08-20`, 'mover'));
    await tz.ok(lecture('new', `${Y}-09-01`, 'mover'));
    const oldAfter = await tz.run(lecture('old', `${Y}-09-02`, 'mover'));
    const newBefore = await tz.run(lecture('new', `${Y}-08-31`, 'mover'));
    for (const refused of [oldAfter, newBefore]) {
      expect(refused.code).toBe(2);
      expect(refused.errorJson?.issues?.[0].field).toBe('attendees');
    }
    expect(countEvents(store.file)).toBe(before + 2);

    const roster = await tz.ok<MemberListJson>(['member', 'list', '--org', 'new', '--json']);
    const mover = roster.json.members.find((m) => m.id === 'mover');
    expect(mover?.orgId).toBe('new');
    expect(mover?.periods).toEqual([
      expect.objectContaining({ orgId: 'old', from: '2019-05-01', to: `${Y}-09-01` }),
      expect.objectContaining({ orgId: 'new', from: `${Y}-09-01`, to: null }),
    ]);
  });

  it('refuses a transfer of an unknown member or to an unknown org', async () => {
    const before = countEvents(store.file);
    const unknownMember = await tz.run(['member', 'transfer', '--id', 'ghost', '--to', 'new', '--on', `${Y}-09-01`]);
    const unknownOrg = await tz.run(['member', 'transfer', '--id', 'leaver', '--to', 'nowhere', '--on', `${Y}-09-01`]);
    expect([unknownMember.code, unknownOrg.code]).toEqual([2, 2]);
    expect(unknownMember.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(countEvents(store.file)).toBe(before);
  });
});

describe('member leave', () => {
  it('ends the membership: attendance after the leave date is refused, before it accepted', async () => {
    const left = await tz.ok<{ id: string; ok: boolean }>(['member', 'leave', '--id', 'leaver', '--on', `${Y}-10-01`, '--reason', '调出本系统', '--json']);
    expect(left.json).toEqual({ id: 'leaver', ok: true });

    await tz.ok(lecture('old', `${Y}-09-30`, 'leaver'));
    const after = await tz.run(lecture('old', `${Y}-10-02`, 'leaver'));
    expect(after.code).toBe(2);
    expect(after.errorJson?.issues?.[0].field).toBe('attendees');

    const onDate = await tz.ok<MemberListJson>(['member', 'list', '--org', 'old', '--on', `${Y}-10-05`, '--json']);
    expect(onDate.json.members.map((m) => m.id)).toEqual([]);

    const history = await tz.ok<HistoryJson>(['history', '--org', 'old', '--json']);
    const types = history.json.events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['MemberEnrolled', 'MemberTransferred', 'MemberLeft', 'ActivityLogged']));
    expect(types[types.length - 1]).toBe('ActivityLogged');
    expect(history.json.events.find((e) => e.type === 'MemberLeft')?.data).toMatchObject({ memberId: 'leaver' });
  });
});
