import { decideVoidActivity } from './void-activity';
import { activityDoc, details, issuesOf } from './fixtures.spec-helper';

const stored = activityDoc('a1', 'b1', details());

describe('decideVoidActivity', () => {
  it('voids a live activity in its org', () => {
    expect(decideVoidActivity({ activityId: 'a1', reason: ' 重复登记 ' }, { existing: stored })).toEqual([
      { type: 'ActivityVoided', data: { activityId: 'a1', orgId: 'b1', reason: '重复登记' } },
    ]);
  });

  it('refuses an unknown or already voided activity and a missing reason', () => {
    expect(issuesOf(() => decideVoidActivity({ activityId: 'a9', reason: '' }, {}))).toEqual([
      { field: 'activityId', message: '活动 a9 不存在' },
      { field: 'reason', message: '请填写作废的原因' },
    ]);
    expect(issuesOf(() => decideVoidActivity({ activityId: 'a1', reason: '重复' }, { existing: { ...stored, voided: true } }))).toEqual([
      { field: 'activityId', message: '活动 a1 已作废，不能再次作废' },
    ]);
    expect(issuesOf(() => decideVoidActivity({ activityId: null, reason: '重复' }, {}))).toEqual([{ field: 'activityId', message: '请填写活动编号' }]);
  });
});
