import { AFTER_CONTEXT, BEFORE_CONTEXT, scanPlaceholders } from './placeholder-scanner';

const offsets = (text: string) => scanPlaceholders(text).map((p) => p.offset);
const runs = (text: string) => scanPlaceholders(text).map((p) => p.placeholder);

describe('scanPlaceholders', () => {
  it('finds X runs in document order with index, offset and context', () => {
    expect(scanPlaceholders('开展学习XX余次，专题研讨X次。')).toEqual([
      { index: 0, offset: 4, placeholder: 'XX', before: '开展学习', after: '余次，专题研讨X次。' },
      { index: 1, offset: 13, placeholder: 'X', before: '开展学习XX余次，专题研讨', after: '次。' },
    ]);
  });

  it('takes the whole maximal run, mixing upper- and lower-case x', () => {
    expect(scanPlaceholders('发展党员xXx名')).toEqual([
      { index: 0, offset: 4, placeholder: 'xXx', before: '发展党员', after: '名' },
    ]);
  });

  it('finds full-width Ｘ and ＊ runs', () => {
    expect(runs('发放书籍ＸＸ册，＊＊人参加，＊次')).toEqual(['ＸＸ', '＊＊', '＊']);
    expect(offsets('发放书籍ＸＸ册，＊＊人参加，＊次')).toEqual([4, 8, 14]);
  });

  it('keeps letter runs and star runs apart', () => {
    expect(scanPlaceholders('X*')).toMatchObject([
      { index: 0, offset: 0, placeholder: 'X' },
      { index: 1, offset: 1, placeholder: '*' },
    ]);
  });

  it('accepts X next to digits (20XX年) but not next to Latin letters', () => {
    expect(offsets('于20XX年召开')).toEqual([3]);
    expect(scanPlaceholders('导出台账.xlsx文件，开展X次，学习Xi讲话，box里有XXe支部')).toMatchObject([
      { index: 0, offset: 14, placeholder: 'X' },
    ]);
  });

  it('ignores x inside URLs and e-mail addresses', () => {
    const text = '访问http://x.cn/a或www.x.com，发布X篇，来信x@x.cn';
    expect(scanPlaceholders(text)).toMatchObject([{ index: 0, offset: 28, placeholder: 'X', after: '篇，来信x@x.cn' }]);
  });

  it('skips Markdown bullets and thematic breaks but keeps stars that start a sentence', () => {
    const text = '* 开展学习\n***\n*党支部召开**次';
    expect(scanPlaceholders(text)).toMatchObject([
      { index: 0, offset: 11, placeholder: '*' },
      { index: 1, offset: 17, placeholder: '**' },
    ]);
  });

  it('limits context to 30 characters before and 12 after', () => {
    const text = `${'甲'.repeat(40)}XX${'乙'.repeat(20)}`;
    const [p] = scanPlaceholders(text);
    expect(BEFORE_CONTEXT).toBe(30);
    expect(AFTER_CONTEXT).toBe(12);
    expect(p).toEqual({ index: 0, offset: 40, placeholder: 'XX', before: '甲'.repeat(30), after: '乙'.repeat(12) });
  });

  it('measures offsets in UTF-16 code units (astral characters count twice)', () => {
    const text = '𠀀开展X次';
    expect(offsets(text)).toEqual([4]);
    expect(text.slice(4, 5)).toBe('X');
  });

  it('returns nothing for text without blanks', () => {
    expect(scanPlaceholders('全年开展主题党日12次。')).toEqual([]);
  });

  // Lines from shared/seeds (hard-wrapped as in the originals).
  it('scans seed 000 with the meeting name and the counts', () => {
    const text =
      '贯彻落实省委X届XX次全会暨省委工作会\n性观念和政治纪律规矩。一年来，累计开展集中学习活动XX余次，专题研讨XX余次，';
    expect(runs(text)).toEqual(['X', 'XX', 'XX', 'XX']);
    expect(offsets(text)).toEqual([6, 8, 45, 54]);
  });

  it('scans seed 003 with star blanks, a book title and a star before 个别', () => {
    const text = '分汇编》**本，组织观看《**》《**》等警示教育片，组织学习\n《**》等反面典型案例，组织讨论**余人次，针对*个别党员';
    expect(runs(text)).toEqual(['**', '**', '**', '**', '**', '*']);
    expect(offsets(text)).toEqual([4, 13, 17, 33, 48, 56]);
  });
});
