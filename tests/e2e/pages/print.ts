/**
 * Every print view's on-screen bar (返回 / 打印), and what the browser prints
 * of it: the PDF with its text, page size, page count and fonts.
 */
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { pdfFonts, printToPdf } from '../helpers';

export interface PrintedPdf {
  file: string;
  /** pdftotext -layout, runs of spaces squeezed. */
  text: string;
  pages: number;
  /** pdfinfo's page size line, e.g. "595.276 x 841.89 pts (A4)". */
  pageSize: string;
  fonts: { name: string; type: string }[];
  /** The text of each page, in order, without any whitespace (pdftotext spaces CJK text unevenly). */
  pageTexts: string[];
  /** The whole text without whitespace. */
  compact: string;
}

export class PrintView {
  readonly backButton: Locator;
  readonly printButton: Locator;

  constructor(readonly page: Page) {
    this.backButton = page.getByTestId('print-back');
    this.printButton = page.getByTestId('print-now');
  }

  /** Waits for the view (its bar) in this same tab. */
  async ready(): Promise<void> {
    await this.printButton.waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  /** What the browser's print (Save as PDF) produces of this view, as read back by poppler. */
  async pdf(file: string): Promise<PrintedPdf> {
    await printToPdf(this.page, file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/u.exec(info)?.[1] ?? 0);
    return {
      file,
      text: text.replace(/[ \t]+/gu, ' '),
      pages,
      pageSize: /Page size:\s+(.*)/u.exec(info)?.[1] ?? '',
      fonts: pdfFonts(file),
      pageTexts: text
        .split('\f')
        .filter((p, i, all) => i < all.length - 1 || p.trim())
        .map((p) => p.replace(/\s+/gu, '')),
      compact: text.replace(/\s+/gu, ''),
    };
  }
}
