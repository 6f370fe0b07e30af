/**
 * 值班记录 in Chromium: yesterday's duty day with who was on duty and every
 * entry (a voided one struck through), search across days, an entry opened
 * from the book, the day printed to an A4 PDF (checked with pdftotext) and a
 * range exported to Excel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { adminApi, artifactsDir, axeViolations, closeAll, openBrowser, printToPdf, screenshot, setupViaApi, startTestHost, type TestHost } from './helpers';
import type { Input } from '../../shared/contract';
import { appPages, type AppPages } from './pages';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
const pageErrors: string[] = [];
let leaderOn24 = '';

beforeAll(async () => {
  host = await startTestHost(); // 2026-11-25 21:40 Asia/Shanghai
  await setupViaApi(host);
  const call = await adminApi(host);
  const people: number[] = [];
  for (const [i, name] of ['李带班', '王带班', '赵带班'].entries()) {
    people.push((await call('people.create', { name, department: '局领导', title: '副局长', officePhone: null, mobile: `1390000000${i}`, roles: ['leader'], sortOrder: i })).id);
  }
  for (const [i, name] of ['张值班', '陈值班', '刘值班', '周值班'].entries()) {
    people.push((await call('people.create', { name, department: '应急指挥中心', title: null, officePhone: null, mobile: `1380000000${i}`, roles: ['officer'], sortOrder: 10 + i })).id);
  }
  const plan = await call('roster.createPlan', { title: '2026年11月值班表', from: '2026-11-01', to: '2026-11-30', notes: null });
  const gen = await call('roster.generate', { planId: plan.id });
  await call('roster.publish', { planId: plan.id, acceptWarnings: true });
  const leaderId = gen.detail.assignments.find((a) => a.date === '2026-11-24' && a.role === 'leader')!.personId;
  leaderOn24 = (await call('people.list', {})).find((p) => p.id === leaderId)!.name;

  const log = (time: string, summary: string, extra: Partial<Input<'log.create'>> = {}) =>
    call('log.create', { kind: 'incoming_call', summary, occurredAt: `${time}+08:00`, ...extra });
  await log('2026-11-24T09:15:00', '区水利局来电报告辖区道路积水情况', { sourceUnit: '区水利局', sourcePhone: '0758-2605015' });
  const wrong = await log('2026-11-24T15:00:00', '误记：重复的一条');
  await call('log.void', { id: wrong.id, reason: '重复记录' });
  await log('2026-11-25T02:10:00', '市值班室电话查岗，值班员在岗', { kind: 'presence_check' });
  await log('2026-11-25T20:00:00', '区应急局通报山塘水库积水巡查情况');
  ({ browser, page } = await openBrowser(host, pageErrors));
  ui = appPages(page);
});
afterAll(() => closeAll(browser, host));

describe('值班记录 (the duty log book) in Chromium', () => {
  it('opens on the current duty day and goes back to yesterday with who was on duty', async () => {
    const book = ui.logBook;
    await ui.shell.open('值班记录');
    await book.root.waitFor();
    await expect.poll(() => book.date.inputValue()).toBe('2026-11-25');
    await expect.poll(() => book.count.textContent()).toBe('共 1 条');
    await book.previousDayButton.click();
    await expect.poll(() => book.date.inputValue()).toBe('2026-11-24');
    await expect.poll(() => book.count.textContent()).toBe('共 3 条（其中作废 1 条）');
    await book.onDuty.getByText(leaderOn24, { exact: false }).waitFor();
    const rows = book.rows;
    expect(await rows.count()).toBe(3);
    // Oldest first; the 02:10 call belongs to the 24th's duty day and says 次日.
    expect(await rows.nth(2).textContent()).toContain('次日02:10');
    expect(await rows.nth(1).getAttribute('data-voided')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'logbook-01-yesterday');
  });

  it('searches every day and opens an entry from the book', async () => {
    const book = ui.logBook;
    await book.searchAllDays('积水');
    await expect.poll(() => book.count.textContent()).toContain('2 条');
    const rows = book.rows;
    expect(await rows.nth(0).textContent()).toContain('2026-11-25');
    expect(await rows.nth(1).textContent()).toContain('2026-11-24');
    await rows.nth(1).click();
    const dialog = book.entryDialog;
    await dialog.getByText('区水利局来电报告辖区道路积水情况').first().waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await book.clearSearchButton.click();
    await expect.poll(() => book.count.textContent()).toBe('共 3 条（其中作废 1 条）');
  });

  it('prints the day as an A4 logbook page: title, date, leader, entries, the voided one marked, page x of y', async () => {
    await ui.logBookPrint.open(host, '2026-11-24');
    await ui.logBookPrint.chainHeadStamp.waitFor();
    await page.emulateMedia({ media: 'print' });
    fs.mkdirSync(artifactsDir, { recursive: true });
    const file = path.join(artifactsDir, 'logbook-day.pdf');
    await printToPdf(page, file);
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/gu, ' ');
    expect(text).toContain('肇庆市应急管理局总值班室值班记录');
    expect(text).toContain('2026年11月24日 星期二');
    expect(text).toContain(leaderOn24);
    expect(text).toContain('区水利局来电报告辖区道路积水情况');
    expect(text).toContain('作废：重复记录');
    expect(text).toContain('本日共记录 3 条');
    expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/u);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:.*\(A4\)/u);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(artifactsDir, 'screens', 'logbook-02-print')]);
  });

  it('exports a range to Excel from the book', async () => {
    await ui.logBook.goto(host, '2026-11-24');
    const dialog = await ui.logBook.openExport();
    await dialog.endDate.fill('2026-11-25');
    await dialog.endDate.press('Tab'); // typed, then on to the next field (closes the date picker)
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.exportButton.click()]);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dutydesk-logbook-'));
    const file = path.join(tmp, 'log.xlsx');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('肇庆市应急管理局总值班室值班记录-2026-11-24至2026-11-25.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('值班记录')!;
    const summaries: string[] = [];
    for (let r = 4; r <= ws.rowCount; r += 1) summaries.push(String(ws.getCell(r, 7).value));
    expect(summaries).toEqual(['区水利局来电报告辖区道路积水情况', '误记：重复的一条', '市值班室电话查岗，值班员在岗', '区应急局通报山塘水库积水巡查情况']);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
