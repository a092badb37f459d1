import { sampleReport } from '../sample-report.spec-helper';
import { chromiumAvailable, renderPdf } from './render-pdf';

// CI installs Debian's chromium and fonts-noto-cjk; a developer machine without them skips this file.
const describeWithChromium = chromiumAvailable() ? describe : describe.skip;

describeWithChromium('renderPdf (Debian chromium)', () => {
  it('prints the HTML report to an A4 PDF with an embedded CJK font', async () => {
    const pdf = await renderPdf(sampleReport());
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // A4 is 595.3 × 841.9 points; Chromium rounds to its own pixel grid.
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
    expect(Number(box?.[1])).toBeCloseTo(595.3, 0);
    expect(Number(box?.[2])).toBeCloseTo(841.9, 0);
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+Noto(Serif|Sans)CJK/);
  }, 60_000);
});
