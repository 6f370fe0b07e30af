/**
 * The browser mode can be found again (issue 11 item 2): the address without
 * its token (a bookmark, a new tab) said the service was not running. It is
 * running; the page now says the link lacks its token and how to get it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closeAll, launchBrowser, newPage, setupViaApi, startTestHost, type TestHost } from './helpers';

let host: TestHost;
let browser: Browser;

beforeAll(async () => {
  host = await startTestHost();
  await setupViaApi(host);
  browser = await launchBrowser();
});
afterAll(() => closeAll(browser, host));

describe('the address without its token', () => {
  it('a new tab on the bare address says the link is missing its token, and how to get it', async () => {
    const page = await newPage(browser);
    await page.goto(`${host.host.url}/`);
    const alert = page.getByTestId('connect-error');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('此地址需要启动时打印的访问链接');
    expect(text).toContain('npm run web -- --open');
    expect(text).not.toContain('请检查程序是否仍在运行');
    await page.close();
  });

  it('a link already used once says the same (it opens nothing the second time)', async () => {
    const link = host.host.openUrl;
    const first = await newPage(browser);
    await first.goto(link);
    await first.getByRole('button', { name: '登录' }).waitFor();
    await first.close();
    const again = await newPage(browser);
    await again.goto(link);
    await again.getByTestId('connect-error').getByText(/此地址需要启动时打印的访问链接/u).waitFor();
    await again.close();
  });

  it('a tab holding the token of an earlier start says the link expired', async () => {
    const page = await newPage(browser);
    await page.goto(host.host.openUrl);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.evaluate(() => sessionStorage.setItem('dutydesk.token', 'from-yesterday'));
    await page.reload();
    await page.getByTestId('connect-error').getByText(/访问链接已失效/u).waitFor();
    await page.close();
  });

  it('the printed link still opens the desk', async () => {
    const page = await newPage(browser);
    await page.goto(host.host.openUrl);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.close();
  });
});
