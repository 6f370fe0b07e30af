/**
 * 排班: the roster page (plans, the grid, publishing, swaps, versions, files),
 * its printed sheets, and the shift template in settings.
 */
import type { Locator, Page } from 'playwright-core';

export class RosterPage {
  readonly root: Locator;
  readonly newPlanButton: Locator;
  readonly autoGenerateButton: Locator;
  readonly planVersion: Locator;
  readonly versions: Locator;
  readonly swapList: Locator;
  readonly printDepartmentsLink: Locator;
  readonly exportIcsButton: Locator;
  readonly exportXlsxButton: Locator;
  /** The import buttons' file input (the roster sheet first). */
  readonly importFile: Locator;
  readonly importResult: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('roster-page');
    this.newPlanButton = page.getByRole('button', { name: '新建值班表' });
    this.autoGenerateButton = page.getByRole('button', { name: '自动排班' });
    this.planVersion = page.getByTestId('plan-version');
    this.versions = page.getByTestId('versions');
    this.swapList = page.getByTestId('swap-list');
    this.printDepartmentsLink = page.getByTestId('roster-print-departments');
    this.exportIcsButton = page.getByRole('button', { name: '导出日历' });
    this.exportXlsxButton = page.getByRole('button', { name: '导出 Excel' });
    this.importFile = page.locator('input[type=file]').first();
    this.importResult = page.getByTestId('import-result');
    this.empty = page.getByText('还没有值班表');
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  async openTab(name: string): Promise<void> {
    await this.tab(name).click();
  }

  /** A slot of the grid by its accessible name, e.g. "10月1日 带班领导" or "10月1日 值班员 2". */
  slot(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The new-plan dialog: choose the month in its picker, check the suggested title, then create. */
  newPlanDialog(): { root: Locator; month: Locator; title: Locator; chooseMonth: (month: string) => Promise<void>; create: () => Promise<void> } {
    const root = this.page.getByRole('dialog', { name: '新建值班表' });
    const page = this.page;
    const month = root.getByLabel('月份');
    return {
      root,
      month,
      /** Opens the month picker and clicks the month ("2026-10" → 2026 → 10月), as a user does. */
      chooseMonth: async (value: string) => {
        const [y, m] = value.split('-').map(Number) as [number, number];
        await month.click();
        // The picker's header shows the year; its arrows carry data-direction.
        const header = page.locator('button[class*="calendarHeaderLevel"]').last();
        await header.waitFor();
        for (let i = 0; i < 20; i += 1) {
          const shown = Number(((await header.textContent()) ?? '').replace(/\D/gu, ''));
          if (shown === y) break;
          await page.locator(`button[data-direction="${shown < y ? 'next' : 'previous'}"]`).last().click();
        }
        const dropdown = page.locator('table[class*="monthsList"]').last();
        await dropdown.getByRole('button', { name: `${m}月`, exact: true }).click();
      },
      title: root.getByLabel('标题'),
      create: async () => {
        await root.getByRole('button', { name: '创建' }).click();
        await root.waitFor({ state: 'detached' });
      },
    };
  }

  /** Publishes the plan and confirms in the dialog. */
  async publish(): Promise<void> {
    await this.page.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: '发布' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Requests a swap on the 换班/替班 tab: A's duty on `dateA` for B's on `dateB`. */
  async requestSwap(v: { personA: string; dateA: string; personB: string; dateB: string; reason: string }): Promise<void> {
    const p = this.page;
    await p.getByLabel('原值班人 A').selectOption({ label: v.personA });
    await p.getByLabel('A 的值班日期').fill(v.dateA);
    await p.getByLabel('A 的值班日期').press('Tab');
    await p.getByLabel('对方 B').selectOption({ label: v.personB });
    await p.getByLabel('B 的值班日期').fill(v.dateB);
    await p.getByLabel('B 的值班日期').press('Tab');
    await p.getByLabel('事由').fill(v.reason);
    await p.getByRole('button', { name: '申请换班' }).click();
  }

  async approveSwap(): Promise<void> {
    await this.swapList.getByRole('button', { name: '批准' }).click();
  }

  /** Text anywhere on the roster page (hostile names shown as text …). */
  showing(text: string, opts: { exact?: boolean } = {}): Locator {
    return this.page.getByText(text, opts);
  }
}

/** The printed roster: the month sheet (portrait) or the department grid (landscape). */
export class RosterPrintPage {
  readonly sheet: Locator;
  readonly monthSheet: Locator;
  readonly departmentSheet: Locator;
  readonly firstTable: Locator;

  constructor(readonly page: Page) {
    this.sheet = page.getByTestId('roster-sheet');
    this.monthSheet = page.locator('[data-testid="roster-sheet"]:not([data-layout])');
    this.departmentSheet = page.locator('[data-testid="roster-sheet"][data-layout="departments"]');
    this.firstTable = page.locator('table').first();
  }
}

/** Settings → 班次模板. */
export class ShiftTemplates {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('shift-templates');
  }

  /** Edits the template: how many people of a role a day type needs ("法定节假日 值班员" …), then saves. */
  async setNeed(label: string, count: number): Promise<void> {
    await this.root.getByRole('button', { name: '编辑' }).click();
    await this.page.getByLabel(label).fill(String(count));
    await this.page.getByRole('button', { name: '保存' }).click();
  }
}
