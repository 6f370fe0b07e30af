/**
 * The XSS corpus through the roster's free-text fields (a direction override
 * is refused outright, in every one of them) — plan title and notes,
 * leave reason, swap reason, people's names — shown on the roster page (grid,
 * leave, swaps, versions tabs), the console card and the printed roster:
 * nothing executes and the layout holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeAll, loginUi, openBrowser, screenshot, setupViaApi, startTestHost, type TestHost } from './helpers';
import type { Input, MethodName, Output } from '../../shared/contract';
import { appPages, type AppPages } from './pages';

const img = '<img src=x onerror="window.__xss=1">';
const svg = '<svg onload="window.__xss=1">';
const js = 'javascript:window.__xss=1';
const rtl = '\u202Egnp.exe';
const longWord = '长'.repeat(400);

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
const errors: string[] = [];
const conn = { sessionId: null as string | null };

async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await host.api.call(method, input, conn);
  if (!r.ok) throw new Error(`${method}: ${r.error.message} ${JSON.stringify(r.error.details ?? {})}`);
  return r.value as Output<M>;
}

async function assertSafe(): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], script:not([src]), a[href^="javascript:"]').count()).toBe(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(2);
  expect(errors).toEqual([]);
}

beforeAll(async () => {
  host = await startTestHost();
  await setupViaApi(host);
  await host.api.call('auth.login', { login: 'admin', password: 'admin12345' }, conn);
  const leaders: number[] = [];
  const officers: number[] = [];
  for (let i = 0; i < 4; i += 1) leaders.push((await call('people.create', { name: i === 0 ? svg : `领导${i}`, department: null, title: null, officePhone: null, mobile: `1390000000${i}`, roles: ['leader'], sortOrder: i })).id);
  // A direction override is refused in every free-text field (the core names the field and the reason).
  const refused = async (method: MethodName, input: unknown, field: string) => {
    const r = await host.api.call(method, input, conn);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.issues).toContainEqual(expect.objectContaining({ path: field, messageKey: 'validation.controlChars' }));
  };
  await refused('people.create', { name: rtl, department: null, title: null, officePhone: null, mobile: null, roles: ['officer'], sortOrder: 0 }, 'name');
  await refused('roster.createPlan', { title: `计划${rtl}`, from: '2026-11-01', to: '2026-11-30', notes: null }, 'title');
  await refused('roster.createPlan', { title: '计划', from: '2026-11-01', to: '2026-11-30', notes: rtl }, 'notes');
  const officerNames = [img.slice(0, 40), js, '值班员三', `值班员${longWord}`.slice(0, 40), '值班员五', '值班员六', '值班员七', '值班员八'];
  for (const [i, name] of officerNames.entries()) officers.push((await call('people.create', { name, department: '应急指挥中心', title: null, officePhone: null, mobile: `1380000001${i}`, roles: ['officer'], sortOrder: 10 + i })).id);
  const plan = await call('roster.createPlan', { title: img.slice(0, 80), from: '2026-11-01', to: '2026-11-30', notes: [img, svg, js, longWord].join(' ').slice(0, 500) });
  await refused('roster.addLeave', { personId: officers[4]!, from: '2026-11-27', to: '2026-11-28', reason: `${svg}${rtl}` }, 'reason');
  await call('roster.addLeave', { personId: officers[4]!, from: '2026-11-27', to: '2026-11-28', reason: svg.slice(0, 100) });
  await call('roster.generate', { planId: plan.id });
  await call('roster.publish', { planId: plan.id, acceptWarnings: true });
  const detail = await call('roster.get', { planId: plan.id });
  const a = detail.assignments.find((x) => x.date === '2026-11-26' && x.role === 'officer')!;
  const b = detail.assignments.find((x) => x.date === '2026-11-29' && x.role === 'officer' && x.personId !== a.personId)!;
  await call('swaps.request', { planId: plan.id, kind: 'swap', personA: a.personId!, dateA: a.date, personB: b.personId!, dateB: b.date, reason: `${img} ${js} ${longWord}`.slice(0, 500) });
  ({ browser, page } = await openBrowser(host, errors, { login: false }));
  ui = appPages(page);
});
afterAll(() => closeAll(browser, host));

describe('XSS corpus through the roster', () => {
  it('shows hostile names on the console card without running them', async () => {
    await loginUi(page, host);
    await ui.console.onDuty.getByText('当前值班').waitFor();
    await assertSafe();
  });

  it('renders the plan, leave, swaps and versions tabs safely', async () => {
    await ui.shell.open('排班');
    await ui.roster.tab('换班/替班').waitFor();
    await assertSafe();
    for (const tab of ['换班/替班', '版本记录', '请假/不可排', '公平性']) {
      await ui.roster.openTab(tab);
      await page.waitForTimeout(200);
      await assertSafe();
    }
    // The hostile text is shown as text.
    await ui.roster.openTab('换班/替班');
    await expect.poll(() => ui.roster.showing(img, { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, 'xss-roster');
  });

  it('prints the roster with hostile title, notes and names as plain text', async () => {
    const plans = await call('roster.plans', {});
    await ui.shell.open('排班');
    await page.getByTestId('roster-print').click();
    await ui.rosterPrint.firstTable.waitFor();
    expect(page.url()).toContain(`#/print/roster/${plans[0]!.id}`);
    await assertSafe();
    expect(await page.locator('body').innerText()).toContain('<img src=x');
  });
});
