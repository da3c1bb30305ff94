import type { Page } from 'playwright-core';

/**
 * Records the text drawn on export canvases (those exactly `width` pixels wide), so a test can check what an
 * exported PNG says without decoding its pixels. Read it with `exportedText(page)`.
 */
export async function recordExportText(page: Page, width = 1920): Promise<void> {
  await page.evaluate((canvasWidth) => {
    const record: string[] = [];
    (globalThis as unknown as { __exportText: string[] }).__exportText = record;
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
      if (this.canvas.width === canvasWidth) record.push(text);
      return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
    };
  }, width);
}

/** Every text drawn on an export canvas since `recordExportText`. */
export function exportedText(page: Page): Promise<string[]> {
  return page.evaluate('globalThis.__exportText') as Promise<string[]>;
}
