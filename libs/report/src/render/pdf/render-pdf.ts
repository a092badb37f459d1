import { existsSync } from 'node:fs';
import type { CompiledReport } from '../../compile/compiled-report';
import { renderHtml } from '../html/render-html';

/** Where Debian's `chromium` package puts the browser; `$TAIZHANG_CHROMIUM` overrides it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string {
  return process.env.TAIZHANG_CHROMIUM || DEFAULT_CHROMIUM;
}

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

/**
 * The HTML report printed to PDF by headless Chromium (the system's, never a downloaded one). The
 * page size and margins come from the HTML's own `@page` rule; CJK glyphs from the fonts the
 * system has (Debian: fonts-noto-cjk).
 */
export async function renderPdf(report: CompiledReport): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`PDF 输出需要 Chromium（未找到 ${executablePath}；可安装 Debian 的 chromium 软件包，或设置 TAIZHANG_CHROMIUM）`);
  }
  // Loaded only when a PDF is asked for: the module alone costs ~70 MB of a server's memory.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(renderHtml(report), { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
