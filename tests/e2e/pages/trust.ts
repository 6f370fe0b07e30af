/**
 * Trust: the audit page (verify the chain, checkpoints, the signing key, the
 * log itself), backups and restore in settings, and the printed audit log.
 */
import type { Locator, Page } from 'playwright-core';
import type { TestHost } from '../helpers';

export class AuditPage {
  readonly verifyButton: Locator;
  readonly verifyResult: Locator;
  readonly exportCheckpointButton: Locator;
  readonly keyFingerprint: Locator;
  readonly rotateKeyButton: Locator;
  /** Picks a checkpoint file to verify against. */
  readonly checkpointFile: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.verifyButton = page.getByTestId('verify-button');
    this.verifyResult = page.getByTestId('verify-result');
    this.exportCheckpointButton = page.getByTestId('export-checkpoint');
    this.keyFingerprint = page.getByTestId('key-fingerprint');
    this.rotateKeyButton = page.getByTestId('rotate-key');
    this.checkpointFile = page.getByTestId('checkpoint-file');
    this.table = page.getByTestId('audit-table');
  }

  async goto(host: TestHost): Promise<void> {
    await this.page.goto(`${host.host.url}/#/audit`);
  }

  /** Opens the rotate-key dialog and fills the reason; returns its confirm button. */
  async startKeyRotation(reason: string): Promise<Locator> {
    await this.rotateKeyButton.click();
    const dialog = this.page.getByRole('dialog', { name: '更换签名密钥' });
    await dialog.getByLabel('更换原因').fill(reason);
    return dialog.getByRole('button', { name: '更换签名密钥' });
  }
}

/** Settings → 备份与恢复. */
export class BackupsPanel {
  readonly backupNowButton: Locator;
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.backupNowButton = page.getByTestId('backup-now');
    this.table = page.getByTestId('backup-table');
    this.rows = this.table.locator('tbody tr');
  }

  /** Restores the newest backup with a reason and waits for the dialog to close. */
  async restoreNewest(reason: string): Promise<void> {
    await this.table.getByRole('button', { name: /^恢复/u }).first().click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('restore-reason').fill(reason);
    await dialog.getByTestId('restore-confirm').click();
    await dialog.waitFor({ state: 'detached' });
  }
}

/** The printed audit log (and any print view stamped with the chain head). */
export class AuditPrintPage {
  readonly chainHeadStamp: Locator;
  constructor(readonly page: Page) {
    this.chainHeadStamp = page.getByTestId('chain-head-stamp');
  }

  /** Opens the printout as the user does: 审计日志, the date range, then 打印. */
  async open(host: TestHost, from: string, to: string): Promise<void> {
    await this.page.goto(`${host.host.url}/#/audit`);
    for (const [id, value] of [['audit-from', from], ['audit-to', to]] as const) {
      const field = this.page.getByTestId(id);
      await field.fill(value);
      await field.press('Enter');
    }
    await this.page.getByTestId('audit-print').click();
    await this.page.getByTestId('print-now').waitFor();
  }
}
