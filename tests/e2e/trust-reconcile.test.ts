/**
 * Issue 12 in Chromium: the one-time link leaves nothing reusable in the
 * address bar or history; "立即检查" names a record edited behind the app's
 * back (table, id, field); the incident form cuts a long summary between
 * characters, never inside an emoji.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeAll, newPage, openBrowser, screenshot, setupViaApi, startTestHost, type TestHost } from './helpers';
import { appPages, type AppPages } from './pages';
import { isWellFormed } from '../../shared/text';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
const pageErrors: string[] = [];
const adminConn = { sessionId: null as string | null };

beforeAll(async () => {
  host = await startTestHost();
  await setupViaApi(host);
  const r = await host.api.call('auth.login', { login: 'admin', password: 'admin12345' }, adminConn);
  if (!r.ok) throw new Error(r.error.message);
  ({ browser, page } = await openBrowser(host, pageErrors));
  ui = appPages(page);
});
afterAll(() => closeAll(browser, host));

describe('issue 12 in Chromium', () => {
  it('opens from a one-time link: no ticket or token stays in the address bar, and the used link opens nothing', async () => {
    const link = host.host.openUrl;
    const fresh = await newPage(browser);
    await fresh.goto(link);
    await fresh.getByRole('button', { name: '登录' }).waitFor();
    const url = fresh.url();
    expect(url).not.toContain('ticket=');
    expect(url).not.toContain(host.host.token);
    const seen = await fresh.evaluate(() => ({ href: window.location.href, length: window.history.length }));
    expect(seen.href).not.toContain(host.host.token);
    // The same link in another browser context: the ticket is spent, the API stays closed.
    const other = await newPage(browser);
    await other.goto(link);
    const status = await other.evaluate(async () => (await fetch('/api/app.status', { method: 'POST', body: '{}' })).status);
    expect(status).toBe(401);
    await fresh.context().close();
    await other.context().close();
  });

  it('"立即检查" lists a log entry whose summary was changed behind the app', async () => {
    const e = await host.api.call('log.create', { kind: 'incoming_call', summary: '来电：道路积水' }, adminConn);
    if (!e.ok) throw new Error(e.error.message);
    const id = (e.value as { id: number }).id;
    host.core.db.prepare("UPDATE log_entries SET summary = '被篡改的记录' WHERE id = ?").run(id);
    await ui.shell.goto(host, 'settings');
    await ui.settings.openTab('完整性检查');
    await page.getByTestId('integrity-run').click();
    const records = page.getByTestId('integrity-records');
    await records.waitFor();
    await expect.poll(() => records.textContent()).toContain(`值班记录（log_entries） 第 ${id} 条的 summary`);
    expect(await records.textContent()).toContain('被篡改的记录');
    expect(await page.getByTestId('integrity-result').textContent()).toContain('检查发现问题');
    await screenshot(page, 'trust-06-integrity-records');
  });

  it('the incident form cuts a long call between characters, never inside an emoji', async () => {
    // Since issue 11 the title is the call's first clause cut to 30 characters, and the whole call goes to
    // the description. 28 characters, then a flag and a thumbs-up with its skin tone (two code points each)
    // straddle the 30-character cut: a cut by code points would keep the flag and drop the thumbs-up.
    const flag = '\u{1F1E8}\u{1F1F3}';
    const thumb = '\u{1F44D}\u{1F3FD}';
    const summary = `${'来'.repeat(28)}${flag}${thumb}之后还有话`;
    await ui.shell.goto(host, 'console');
    await ui.console.log(summary);
    await ui.console.entry('来'.repeat(20), { exact: false }).first().click();
    await ui.console.raiseIncidentButton.click();
    const title = await ui.incidentForm.title.inputValue();
    expect(isWellFormed(title)).toBe(true);
    expect(title).toBe(`${'来'.repeat(28)}${flag}${thumb}`);
    expect(await ui.incidentForm.description.inputValue()).toBe(summary);
    await ui.incidentForm.location.fill('某地');
    await ui.incidentForm.save();
    // The saved incident keeps the whole emoji in its title.
    await ui.incident.waitFor();
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(title);
    expect(pageErrors).toEqual([]);
  });
});
