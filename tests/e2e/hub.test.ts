/**
 * Issue 15 end to end, in Chromium, as the people click it: a hub (embedded
 * engine) serving its console, two desk hosts on two data folders.
 *
 * The hub admin creates enrolment codes in the hub console; each desk's
 * admin enrols in 设置 → 上级汇总. Desk A logs a call and is 已连接. Desk B's
 * network to the hub is cut (a proxy between them closes): it logs calls,
 * its console shows 离线 since … and N 条待上报, the board shows it red;
 * the link returns and B drains its backlog. A system 查岗 goes to every
 * desk: A's officer answers 在岗 within the limit, B does not — 漏岗. The
 * 汇总 sheet prints to a PDF that names both desks and both outcomes.
 *
 * Desk A also files a zero report (issue 13's daily report, arranged through
 * its API): the board shows it from A's stream, and B's missing report in red.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Hub } from '../../hub/hub';
import { openEmbeddedEngine } from '../../hub/db/embedded-engine';
import { serve, type RunningServer } from '../../hub/server';
import { upsertUser } from '../../hub/console';
import { ManualClock } from '../../electron/core/clock';
import { startOutbox, type Outbox } from '../../electron/core/uplink/outbox';
import { adminApi, artifactsDir, axeViolations, e2eStart, launchBrowser, loginUi, newPage, printToPdf, screenshot, setupViaApi, startTestHost, staticDir, type TestHost } from './helpers';

/** A TCP proxy we can cut and restore: desk B's network to the hub. */
async function cuttableLink(target: number): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((c) => {
        const up = net.connect(target, '127.0.0.1');
        sockets.add(c).add(up);
        c.pipe(up).pipe(c);
        const drop = () => {
          c.destroy();
          up.destroy();
          sockets.delete(c);
          sockets.delete(up);
        };
        c.on('error', drop).on('close', drop);
        up.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const shut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await open();
  return { port, cut: shut, restore: open, close: shut };
}

describe('a district hub and two desks, in Chromium', () => {
  let hub: Hub;
  let hubServer: RunningServer;
  let hubDir: string;
  let a: TestHost;
  let b: TestHost;
  let boxA: Outbox;
  let boxB: Outbox;
  let link: Awaited<ReturnType<typeof cuttableLink>>;
  let browser: Browser;
  let hubPage: Page;
  let pageA: Page;
  let pageB: Page;
  const errors: string[] = [];
  const hubClock = new ManualClock();

  beforeAll(async () => {
    hubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dutydesk-hub-e2e-'));
    hubClock.set(e2eStart);
    hub = await Hub.open(await openEmbeddedEngine(path.join(hubDir, 'pgdata')), { now: () => new Date(hubClock.now()) });
    hubServer = await serve(hub, { adminToken: null, console: { staticDir, hubName: '端州区总值班室', timeZone: 'Asia/Shanghai' } });
    await upsertUser(hub, { login: 'chief', displayName: '区值班长', role: 'admin', password: 'hub12345' });
    link = await cuttableLink(Number(new URL(hubServer.url).port));
    a = await startTestHost();
    b = await startTestHost();
    for (const [h, name] of [
      [a, '城东街道值班室'],
      [b, '城西镇值班室'],
    ] as const) {
      await setupViaApi(h);
      const call = async (m: 'desk.update', i: { unitName: string }) => h.api.call(m, i, (await loginConn(h)).conn);
      await call('desk.update', { unitName: name });
    }
    // Short pauses: the e2e should not wait the deployed 10 s poll / 60 s retry.
    boxA = startOutbox(a.core, { pollMs: 1_000, debounceMs: 100, retryMinMs: 500, retryMaxMs: 1_000, timeoutMs: 2_000 });
    boxB = startOutbox(b.core, { pollMs: 1_000, debounceMs: 100, retryMinMs: 500, retryMaxMs: 1_000, timeoutMs: 2_000 });
    browser = await launchBrowser();
    hubPage = await newPage(browser, errors);
    pageA = await newPage(browser, errors);
    pageB = await newPage(browser, errors);
    // Three pages, two desks, a hub and their outboxes share two cores with other work: patience.
    for (const p of [hubPage, pageA, pageB]) p.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    boxA?.stop();
    boxB?.stop();
    await browser?.close();
    await a?.close();
    await b?.close();
    await link?.close();
    await hubServer?.close();
    await hub?.close();
    if (hubDir) fs.rmSync(hubDir, { recursive: true, force: true });
  });

  async function loginConn(h: TestHost) {
    const conn = { sessionId: null as string | null };
    const r = await h.api.call('auth.login', { login: 'admin', password: 'admin12345' }, conn);
    if (!r.ok) throw new Error(r.error.message);
    return { conn };
  }

  const codes: string[] = [];
  async function codeFromHub(unit: string): Promise<string> {
    await hubPage.getByRole('link', { name: '台席登记' }).click();
    await hubPage.getByLabel('单位（备注）').fill(unit);
    await hubPage.getByTestId('create-code').click();
    // Wait for the new code: the alert may still show the previous one for a moment.
    let code = '';
    await expect
      .poll(async () => {
        code = /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/u.exec(await hubPage.getByTestId('enrol-code').innerText())?.[0] ?? '';
        return code !== '' && !codes.includes(code);
      })
      .toBe(true);
    codes.push(code);
    return code;
  }

  async function enrolDesk(page: Page, host: TestHost, url: string, code: string): Promise<void> {
    await loginUi(page, host);
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('tab', { name: '上级汇总' }).click();
    await page.getByLabel('上级地址').fill(url);
    await page.getByLabel('登记码').fill(code);
    await page.getByRole('button', { name: '登记到上级' }).click();
    await page.getByTestId('uplink-enrolled').or(page.getByTestId('uplink-enrol-error')).waitFor();
    const refused = page.getByTestId('uplink-enrol-error');
    if (await refused.isVisible()) throw new Error(`enrolment refused: ${await refused.innerText()}`);
  }

  async function logCall(page: Page, text: string): Promise<void> {
    await page.getByRole('link', { name: '值班台' }).click();
    await page.getByTestId('log-summary').fill(text);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('log-timeline').getByText(text).waitFor();
  }

  it('enrols both desks with codes from the hub console', async () => {
    await hubPage.goto(`${hubServer.url}/`);
    await hubPage.getByLabel('登录名').fill('chief');
    await hubPage.getByLabel('密码').fill('hub12345');
    await hubPage.getByRole('button', { name: '登录' }).click();
    await hubPage.getByTestId('hub-board').waitFor();
    await screenshot(hubPage, 'hub-board-empty');

    await enrolDesk(pageA, a, hubServer.url, await codeFromHub('城东街道'));
    await enrolDesk(pageB, b, `http://127.0.0.1:${link.port}`, await codeFromHub('城西镇'));
    await screenshot(pageB, 'desk-settings-uplink');
    expect(await axeViolations(pageB)).toEqual([]);
  });

  it('desk A logs and is 已连接; desk B, cut off, keeps logging and shows 离线 and what waits', async () => {
    await logCall(pageA, '区应急局来电：城东路段积水已处置');
    await expect.poll(() => pageA.getByTestId('uplink-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('connected');
    await expect.poll(() => pageA.getByTestId('uplink-pending').innerText(), { timeout: 15_000 }).toBe('全部已上报');
    // Desk A files its report for the day — a zero report, sent (by phone) at 16:30, before the 17:00 cutoff.
    const callA = await adminApi(a);
    const draft = await callA('dailyReport.draft', { date: '2026-11-25', summary: null });
    expect(draft.kind).toBe('zero');
    const reviewed = await callA('dailyReport.review', { id: draft.id, expectedVersion: draft.version, note: null });
    await callA('dailyReport.send', { id: reviewed.id, expectedVersion: reviewed.version, recipient: '端州区总值班室', method: 'phone', sentAt: '2026-11-25T16:30:00+08:00' });
    // And registers a group visit of 23 to the district (issue 14's register, arranged through its API).
    await callA('petitions.create', { form: 'visit', persons: 23, level: 'district', category: '劳动社会保障', summary: '反映拖欠工资问题', petitioners: [{ name: '李代表' }] });

    await link.cut();
    await logCall(pageB, '村委会来电：西江水位上涨');
    await logCall(pageB, '派出所来电：已组织巡查');
    // Two petitioners of B's went to the city while its link was down.
    await (await adminApi(b))('petitions.create', { form: 'visit', persons: 2, level: 'city', category: '土地征用', summary: '反映征地补偿问题', petitioners: [{ name: '周某' }] });
    await expect.poll(() => pageB.getByTestId('uplink-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('offline');
    await expect.poll(async () => /^\d+ 条待上报$/u.test(await pageB.getByTestId('uplink-pending').innerText()), { timeout: 15_000 }).toBe(true);
    expect(await pageB.getByTestId('uplink-state').innerText()).toMatch(/离线（自 2026-11-25 21:4\d 起）/u);
    await screenshot(pageB, 'desk-console-offline');

    // The hub has not heard from B for longer than its window: red on the board.
    hubClock.advance(120_000);
    await hubPage.getByRole('link', { name: '看板' }).click();
    await hubPage.getByRole('button', { name: '刷新' }).click();
    const rowB = hubPage.locator(`[data-testid="board-desk"]`, { hasText: '城西镇值班室' });
    await rowB.getByTestId('desk-offline').waitFor();
    await expect.poll(() => hubPage.getByTestId('board-desk').count()).toBe(2);
    // A's zero report reached the board through its stream; B has filed nothing: red.
    const rowA = hubPage.locator(`[data-testid="board-desk"]`, { hasText: '城东街道值班室' });
    await expect.poll(() => rowA.getByTestId('daily-report').getAttribute('data-state'), { timeout: 15_000 }).toBe('filed');
    expect(await rowA.getByTestId('daily-report').innerText()).toBe('零报告 · 已报 16:30');
    expect(await rowB.getByTestId('daily-report').getAttribute('data-state')).toBe('missing');
    await screenshot(hubPage, 'hub-board-one-offline');
  });

  it('desk B drains its backlog when the link returns', async () => {
    const pendingBefore = Number((await pageB.getByTestId('uplink-pending').innerText()).match(/\d+/u)![0]);
    // The two calls logged offline, at least.
    expect(pendingBefore).toBeGreaterThanOrEqual(2);
    await link.restore();
    await expect.poll(() => pageB.getByTestId('uplink-pending').innerText(), { timeout: 20_000 }).toBe('全部已上报');
    await expect.poll(() => pageB.getByTestId('uplink-state').getAttribute('data-state')).toBe('connected');
    const deskB = b.core.deskId()!;
    const head = (await hub.listDesks()).find((d) => d.deskId === deskB)!;
    expect(head.headSeq).toBe((b.core.db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s);
    await hubPage.getByRole('button', { name: '刷新' }).click();
    await expect.poll(() => hubPage.locator('[data-testid="board-desk"]', { hasText: '城西镇值班室' }).getByTestId('desk-offline').count(), { timeout: 15_000 }).toBe(0);
  });

  it('adds up both desks’ petitions in 批/人次 by level and prints the district’s petitions sheet', async () => {
    await hubPage.getByRole('link', { name: '信访汇总' }).click();
    const district = hubPage.getByTestId('petition-district');
    await expect.poll(() => district.locator('[data-level="district"]').innerText(), { timeout: 15_000 }).toBe('1批23人次');
    expect(await district.locator('[data-level="city"]').innerText()).toBe('1批2人次');
    const rowB = hubPage.getByTestId('petition-desk').filter({ hasText: '城西镇值班室' });
    expect(await rowB.locator('[data-level="city"]').innerText()).toBe('1批2人次');
    expect(await hubPage.getByTestId('petition-categories').innerText()).toContain('劳动社会保障');
    await screenshot(hubPage, 'hub-petitions');
    await hubPage.getByTestId('print-petitions').click();
    await hubPage.getByTestId('petitions-print').waitFor();
    const pdf = path.join(artifactsDir, 'hub-petitions.pdf');
    fs.mkdirSync(artifactsDir, { recursive: true });
    await printToPdf(hubPage, pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('端州区总值班室信访情况汇总表');
    expect(text).toContain('城东街道值班室');
    expect(text).toContain('城西镇值班室');
    expect(text).toContain('全区合计');
    expect(text).toContain('1批23人次');
    expect(text).toContain('1批2人次');
    await hubPage.getByTestId('print-back').click();
  });

  it('prescribes the daily report’s deadline and zero wording; desk A’s admin applies them and sees their source', async () => {
    await hubPage.getByRole('link', { name: '日报规定' }).click();
    await hubPage.getByLabel('规定名称（如：关于每日17时前报送值班日报的通知）').fill('关于每日16时前报送值班日报的通知');
    await hubPage.getByLabel('报送时限（每日）').fill('16:00');
    await hubPage.getByLabel('零报告措辞（可不填）').fill('{时段}，本单位无需要报告的突发事件，值班正常。');
    await hubPage.getByTestId('send-rules').click();
    await hubPage.getByTestId('sent-rules').waitFor();
    // Desk A's console offers it to its admin; nothing changes before the admin applies it.
    await pageA.getByRole('link', { name: '值班台' }).click();
    const item = pageA.getByTestId('hub-reportRules');
    await item.waitFor({ timeout: 15_000 });
    expect(await item.innerText()).toContain('每日 16:00 前报送前 24 小时情况');
    await screenshot(pageA, 'desk-console-report-rules');
    await item.getByTestId('hub-rules-preview').click();
    await pageA.getByTestId('rules-apply').click();
    await item.waitFor({ state: 'detached' });
    expect((await (await adminApi(a))('dailyReport.rules', {})).cutoffMinutes).toBe(16 * 60);
    await pageA.getByRole('link', { name: '设置' }).click();
    await pageA.getByRole('tab', { name: '上级汇总' }).click();
    const card = pageA.getByTestId('uplink-prescribed');
    await card.getByText('正在执行').waitFor();
    expect(await card.innerText()).toMatch(/来源：端州区总值班室《关于每日16时前报送值班日报的通知》，王值守 于 2026-11-25 21:4\d 确认采用/u);
    await screenshot(pageA, 'desk-settings-prescribed');
    expect(await axeViolations(pageA)).toEqual([]);
    // The hub certificate setting, on the same page: a fingerprint that is not one is refused naming the field; a real one is shown.
    const tlsCard = pageA.getByTestId('uplink-tls');
    expect(await tlsCard.getByTestId('uplink-tls-current').innerText()).toBe('未设置：使用系统信任的证书');
    await tlsCard.getByLabel('证书指纹（SHA-256）').fill('AB:CD');
    await tlsCard.getByTestId('uplink-tls-save').click();
    await tlsCard.getByText('证书指纹应为 64 位十六进制（SHA-256），可带冒号').waitFor();
    await tlsCard.getByLabel('证书指纹（SHA-256）').fill('ab'.repeat(32));
    await tlsCard.getByTestId('uplink-tls-save').click();
    await expect.poll(() => tlsCard.getByTestId('uplink-tls-current').innerText()).toBe(`固定证书指纹：${Array(32).fill('AB').join(':')}`);
    await screenshot(pageA, 'desk-settings-tls');
    expect(await axeViolations(pageA)).toEqual([]);
    // Back to the system's CAs (A's hub speaks plain HTTP here).
    await (await adminApi(a))('uplink.setTls', { caPem: null, pin: null });
    // The hub sees A applied it (from A's stream) and B not yet.
    await hubPage.reload();
    const applied = hubPage.getByTestId('rules-desk').filter({ hasText: '城东街道值班室' });
    await expect.poll(async () => { await hubPage.reload(); return applied.innerText(); }, { timeout: 20_000 }).toContain('已采用');
    expect(await hubPage.getByTestId('rules-desk').filter({ hasText: '城西镇值班室' }).innerText()).not.toContain('已采用');
    await screenshot(hubPage, 'hub-report-rules');
  });

  it('a system 查岗 is answered 在岗 on desk A within the limit and missed on desk B', async () => {
    await hubPage.getByRole('link', { name: '系统查岗' }).click();
    await hubPage.getByLabel('应答时限（秒）').fill('30');
    await hubPage.getByTestId('send-check').click();
    // Both consoles ring and show 上级查岗.
    await pageA.getByRole('link', { name: '值班台' }).click();
    await pageA.getByTestId('hub-check').waitFor({ timeout: 15_000 });
    await pageB.getByRole('link', { name: '值班台' }).click();
    await pageB.getByTestId('hub-check').waitFor({ timeout: 15_000 });
    await screenshot(pageA, 'desk-console-hub-check');
    // Time passes for everyone: the hub and both desks (through the hosts' test clock, so the consoles know).
    const pass = async (ms: number): Promise<void> => {
      hubClock.advance(ms);
      await a.moveClock({ advanceMs: ms });
      await b.moveClock({ advanceMs: ms });
    };
    await pass(12_000);
    await pageA.getByTestId('hub-check-answer').click();
    await pageA.getByTestId('hub-check').waitFor({ state: 'detached' });
    // B never answers; the limit passes.
    await pass(40_000);
    await hubPage.reload();
    await hubPage.getByTestId('check-month').waitFor();
    const outcomes = async () => (await hubPage.getByTestId('check-outcome').allInnerTexts()).join(' ');
    await expect.poll(outcomes, { timeout: 15_000 }).toMatch(/在岗 1\d(\.\d)? 秒/u);
    await expect.poll(outcomes).toContain('漏岗');
    await screenshot(hubPage, 'hub-checks');
    // B's console still shows it, past its limit, until someone answers.
    expect(await pageB.getByTestId('hub-check').innerText()).toContain('上级查岗');
  });

  it('prints the 汇总 sheet naming both desks and the outcomes', async () => {
    await hubPage.getByRole('link', { name: '看板' }).click();
    await hubPage.getByTestId('print-summary').click();
    await hubPage.getByTestId('summary-print').waitFor();
    await screenshot(hubPage, 'hub-summary-print');
    const pdf = path.join(artifactsDir, 'hub-summary.pdf');
    fs.mkdirSync(artifactsDir, { recursive: true });
    await printToPdf(hubPage, pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('端州区总值班室值班情况汇总表');
    expect(text).toContain('城东街道值班室');
    expect(text).toContain('城西镇值班室');
    expect(text).toContain('在岗');
    expect(text).toContain('漏岗');
    expect(text).toContain('零报告 · 已报');
    expect(text).toContain('16:30');
    expect(text).toContain('未报');
    expect(text).toContain('当日信访情况');
    expect(text).toContain('1批23人次');
    expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/u);
    expect(errors).toEqual([]);
  });

  it('desk B’s open 查岗 reads in English and in the dark theme too', async () => {
    await pageB.getByLabel('切换语言 / Language').click();
    await pageB.getByTestId('hub-check').getByText('Presence check').waitFor();
    // auto → light → dark
    await pageB.getByLabel('Theme: auto (dark at night)').click();
    await pageB.getByLabel('Theme: light').click();
    await pageB.getByLabel('Theme: dark').waitFor();
    await screenshot(pageB, 'desk-console-hub-check-en-dark');
    expect(await pageB.getByTestId('hub-check').innerText()).toMatch(/The 30 s limit has passed/u);
    expect(await axeViolations(pageB)).toEqual([]);
  });

  it('the hub console reads in English and in the dark theme', async () => {
    await hubPage.goto(`${hubServer.url}/#/board`);
    await hubPage.getByLabel('切换语言 / Language').click();
    await hubPage.getByRole('heading', { name: 'Every desk' }).waitFor();
    await hubPage.getByLabel('Theme: dark').click();
    await screenshot(hubPage, 'hub-board-en-dark');
    expect(await axeViolations(hubPage)).toEqual([]);
    await hubPage.getByRole('link', { name: 'Petitions' }).click();
    await expect.poll(() => hubPage.getByTestId('petition-district').locator('[data-level="district"]').innerText()).toBe('1 batch, 23 person-times');
    await screenshot(hubPage, 'hub-petitions-en-dark');
    expect(await axeViolations(hubPage)).toEqual([]);
  });
});
