/**
 * The foundation, as a person uses it: first-run setup, login, directory,
 * settings, lock — in Debian's Chromium against the real host and a real
 * SQLite file. One screenshot per screen under artifacts/screens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, closeAll, completeSetup, openBrowser, screenshot, startTestHost, type TestHost } from './helpers';

let host: TestHost;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  host = await startTestHost();
  ({ browser, page } = await openBrowser(host, pageErrors, { login: false }));
});
afterAll(() => closeAll(browser, host));

describe('foundation in Chromium', () => {
  it('opens on first-run setup and nothing else', async () => {
    await page.goto(host.host.openUrl);
    await page.getByRole('heading', { name: '首次设置' }).waitFor();
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token=');
    await screenshot(page, '01-setup');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('completes setup and lands on the console with the clock and duty phone', async () => {
    await completeSetup(page, host);
    await expect.poll(() => page.getByTestId('clock').textContent()).toMatch(/2026年11月25日 星期三 21:4\d/u);
    await expect.poll(() => page.getByText('0758-2222110').count()).toBeGreaterThan(0);
    await screenshot(page, '02-console');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('adds a person, survives a reload, and finds them by pinyin initials and phone', async () => {
    await page.getByRole('link', { name: '通讯录' }).click();
    await page.getByRole('button', { name: '新增人员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('李值班');
    await dialog.getByLabel('部门').fill('应急指挥中心');
    await dialog.getByLabel('手机').fill('13912345678');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('people-table').getByText('李值班').waitFor();

    await page.reload();
    await page.getByTestId('people-table').getByText('李值班').waitFor();
    const search = page.getByTestId('directory-search');
    await search.fill('lzb');
    await expect.poll(() => page.getByTestId('people-table').locator('tbody tr').count()).toBe(1);
    await expect.poll(() => page.getByTestId('people-table').textContent()).toContain('李值班');
    await search.fill('12345678');
    await expect.poll(() => page.getByTestId('people-table').textContent()).toContain('13912345678');
    await search.fill('');
    await screenshot(page, '03-directory');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a translated field error for bad input and saves nothing', async () => {
    const before = (host.core.db.prepare('SELECT count(*) n FROM people').get() as { n: number }).n;
    await page.getByRole('button', { name: '新增人员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('坏号码');
    await dialog.getByLabel('手机').fill('call me maybe');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('电话号码只能包含数字').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    const after = (host.core.db.prepare('SELECT count(*) n FROM people').get() as { n: number }).n;
    expect(after).toBe(before);
  });

  it('adds an external contact', async () => {
    await page.getByRole('tab', { name: '外部联系单位' }).click();
    await page.getByRole('button', { name: '新增联系单位' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('市政府总值班室');
    await dialog.getByLabel('电话').first().fill('0758-2888110');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('contacts-table').getByText('市政府总值班室').waitFor();
  });

  it('shows settings with desk and users', async () => {
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByLabel('单位名称').waitFor();
    await screenshot(page, '04-settings');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: '用户' }).click();
    await page.getByTestId('users-table').getByText('admin').waitFor();
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: '切换语言 / Language' }).click();
    await page.getByRole('link', { name: 'Directory' }).waitFor();
    await page.getByRole('button', { name: '切换语言 / Language' }).click();
    await page.getByRole('link', { name: '通讯录' }).waitFor();
  });

  it('locks with Ctrl+L and unlocks with the password', async () => {
    await page.getByRole('link', { name: '值班台' }).click();
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { name: '值守台已锁定' }).waitFor();
    await screenshot(page, '05-lock');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('密码').fill('wrong-password1');
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByText('用户名或密码错误').waitFor();
    await page.getByLabel('密码').fill('admin12345');
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByTestId('console').waitFor();
  });

  it('logs out to the login screen and back in', async () => {
    await page.getByRole('button', { name: '账户' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    await screenshot(page, '06-login');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('登录名').fill('admin');
    await page.getByLabel('密码').fill('admin12345');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('console').waitFor();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
