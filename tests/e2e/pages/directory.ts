/**
 * 通讯录: people and outside contacts, their forms, search, export; and the printed directory.
 */
import type { Locator, Page } from 'playwright-core';
import type { TestHost } from '../helpers';

/** The person or contact dialog. */
export class EntryDialog {
  readonly root: Locator;
  readonly saveButton: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog');
    this.saveButton = this.root.getByRole('button', { name: '保存' });
    this.cancelButton = this.root.getByRole('button', { name: '取消' });
  }

  field(label: string): Locator {
    return this.root.getByLabel(label);
  }

  showing(text: string): Locator {
    return this.root.getByText(text);
  }

  /** Fills fields by label (姓名, 部门, 手机, 名称 …). */
  async fill(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) await this.field(label).fill(value);
  }

  /** Saves and waits for the dialog to close. */
  async save(): Promise<void> {
    await this.saveButton.click();
    await this.root.waitFor({ state: 'detached' });
  }
}

export class DirectoryPage {
  readonly search: Locator;
  readonly peopleTable: Locator;
  readonly peopleRows: Locator;
  readonly contactsTable: Locator;
  readonly addPersonButton: Locator;
  readonly addContactButton: Locator;
  readonly contactsTab: Locator;
  readonly exportButton: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('directory-search');
    this.peopleTable = page.getByTestId('people-table');
    this.peopleRows = this.peopleTable.locator('tbody tr');
    this.contactsTable = page.getByTestId('contacts-table');
    this.addPersonButton = page.getByRole('button', { name: '新增人员' });
    this.addContactButton = page.getByRole('button', { name: '新增联系单位' });
    this.contactsTab = page.getByRole('tab', { name: '外部联系单位' });
    this.exportButton = page.getByRole('button', { name: '导出 Excel' });
  }

  async goto(host: TestHost): Promise<void> {
    await this.page.goto(`${host.host.url}/#/directory`);
  }

  async openPersonForm(): Promise<EntryDialog> {
    await this.addPersonButton.click();
    return new EntryDialog(this.page);
  }

  async openContactForm(): Promise<EntryDialog> {
    await this.addContactButton.click();
    return new EntryDialog(this.page);
  }

  /** Adds a person through the form (fields by label) and waits for the dialog to close. */
  async addPerson(fields: Record<string, string>): Promise<void> {
    const dialog = await this.openPersonForm();
    await dialog.fill(fields);
    await dialog.save();
  }
}

export class DirectoryPrintPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('directory-print');
  }

  /** Opens the printout as the user does: 通讯录 → 打印通讯录. */
  async open(host: TestHost): Promise<void> {
    await this.page.goto(`${host.host.url}/#/directory`);
    await this.page.getByTestId('directory-print-button').click();
    await this.root.waitFor();
  }
}
