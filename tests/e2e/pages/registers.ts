/**
 * The registers: 信访 (register, form, detail, statistics), 督办台账 (ledgers,
 * item form, item detail) and 来文登记 (register, form), and their printed
 * pages opened from their print buttons.
 */
import type { Locator, Page } from 'playwright-core';
import type { TestHost } from '../helpers';

/** Opens a section from the main navigation by its label (exactly: due items on the console link to 信访 records too). */
export async function openSection(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: /^(主导航|Main navigation)$/u }).getByRole('link', { name: label, exact: true }).click();
}

/** Picks an option of a Mantine select by its label. */
export async function pick(scope: Page | Locator, page: Page, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export class PetitionsPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly newButton: Locator;
  readonly statsTab: Locator;
  readonly stats: Locator;
  readonly statsTable: Locator;
  readonly statsMonth: Locator;
  readonly printStatsButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('petitions-page');
    this.rows = page.getByTestId('petition-row');
    this.newButton = page.getByRole('button', { name: '登记信访' });
    this.statsTab = page.getByRole('tab', { name: '统计' });
    this.stats = page.getByTestId('petition-stats');
    this.statsTable = page.getByTestId('petition-stats-table');
    this.statsMonth = page.getByTestId('stats-month');
    this.printStatsButton = page.getByTestId('petition-stats-print');
  }

  async goto(host: TestHost): Promise<void> {
    await this.page.goto(`${host.host.url}/#/petitions`);
    await this.root.waitFor();
  }

  /** A row of the statistics table (`level.district`, `visits`, `group` …): its cells. */
  statsRow(key: string): { current: Locator; mom: Locator; row: Locator } {
    const row = this.page.getByTestId(`stats-row-${key}`);
    return { row, current: row.getByTestId('stats-current'), mom: row.getByTestId('stats-mom') };
  }
}

export interface NewPetitioner {
  name: string;
  idNumber?: string;
  phone?: string;
}

export class PetitionForm {
  readonly root: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('petition-form');
    this.saveButton = this.root.getByRole('button', { name: '保存' });
  }

  async fill(v: { level: string; persons: number; category: string; summary: string; petitioners: NewPetitioner[]; form?: string }): Promise<void> {
    await this.root.waitFor();
    if (v.form) await pick(this.root, this.page, '形式', v.form);
    await this.root.getByLabel('人数').fill(String(v.persons));
    await pick(this.root, this.page, '级别', v.level);
    await pick(this.root, this.page, '问题类别', v.category);
    await this.root.getByLabel('反映问题').fill(v.summary);
    for (const [i, p] of v.petitioners.entries()) {
      await this.root.getByRole('button', { name: '添加信访人' }).click();
      const row = this.root.getByTestId('petitioner-row').nth(i);
      await row.getByLabel('姓名').fill(p.name);
      if (p.idNumber) await row.getByLabel('身份证号').fill(p.idNumber);
      if (p.phone) await row.getByLabel('联系电话').fill(p.phone);
    }
  }

  /** Finds an earlier petitioner and links them (their visit counts as 重复访). */
  async linkEarlier(query: string): Promise<void> {
    await this.root.getByLabel(/查找以前来过的信访人/u).fill(query);
    await this.root.getByRole('button', { name: '选用' }).first().click();
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await this.root.waitFor({ state: 'detached' });
  }
}

export class LedgerPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly newButton: Locator;
  readonly printButton: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ledger-page');
    this.rows = page.getByTestId('ledger-row');
    this.newButton = page.getByRole('button', { name: '挂号督办事项' });
    this.printButton = page.getByTestId('ledger-print');
    this.form = page.getByTestId('ledger-form');
  }

  async goto(host: TestHost): Promise<void> {
    await this.page.goto(`${host.host.url}/#/ledger`);
    await this.root.waitFor();
  }

  async create(v: { source: string; title: string; ownerUnit: string; deadline: string }): Promise<void> {
    await this.newButton.click();
    await this.form.waitFor();
    await pick(this.form, this.page, '来源', v.source);
    await this.form.getByLabel('督办事项').fill(v.title);
    await this.form.getByLabel('责任单位').fill(v.ownerUnit);
    await this.form.getByLabel('办结时限').fill(v.deadline);
    await this.form.getByRole('button', { name: '保存' }).click();
    await this.form.waitFor({ state: 'detached' });
  }
}

export class DocumentsPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly newButton: Locator;
  readonly printButton: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('documents-page');
    this.rows = page.getByTestId('document-row');
    this.newButton = page.getByRole('button', { name: '登记来文' });
    this.printButton = page.getByTestId('documents-print');
    this.form = page.getByTestId('document-form');
  }

  async goto(host: TestHost): Promise<void> {
    await this.page.goto(`${host.host.url}/#/documents`);
    await this.root.waitFor();
  }

  async fill(v: { kind: string; fromUnit: string; docNo: string; title: string; secrecy: string; urgency: string; dueAt?: string }): Promise<void> {
    await this.newButton.click();
    await this.form.waitFor();
    await pick(this.form, this.page, '类别', v.kind);
    await pick(this.form, this.page, '密级', v.secrecy);
    await pick(this.form, this.page, '紧急程度', v.urgency);
    await this.form.getByLabel('来文单位').fill(v.fromUnit);
    await this.form.getByLabel('文号').fill(v.docNo);
    await this.form.getByLabel('标题').fill(v.title);
    if (v.dueAt) await this.form.getByLabel('办理时限').fill(v.dueAt);
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: '保存' }).click();
  }
}

/**
 * Clicks a print button and returns once the printed page has rendered with
 * its chain head. Print views open in the same window (a new window has no
 * session in the browser and is refused in Electron); the browser's Back
 * returns to the register.
 */
export async function openPrint(button: Locator, testId: string): Promise<Page> {
  const page = button.page();
  await button.click();
  await page.getByTestId(testId).waitFor();
  await page.getByTestId('chain-head-stamp').waitFor();
  return page;
}
