/**
 * Every print button, clicked as the officer clicks it, in the browser mode
 * (issue 11 items 1 and 8).
 *
 * Before, each button opened target="_blank": the new tab had no access token
 * and said the service was not running, and the old tests passed only because
 * they loaded the print route themselves. Here each button is clicked; the
 * print view must open in the same tab with its data (the token kept), with
 * 返回 back to where the user was; and what the browser prints of it is read
 * back from the PDF: title, unit, names (pdftotext), A4 and the page count
 * (pdfinfo), and no Type 3 font (pdffonts) — on every printout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { adminApi, artifactsDir, closeAll, openBrowser, setupViaApi, startTestHost, type TestHost } from './helpers';
import { appPages, type AppPages } from './pages';
import type { PrintedPdf } from './pages/print';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
const pageErrors: string[] = [];
let incidentId = 0;
let reportId = 0;
const out = path.join(artifactsDir, 'print');
const unit = '肇庆市应急管理局总值班室';

beforeAll(async () => {
  fs.mkdirSync(out, { recursive: true });
  host = await startTestHost(); // 2026-11-25 21:40 Asia/Shanghai
  await setupViaApi(host);
  const call = await adminApi(host);
  for (const [i, name] of ['李带班', '王带班', '赵带班'].entries()) {
    await call('people.create', { name, department: '局领导', title: '副局长', officePhone: null, mobile: `1390000000${i}`, roles: ['leader'], sortOrder: i });
  }
  for (const [i, name] of ['张值班', '陈值班', '刘值班', '周值班', '吴值班', '郑值班'].entries()) {
    await call('people.create', { name, department: '应急指挥中心', title: null, officePhone: null, mobile: `1380000000${i}`, roles: ['officer', 'standby'], sortOrder: 10 + i });
  }
  await call('contacts.create', { kind: 'superior', name: '市政府总值班室', unit: null, phone: '0758-2888110', mobile: null, fax: '0758-2888119', note: null, sortOrder: 0 });
  const plan = await call('roster.createPlan', { title: '2026年11月值班表', from: '2026-11-01', to: '2026-11-30', notes: null });
  await call('roster.generate', { planId: plan.id });
  await call('roster.publish', { planId: plan.id, acceptWarnings: true });
  // December (31 days × 带班领导, 值班员, 备班) is what the roster page opens on: it must fit one A4 page.
  const december = await call('roster.createPlan', { title: '2026年12月值班表', from: '2026-12-01', to: '2026-12-31', notes: null });
  await call('roster.generate', { planId: december.id });
  await call('roster.publish', { planId: december.id, acceptWarnings: true });

  const entry = await call('log.create', { kind: 'incoming_call', sourceUnit: '高新区应急管理局', sourcePerson: '陈科长', summary: '某化工厂发生燃气爆炸，已造成4人死亡' });
  const inc = await call('incident.create', {
    title: '燃气爆炸事故',
    category: 'accident',
    subType: 'industrial',
    level: 3,
    occurredAt: new Date(host.clock.now() - 20 * 60_000).toISOString(),
    learnedAt: new Date(host.clock.now()).toISOString(),
    location: '高新区化工园',
    unit: '某化工有限公司',
    source: '高新区应急管理局',
    description: '车间燃气爆炸',
    deaths: 4,
    fromLogEntryId: entry.id,
  });
  incidentId = inc.id;
  const esc = await call('escalation.start', { incidentId: inc.id });
  await call('escalation.acknowledge', { escalationId: esc.id, via: 'mobile', byName: '李带班', instruction: '立即组织救援，做好伤员救治' });
  const tpl = await call('report.template', { incidentId: inc.id, kind: 'first' });
  reportId = (await call('report.file', { incidentId: inc.id, kind: 'first', content: tpl.content, recipient: '市政府总值班室', method: 'phone' })).id;
  ({ browser, page } = await openBrowser(host, pageErrors));
  ui = appPages(page);
});
afterAll(() => closeAll(browser, host));

/** Clicks a print button, checks the view opened in this tab with its data, and prints it. */
async function clickAndPrint(button: string, name: string, from: RegExp): Promise<PrintedPdf> {
  const pagesBefore = browser.contexts()[0]!.pages().length;
  await page.getByTestId(button).click();
  await ui.printView.ready();
  // The same tab, not a new one; the token stayed (the view has its data, no "cannot connect").
  expect(browser.contexts()[0]!.pages().length).toBe(pagesBefore);
  expect(page.url()).toMatch(/#\/print\//u);
  expect(await page.getByText('无法连接值守台服务').count()).toBe(0);
  const pdf = await ui.printView.pdf(path.join(out, `${name}.pdf`));
  // Every printout: A4, real fonts (never glyphs drawn as Type 3 pictures).
  expect(pdf.pageSize).toMatch(/\(A4\)/u);
  expect(pdf.fonts.filter((f) => f.type === 'Type 3')).toEqual([]);
  expect(pdf.text).toContain(unit);
  // 返回 goes back to where the user clicked.
  await ui.printView.backButton.click();
  await expect.poll(() => page.url()).toMatch(from);
  return pdf;
}

describe('print buttons in the browser mode', () => {
  it('排班 → 打印: the month roster, one A4 page, names and duty phone', async () => {
    await ui.shell.open('排班');
    await ui.roster.root.waitFor();
    const pdf = await clickAndPrint('roster-print', 'roster-month', /#\/roster/u);
    expect(pdf.text).toContain('2026年12月值班表');
    expect(pdf.compact).toContain('12月31日');
    expect(pdf.text).toMatch(/李带班|王带班|赵带班/u);
    expect(pdf.text).toContain('0758-2222110');
    // 31 days × 3 roles fit one A4 page (two before, five rows on page 2).
    expect(pdf.pages).toBe(1);
    expect(pdf.text).not.toMatch(/2222110传真/u);
  });

  it('排班 → 按部门打印: landscape A4 grid by department', async () => {
    await ui.roster.root.waitFor();
    const pdf = await clickAndPrint('roster-print-departments', 'roster-departments', /#\/roster/u);
    expect(pdf.pageSize).toMatch(/^841\.\d+ x 59[45]\.\d+/u);
    expect(pdf.text).toContain('应急指挥中心');
  });

  it('排班 → 版本记录 → 打印 (a published version)', async () => {
    await ui.roster.openTab('版本记录');
    const pdf = await clickAndPrint('roster-print-version-1', 'roster-version-1', /#\/roster/u);
    expect(pdf.text).toContain('第1版');
  });

  it('值班记录 → 打印本日值班记录: entries with their handling from the incident', async () => {
    await ui.shell.open('值班记录');
    await ui.logBook.root.waitFor();
    const pdf = await clickAndPrint('logbook-print', 'logbook-day', /#\/log/u);
    expect(pdf.text).toContain('值班记录');
    expect(pdf.text).toContain('某化工厂发生燃气爆炸');
    // 处理情况 from the incident: the report up, the leader's acknowledgement and 批示.
    expect(pdf.compact).toContain('向市政府总值班室首报');
    expect(pdf.compact).toContain('立即组织救援');
    for (const [i, t] of pdf.pageTexts.entries()) expect(t).toContain(`第${i + 1}页共${pdf.pages}页`);
  });

  it("事件 → a report's 打印: the 首报 on its pages, page x of y right, the stamp with the signature", async () => {
    await ui.shell.goto(host, `incidents/${incidentId}`);
    await page.getByTestId(`report-print-${reportId}`).waitFor();
    const pdf = await clickAndPrint(`report-print-${reportId}`, 'report-first', new RegExp(`#/incidents/${incidentId}`, 'u'));
    expect(pdf.text).toContain('突发事件信息报告');
    expect(pdf.text).toContain('首报');
    expect(pdf.text).toContain('燃气爆炸事故');
    expect(pdf.pages).toBe(1);
    for (const [i, t] of pdf.pageTexts.entries()) expect(t).toContain(`第${i + 1}页共${pdf.pages}页`);
    // The chain head prints next to the sending facts, in its short form (the QR carries the full hash).
    expect(pdf.pageTexts.at(-1)).toContain("值班电话");
    expect(pdf.pageTexts.at(-1)).toContain("审计链头");
    expect(pdf.compact).not.toMatch(/[0-9a-f]{64}/u);
    // Phone and fax do not run together.
    expect(pdf.text).not.toMatch(/2222110传真/u);
  });

  it('通讯录 → 打印通讯录', async () => {
    await ui.shell.open('通讯录');
    const pdf = await clickAndPrint('directory-print-button', 'directory', /#\/directory/u);
    expect(pdf.text).toContain('李带班');
    expect(pdf.text).toContain('市政府总值班室');
  });

  it('审计日志 → 打印', async () => {
    await ui.shell.goto(host, 'audit');
    await page.getByTestId('audit-print').waitFor();
    const pdf = await clickAndPrint('audit-print', 'audit', /#\/audit/u);
    expect(pdf.text).toContain('审计');
  });

  it('no page error on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
