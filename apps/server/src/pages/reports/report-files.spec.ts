import { attachmentHeader, filledDraftLink, uploadedFileName } from './report-files';

describe('report files on the web', () => {
  it('re-decodes a UTF-8 upload name that multer read as Latin-1, and leaves a real Latin-1 name alone', () => {
    expect(uploadedFileName(Buffer.from('我的草稿.docx', 'utf8').toString('latin1'))).toBe('我的草稿.docx');
    expect(uploadedFileName('caf\u00e9.txt')).toBe('caf\u00e9.txt');
  });

  it('names the download with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentHeader('b1-2025-branch-secretary.docx')).toBe(
      `attachment; filename="b1-2025-branch-secretary.docx"; filename*=UTF-8''b1-2025-branch-secretary.docx`,
    );
    expect(attachmentHeader('述职报告.md')).toBe(`attachment; filename="____.md"; filename*=UTF-8''${encodeURIComponent('述职报告.md')}`);
  });

  it('offers the filled draft as a data link named after the upload', () => {
    const link = filledDraftLink('我的草稿.txt', 'txt', Buffer.from('共 3 次', 'utf8'));
    expect(link.fileName).toBe('我的草稿-已填.txt');
    expect(Buffer.from(link.href.split(',')[1], 'base64').toString('utf8')).toBe('共 3 次');
  });
});
