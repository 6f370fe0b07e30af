/**
 * 设置: the tabs (desk, users, domain panels).
 */
import type { Locator, Page } from 'playwright-core';
import { ShiftTemplates } from './roster';
import { BackupsPanel } from './trust';

export class SettingsPage {
  readonly unitName: Locator;
  readonly usersTable: Locator;
  readonly shiftTemplates: ShiftTemplates;
  readonly backups: BackupsPanel;

  constructor(readonly page: Page) {
    this.unitName = page.getByLabel('单位名称');
    this.usersTable = page.getByTestId('users-table');
    this.shiftTemplates = new ShiftTemplates(page);
    this.backups = new BackupsPanel(page);
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }
}
