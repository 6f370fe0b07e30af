/**
 * A new desk in Chromium (issue 11 item 10): first-run setup → the empty
 * console shows the next steps, each a link → 通讯录 → 新增人员 with
 * 同时创建登录账号 (the password rule of the users screen; a taken name writes
 * nothing) → that person signs in with their own login.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, closeAll, completeSetup, launchBrowser, newPage, screenshot, startTestHost, type TestHost } from './helpers';
import { appPages, type AppPages } from './pages';
import { EntryDialog } from './pages/directory';
import { LoginPage } from './pages/auth';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
const pageErrors: string[] = [];
const count = (table: 'people' | 'users') => (host.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  host = await startTestHost();
  browser = await launchBrowser();
  page = await newPage(browser, pageErrors);
  ui = appPages(page);
});
afterAll(() => closeAll(browser, host));

describe('a new desk: setup, next steps, a person with their login', () => {
  it('after first-run setup the empty console lists the next steps, each a link', async () => {
    await completeSetup(page, host);
    const steps = page.getByTestId('next-steps');
    await steps.waitFor();
    expect(await steps.textContent()).toContain('当前没有已发布的值班安排');
    expect(await steps.textContent()).toContain('需要登录的人可在同一对话框中建立登录账号');
    await screenshot(page, 'first-run-01-console-next-steps');
    await steps.getByRole('link', { name: '去新建值班表' }).click();
    await expect.poll(() => page.url()).toContain('#/roster');
    await page.goBack();
    await steps.getByRole('link', { name: '去添加人员' }).click();
    await ui.directory.addPersonButton.waitFor();
    expect(page.url()).toContain('#/directory');
  });

  it('adds a person with a login in the same dialog; a weak password or a taken name writes nothing', async () => {
    const [people, users] = [count('people'), count('users')];
    await ui.directory.addPersonButton.click();
    const dialog = new EntryDialog(page);
    await dialog.fill({ 姓名: '李值班', 部门: '应急指挥中心', 手机: '13900000001' });
    const account = dialog.root.getByTestId('person-login');
    await account.getByLabel('同时创建登录账号').check();
    await account.getByLabel('登录名').fill('admin');
    await account.getByLabel(/^密码/u).fill('short');
    await dialog.saveButton.click();
    await dialog.showing('密码至少 8 位，且同时包含字母和数字').first().waitFor();
    expect([count('people'), count('users')]).toEqual([people, users]);
    await account.getByLabel(/^密码/u).fill('duty2026');
    await dialog.saveButton.click();
    await dialog.showing('登录名已被使用').waitFor();
    expect([count('people'), count('users')]).toEqual([people, users]);
    // The login's roles follow the person's duty role (值班员) until changed.
    expect(await account.getByRole('checkbox', { name: '值班员' }).isChecked()).toBe(true);
    await account.getByLabel('登录名').fill('lizhiban');
    await screenshot(page, 'first-run-02-person-with-login');
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe)).toEqual([]);
    await dialog.save();
    await ui.directory.peopleTable.getByText('李值班').waitFor();
    expect([count('people'), count('users')]).toEqual([people + 1, users + 1]);
    // The users screen lists the new login, linked to the person.
    await ui.shell.open('设置');
    await page.getByRole('tab', { name: '用户' }).click();
    await page.getByTestId('users-table').getByText('lizhiban').waitFor();
  });

  it('the new person signs in with their own login and sees the console', async () => {
    await ui.shell.logout();
    await new LoginPage(page).signIn('lizhiban', 'duty2026');
    // The last user left 设置 open; a new login starts on the console, not on the admin's screen.
    await ui.console.waitFor();
    expect(page.url()).toMatch(/#\/console$/u);
    await page.getByRole('button', { name: '账户' }).click();
    await page.getByRole('menu').getByText('李值班').waitFor();
    await page.keyboard.press('Escape');
    // Not an admin: the console asks the admin for a roster instead of offering the admin's steps.
    expect(await page.getByTestId('next-steps').textContent()).toContain('请管理员在通讯录中添加人员并发布值班表');
    expect(pageErrors).toEqual([]);
  });

  it('the dialog reads in English and in the light theme too', async () => {
    await ui.shell.logout();
    await new LoginPage(page).signIn('admin', 'admin12345');
    await ui.shell.open('通讯录');
    for (let i = 0; i < 3 && !(await page.getByRole('button', { name: '主题：浅色' }).count()); i += 1) await page.getByRole('button', { name: /^主题/u }).click();
    await ui.shell.languageButton.click();
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Also create a login').check();
    await dialog.getByText('Login roles').waitFor();
    expect(await dialog.textContent()).toContain('At least 8 characters with letters and digits');
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe)).toEqual([]);
    await screenshot(page, 'first-run-03-person-with-login-en-light');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(pageErrors).toEqual([]);
  });
});
