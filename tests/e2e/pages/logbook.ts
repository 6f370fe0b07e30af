/**
 * 值班记录, the duty log book: one duty day with who was on duty and every
 * entry, search across days, export; and the printed day.
 */
import type { Locator, Page } from 'playwright-core';
import type { TestHost } from '../helpers';

export class LogBookPage {
  readonly root: Locator;
  readonly date: Locator;
  readonly count: Locator;
  readonly onDuty: Locator;
  /** The day's entries, oldest first (or the search hits, newest day first). */
  readonly rows: Locator;
  readonly search: Locator;
  readonly previousDayButton: Locator;
  readonly searchAllButton: Locator;
  readonly clearSearchButton: Locator;
  readonly exportButton: Locator;
  /** An entry opened from the book (the console's entry dialog). */
  readonly entryDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('logbook');
    this.date = page.getByTestId('logbook-date');
    this.count = page.getByTestId('logbook-count');
    this.onDuty = page.getByTestId('logbook-on-duty');
    this.rows = page.getByTestId('logbook-row');
    this.search = page.getByTestId('logbook-search');
    this.previousDayButton = page.getByRole('button', { name: '前一天' });
    this.searchAllButton = page.getByRole('button', { name: '在全部日期中搜索' });
    this.clearSearchButton = page.getByRole('button', { name: '清除搜索' });
    this.exportButton = page.getByRole('button', { name: '导出 Excel' });
    this.entryDialog = page.getByRole('dialog');
  }

  async goto(host: TestHost, date?: string): Promise<void> {
    await this.page.goto(`${host.host.url}/#/log${date ? `?date=${date}` : ''}`);
    await this.root.waitFor();
  }

  async searchAllDays(text: string): Promise<void> {
    await this.search.fill(text);
    await this.searchAllButton.click();
  }

  /** Opens the export dialog; its end date and button. */
  async openExport(): Promise<{ root: Locator; endDate: Locator; exportButton: Locator }> {
    await this.exportButton.click();
    const root = this.page.getByRole('dialog', { name: '导出值班记录' });
    return { root, endDate: root.getByLabel('结束日期'), exportButton: root.getByRole('button', { name: '导出' }) };
  }
}

/** The printed duty day, stamped with the chain head. */
export class LogBookPrintPage {
  readonly root: Locator;
  readonly chainHeadStamp: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('logbook-print-page');
    this.chainHeadStamp = page.getByTestId('chain-head-stamp');
  }

  /** Opens the printout as the user does: 值班记录 on that day → 打印本日值班记录. */
  async open(host: TestHost, dutyDate: string): Promise<void> {
    await this.page.goto(`${host.host.url}/#/log?date=${dutyDate}`);
    await this.page.getByTestId('logbook-print').click();
    await this.root.waitFor();
  }
}
