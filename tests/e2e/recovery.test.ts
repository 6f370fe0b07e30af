/**
 * Recovery mode in Chromium, through the real host process (issue 12 §3): a
 * desk's data file has its header smashed; `npm run web` starts in recovery
 * mode instead of exiting; the recovery screen names the fault and the last
 * known head and lists the backups with their check; the officer restores one
 * by clicking, confirming with the backup's admin password; then logs in and
 * finds the backup's records; the damaged file is kept aside, byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, newPage, screenshot, staticDir } from './helpers';
import { startHostProcess, type HostProcess } from './host-process';
import { LoginPage } from './pages/auth';
import { Shell } from './pages/shell';
import { makeDesk } from '../helpers/core';
import { auditHead } from '../../electron/core/audit/chain';
import { verifyAuditFile } from '../../electron/core/audit/verify';
import { createBackup, primaryBackupDir } from '../../electron/core/backup/service';
import { dbFileName } from '../../electron/core/store/connection';
import { trackChainHead } from '../../electron/core/trust/open';


const person = (name: string) => ({ name, department: '应急指挥中心', title: null, officePhone: null, mobile: null, roles: ['officer' as const], sortOrder: 0 });

let dir: string;
let backupName: string;
let seqBefore: number;
let damagedBytes: Buffer;
let host: HostProcess;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('renderer not built: run npm run build:renderer');
  const desk = await makeDesk();
  dir = desk.dir;
  const stop = trackChainHead(desk.core);
  await desk.call(desk.admin, 'people.create', person('备份前的值班员'));
  backupName = (await createBackup(desk.core, 'manual')).primary.fileName;
  await desk.call(desk.admin, 'people.create', person('备份之后的值班员'));
  await stop.flush();
  seqBefore = auditHead(desk.core.db).seq;
  stop();
  desk.core.close();
  const file = path.join(dir, dbFileName);
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.from('THIS IS NOT SQLITE!!'), 0, 20, 0);
  fs.closeSync(fd);
  damagedBytes = fs.readFileSync(file);
  host = await startHostProcess(dir);
  browser = await launchBrowser();
  page = await newPage(browser, errors);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  host?.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a data file that cannot be opened', () => {
  it('the host starts in recovery mode; the screen lists the backups; restoring one by clicking brings the desk back', async () => {
    expect(host.recovery).toBe(true);
    expect(host.stderr()).toContain('恢复模式');
    await page.goto(host.openUrl);
    const screen = page.getByTestId('recovery-page');
    await screen.waitFor();
    await expect(page.getByRole('heading', { name: '数据恢复' }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('recovery-fault').innerText()).resolves.toContain('已损坏');
    await expect(page.getByTestId('recovery-head').innerText()).resolves.toContain(`第 ${seqBefore} 条`);
    const row = page.getByTestId('recovery-backups').locator('tbody tr').filter({ hasText: backupName });
    await expect(row.innerText()).resolves.toContain('通过');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'recovery-zh-light');

    // English, and the dark theme, for the duty officer who reads them.
    await page.getByText('English').click();
    await page.getByRole('heading', { name: 'Data recovery' }).waitFor();
    await screenshot(page, 'recovery-en-light');
    await page.evaluate(() => localStorage.setItem('mantine-color-scheme-value', 'dark'));
    await page.reload();
    await page.getByRole('heading', { name: 'Data recovery' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'recovery-en-dark');
    await page.getByText('中文').click();
    await page.getByRole('heading', { name: '数据恢复' }).waitFor();
    await screenshot(page, 'recovery-zh-dark');
    await page.evaluate(() => localStorage.setItem('mantine-color-scheme-value', 'light'));
    await page.reload();
    await screen.waitFor();

    // A wrong password is refused and nothing moves.
    await row.getByRole('button', { name: /恢复此备份/u }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('管理员用户名').fill('admin');
    await dialog.getByLabel('密码').fill('wrong-password');
    await dialog.getByRole('button', { name: '恢复', exact: true }).click();
    await expect(dialog.getByTestId('recovery-error').innerText()).resolves.toContain('密码不对');
    expect(fs.readFileSync(path.join(dir, dbFileName)).equals(damagedBytes)).toBe(true);
    await expect(dialog.innerText()).resolves.toContain('需要补录');
    await screenshot(page, 'recovery-confirm-zh');

    await dialog.getByLabel('密码').fill('admin12345');
    await dialog.getByRole('button', { name: '恢复', exact: true }).click();
    // The login shows (the real desk now answers in the same host process), with what was restored and kept.
    const login = new LoginPage(page);
    await login.login.waitFor();
    const done = page.locator('.mantine-Notification-root').filter({ hasText: '已恢复' });
    await expect(done.innerText()).resolves.toContain(backupName);
    await screenshot(page, 'recovery-done-zh');

    // The damaged file is kept aside in backups/, byte for byte, and the message names it.
    const kept = fs.readdirSync(primaryBackupDir(dir)).filter((f) => f.endsWith('.damaged'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(primaryBackupDir(dir), kept[0]!)).equals(damagedBytes)).toBe(true);
    await expect(done.innerText()).resolves.toContain(kept[0]!);

    // Log in to the restored desk and find the backup's records.
    await login.signIn('admin', 'admin12345');
    const shell = new Shell(page);
    await shell.open('通讯录');
    const table = page.getByTestId('people-table');
    await table.getByText('备份前的值班员').waitFor();
    expect(await table.getByText('备份之后的值班员').count()).toBe(0);
    expect(verifyAuditFile(path.join(dir, dbFileName)).ok).toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);
});
