/**
 * Every feature works on every date (issue 11 item 3), in the browser, on
 * 2026-12-01 — when offices plan January. Before, the 新建值班表 dialog
 * defaulted to 2027-01 and failed there with no warning; now the roster page
 * says next year's notice is missing before the admin starts, links to 设置 →
 * 节假日, and planning works once the notice is pasted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeAll, openBrowser, setupViaApi, startTestHost, type TestHost } from './helpers';
import { appPages, type AppPages } from './pages';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
const pageErrors: string[] = [];

const notice2027 = '一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月6日（周六）至14日（周日）放假调休，共9天。2月20日（周六）上班。';

beforeAll(async () => {
  host = await startTestHost({ start: Date.parse('2026-12-01T09:45:00+08:00') });
  await setupViaApi(host);
  ({ browser, page } = await openBrowser(host, pageErrors));
  ui = appPages(page);
});
afterAll(() => closeAll(browser, host));

describe('planning January in December', () => {
  it('the roster page says 2027 has no holiday data before the admin starts; the dialog defaults to January and will not create it', async () => {
    await ui.shell.open('排班');
    const notice = page.getByTestId('holiday-data-missing');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('2027年的节假日安排尚未录入');
    await ui.roster.newPlanButton.click();
    const dialog = ui.roster.newPlanDialog();
    await expect.poll(() => dialog.month.textContent()).toBe('2027年1月');
    await expect.poll(() => dialog.title.inputValue()).toBe('2027年1月值班表');
    await dialog.root.getByTestId('holiday-data-missing').waitFor();
    expect(await dialog.root.getByRole('button', { name: '创建' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('the link opens 设置 → 节假日; pasting the 2027 notice makes January plannable', async () => {
    await page.getByTestId('holiday-data-missing').getByRole('link', { name: '去录入2027年放假通知' }).click();
    const year = page.getByLabel('年份');
    await year.waitFor();
    expect(await year.inputValue()).toBe('2027');
    await page.getByLabel('国务院通知全文（粘贴）').fill(notice2027);
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByTestId('notice-preview').waitFor();
    await page.getByRole('button', { name: '保存通知' }).click();
    await page.getByText('2027 本室录入').waitFor();

    await ui.shell.open('排班');
    await ui.roster.root.waitFor();
    expect(await page.getByTestId('holiday-data-missing').count()).toBe(0);
    await ui.roster.newPlanButton.click();
    const dialog = ui.roster.newPlanDialog();
    await expect.poll(() => dialog.title.inputValue()).toBe('2027年1月值班表');
    await dialog.create();
    const plans = host.core.db.prepare('SELECT title, from_date, to_date FROM roster_plans').all();
    expect(plans).toEqual([{ title: '2027年1月值班表', from_date: '2027-01-01', to_date: '2027-01-31' }]);
  });

  it('across midnight of New Year and a clock set back, the console still knows the day', async () => {
    await host.moveClock({ now: '2026-12-31T15:59:00.000Z' }); // 23:59 on 12-31
    await ui.shell.open('值班台');
    await ui.shell.clock.getByText(/2026年12月31日/u).waitFor();
    await host.moveClock({ now: '2026-12-31T16:01:00.000Z' }); // 00:01 on New Year's Day
    await ui.shell.clock.getByText(/2027年1月1日/u).waitFor();
    await host.moveClock({ now: '2026-12-31T15:30:00.000Z' }); // set back to 23:30
    await ui.shell.clock.getByText(/2026年12月31日/u).waitFor();
  });

  it('no page error on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
