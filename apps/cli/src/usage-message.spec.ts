import { usageMessageZh } from './usage-message';

describe('usageMessageZh', () => {
  it('says commander errors in Chinese, keeping the option named', () => {
    expect(usageMessageZh("unknown option '--bogus'")).toBe('命令用法有误：未知选项 --bogus（使用 --help 查看用法）');
    expect(usageMessageZh("required option '--org <id>' not specified")).toContain('缺少必填选项 --org <id>');
  });

  it('falls back to the original text for anything it does not know', () => {
    expect(usageMessageZh('something new')).toBe('命令用法有误：something new（使用 --help 查看用法）');
  });
});
