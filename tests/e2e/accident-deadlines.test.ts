/**
 * Work-safety accidents of every grade have their deadlines, in the browser
 * (issue 11 item 4): a 3-death gas explosion shows its 2-hour deadline with
 * the article that sets it; a report where no deadline applies says 无时限;
 * a change of the rules leaves open incidents as they were, says so in the
 * settings and on the incident, and the leader re-applies with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { adminApi, closeAll, openBrowser, screenshot, setupViaApi, startTestHost, type AdminCall, type TestHost } from './helpers';
import { appPages, type AppPages } from './pages';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
let call: AdminCall;
const pageErrors: string[] = [];
let explosion = 0;
let landslide = 0;

beforeAll(async () => {
  host = await startTestHost(); // 2026-11-25 21:40
  await setupViaApi(host);
  call = await adminApi(host);
  const base = { occurredAt: new Date(host.clock.now() - 20 * 60_000).toISOString(), learnedAt: new Date(host.clock.now()).toISOString(), location: '高新区', unit: null, source: '区应急局', description: null };
  explosion = (await call('incident.create', { ...base, title: '燃气爆炸事故', category: 'accident', subType: 'industrial', level: 3, deaths: 3 })).id;
  landslide = (await call('incident.create', { ...base, title: '小型山体滑坡', category: 'natural', subType: 'geological', level: 4 })).id;
  await call('report.file', { incidentId: landslide, kind: 'first', content: '首报', recipient: '市政府总值班室', method: 'phone' });
  ({ browser, page } = await openBrowser(host, pageErrors));
  ui = appPages(page);
});
afterAll(() => closeAll(browser, host));

describe('deadlines of work-safety accidents', () => {
  it('the explosion has a 2-hour deadline, with its source', async () => {
    await ui.shell.goto(host, `incidents/${explosion}`);
    const dl = page.getByTestId('deadline');
    await dl.first().waitFor();
    expect(await dl.count()).toBe(1);
    expect(await dl.textContent()).toContain('2026-11-25 23:40');
    expect(await page.getByTestId('deadline-basis').textContent()).toContain('第十一条');
  });

  it('a report with no deadline to meet says 无时限, not 按时', async () => {
    await ui.shell.goto(host, `incidents/${landslide}`);
    await expect.poll(() => page.getByTestId('report-late').textContent()).toBe('无时限');
  });

  it('changing the rule: the settings say what happens to open incidents and list them; the incident says so; re-applied with a reason', async () => {
    await ui.shell.open('设置');
    await ui.settings.openTab('报送时限');
    const panel = page.getByTestId('accident-rules');
    await panel.waitFor();
    expect(await page.getByTestId('rules-change-note').textContent()).toContain('未结束的事件保持原时限');
    await panel.getByLabel('逐级上报（分钟，自接报起）').fill('60');
    await page.getByTestId('rules-panel').getByRole('button', { name: '保存', exact: true }).click();
    await page.getByTestId('rules-drift').getByRole('link', { name: /燃气爆炸事故/u }).waitFor();
    await screenshot(page, 'accident-01-rules-drift');

    await page.getByTestId('rules-drift').getByRole('link', { name: /燃气爆炸事故/u }).click();
    const drift = page.getByTestId('deadline-drift');
    await drift.waitFor();
    const text = (await drift.textContent()) ?? '';
    expect(text).toContain('2026-11-25 23:40');
    expect(text).toContain('2026-11-25 22:40');
    await drift.getByRole('button', { name: '按现行规则重算' }).click();
    await page.getByTestId('reapply-dialog-reason').fill('按市政府新规定，较大事故1小时内上报');
    await page.getByTestId('reapply-dialog-confirm').click();
    await drift.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('deadline').first().textContent()).toContain('2026-11-25 22:40');
    const audit = host.core.db.prepare("SELECT reason FROM audit_log WHERE action = 'incident.reapplyDeadlines'").all();
    expect(audit).toEqual([{ reason: '按市政府新规定，较大事故1小时内上报' }]);
  });

  it('no page error on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
