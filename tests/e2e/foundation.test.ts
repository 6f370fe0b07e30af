/**
 * The foundation, as a person uses it: first-run setup, login, directory,
 * settings, lock — in Debian's Chromium against the real host and a real
 * SQLite file. One screenshot per screen under artifacts/screens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, closeAll, completeSetup, openBrowser, screenshot, startTestHost, type TestHost } from './helpers';
import { appPages, type AppPages } from './pages';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
const pageErrors: string[] = [];

beforeAll(async () => {
  host = await startTestHost();
  ({ browser, page } = await openBrowser(host, pageErrors, { login: false }));
  ui = appPages(page);
});
afterAll(() => closeAll(browser, host));

describe('foundation in Chromium', () => {
  it('opens on first-run setup and nothing else', async () => {
    await page.goto(host.host.openUrl);
    await ui.setup.heading.waitFor();
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token=');
    await screenshot(page, '01-setup');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('completes setup and lands on the console with the clock and duty phone', async () => {
    await completeSetup(page, host);
    await expect.poll(() => ui.shell.clock.textContent()).toMatch(/2026年11月25日 星期三 21:4\d/u);
    await expect.poll(() => page.getByText('0758-2222110').count()).toBeGreaterThan(0);
    await screenshot(page, '02-console');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('adds a person, survives a reload, and finds them by pinyin initials and phone', async () => {
    const directory = ui.directory;
    await ui.shell.open('通讯录');
    await directory.addPerson({ 姓名: '李值班', 部门: '应急指挥中心', 手机: '13912345678' });
    await directory.peopleTable.getByText('李值班').waitFor();

    await page.reload();
    await directory.peopleTable.getByText('李值班').waitFor();
    const search = directory.search;
    await search.fill('lzb');
    await expect.poll(() => directory.peopleRows.count()).toBe(1);
    await expect.poll(() => directory.peopleTable.textContent()).toContain('李值班');
    await search.fill('12345678');
    await expect.poll(() => directory.peopleTable.textContent()).toContain('13912345678');
    await search.fill('');
    await screenshot(page, '03-directory');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a translated field error for bad input and saves nothing', async () => {
    const before = (host.core.db.prepare('SELECT count(*) n FROM people').get() as { n: number }).n;
    const dialog = await ui.directory.openPersonForm();
    await dialog.fill({ 姓名: '坏号码', 手机: 'call me maybe' });
    await dialog.saveButton.click();
    await dialog.showing('电话号码只能包含数字').waitFor();
    await dialog.cancelButton.click();
    const after = (host.core.db.prepare('SELECT count(*) n FROM people').get() as { n: number }).n;
    expect(after).toBe(before);
  });

  it('adds an external contact', async () => {
    await ui.directory.contactsTab.click();
    const dialog = await ui.directory.openContactForm();
    await dialog.field('名称').fill('市政府总值班室');
    await dialog.field('电话').first().fill('0758-2888110');
    await dialog.saveButton.click();
    await ui.directory.contactsTable.getByText('市政府总值班室').waitFor();
  });

  it('shows settings with desk and users', async () => {
    await ui.shell.open('设置');
    await ui.settings.unitName.waitFor();
    await screenshot(page, '04-settings');
    expect(await axeViolations(page)).toEqual([]);
    await ui.settings.openTab('用户');
    await ui.settings.usersTable.getByText('admin').waitFor();
  });

  it('switches to English and back', async () => {
    await ui.shell.languageButton.click();
    await ui.shell.navLink('Directory').waitFor();
    await ui.shell.languageButton.click();
    await ui.shell.navLink('通讯录').waitFor();
  });

  it('locks with Ctrl+L and unlocks with the password', async () => {
    await ui.shell.open('值班台');
    await page.keyboard.press('Control+L');
    await ui.lock.heading.waitFor();
    await screenshot(page, '05-lock');
    expect(await axeViolations(page)).toEqual([]);
    await ui.lock.unlock('wrong-password1');
    await page.getByText('用户名或密码错误').waitFor();
    await ui.lock.unlock('admin12345');
    await ui.console.waitFor();
  });

  it('logs out to the login screen and back in', async () => {
    await ui.shell.logout();
    await ui.login.submit.waitFor();
    await screenshot(page, '06-login');
    expect(await axeViolations(page)).toEqual([]);
    await ui.login.signIn('admin', 'admin12345');
    await ui.console.waitFor();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
