import { LEDGER_COLUMNS } from '../ledger-columns';
import { matchImportHeader } from './import-columns';

describe('matchImportHeader', () => {
  it('knows every header export writes', () => {
    for (const column of LEDGER_COLUMNS) expect(matchImportHeader(column.header)).toBe(column.key);
  });

  it.each([
    ['日期', 'date'],
    ['时间', 'date'],
    ['活动日期', 'date'],
    ['活动类型', 'kinds'],
    ['类型', 'kinds'],
    ['会议类型', 'kinds'],
    ['主题', 'title'],
    ['内容', 'title'],
    ['议题', 'title'],
    ['地点', 'place'],
    ['主持人', 'host'],
    ['参会人员', 'attendees'],
    ['出席人员', 'attendees'],
    ['应到', 'expected'],
    ['实到', 'present'],
    ['请假', 'leave'],
    ['缺席', 'absent'],
    ['学时', 'hours'],
    ['备注', 'note'],
    ['列席人员', 'observers'],
  ])('reads %s as %s', (header, key) => {
    expect(matchImportHeader(header)).toBe(key);
  });

  it.each([
    ['活动日期（年月日）', 'date'],
    ['学时(小时)', 'hours'],
    ['应到(人)', 'expected'],
    [' 主 持 人 ', 'host'],
    ['*日期', 'date'],
    ['日期：', 'date'],
    ['参会人员名单', 'attendees'],
    ['出席人员姓名', 'attendees'],
  ])('reads the decorated header %s as %s', (header, key) => {
    expect(matchImportHeader(header)).toBe(key);
  });

  it('marks row-number columns as ignored and knows nothing of the rest', () => {
    expect(matchImportHeader('序号')).toBe('ignore');
    expect(matchImportHeader('审核意见')).toBeUndefined();
    expect(matchImportHeader('')).toBeUndefined();
  });
});
