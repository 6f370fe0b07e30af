/**
 * The roster, as an admin uses it in Chromium against the real host: set up
 * the shift template, generate a month, publish, swap two people through
 * request → approval (version 2), print to PDF (checked with pdftotext),
 * export Excel and import it into an empty desk with the same result, and
 * export an .ics that parses. Screenshots under artifacts/screens.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { adminAccount, closeAll, loginUi, newPage, openBrowser, pdfFonts, printToPdf, screenshot, setupViaApi, startTestHost, type TestHost } from './helpers';
import type { Connection } from '../../electron/core/context';
import type { Input, MethodName, Output } from '../../shared/contract';
import { appPages, type AppPages } from './pages';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
const pageErrors: string[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dutydesk-roster-e2e-'));
let admin: Connection;
let planId = 0;

async function api<M extends MethodName>(h: TestHost, conn: Connection, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await h.api.call(method, input, conn);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as Output<M>;
}

async function adminConn(h: TestHost): Promise<Connection> {
  const conn: Connection = { sessionId: null };
  await api(h, conn, 'auth.login', { login: adminAccount.login, password: adminAccount.password });
  return conn;
}

const leaders = [
  ['张建国', '13900000001'],
  ['李卫东', '13900000002'],
  ['王志强', '13900000003'],
  ['赵红梅', '13900000004'],
] as const;
const officers = ['陈晓东', '刘海波', '杨明', '黄丽', '周涛', '吴佳琪', '徐磊', '孙帆'];

beforeAll(async () => {
  host = await startTestHost();
  await setupViaApi(host);
  admin = await adminConn(host);
  for (const [i, [name, mobile]] of leaders.entries()) {
    await api(host, admin, 'people.create', { name, department: '局领导', title: '副局长', officePhone: null, mobile, roles: ['leader'], sortOrder: i + 1 });
  }
  for (const [i, name] of officers.entries()) {
    await api(host, admin, 'people.create', { name, department: '应急指挥中心', title: '科员', officePhone: null, mobile: `138000000${10 + i}`, roles: ['officer', 'standby'], sortOrder: 10 + i });
  }
  ({ browser, page } = await openBrowser(host, pageErrors));
  ui = appPages(page);
});

afterAll(async () => {
  await closeAll(browser, host);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('roster in Chromium', () => {
  it('sets up the shift template: two officers on statutory holidays', async () => {
    await ui.shell.open('设置');
    await ui.settings.openTab('班次模板');
    await ui.settings.shiftTemplates.setNeed('法定节假日 值班员', 2);
    await expect.poll(async () => (await api(host, admin, 'shifts.list', {}))[0]!.needs.holiday.officer).toBe(2);
    await screenshot(page, 'roster-01-shift-template');
  });

  it('generates October 2026 and publishes version 1', async () => {
    const roster = ui.roster;
    await ui.shell.open('排班');
    await roster.newPlanButton.click();
    const dialog = roster.newPlanDialog();
    await dialog.chooseMonth('2026-10');
    await expect.poll(() => dialog.title.inputValue()).toBe('2026年10月值班表');
    await dialog.create();
    await roster.autoGenerateButton.click();
    await expect.poll(() => roster.slot('10月1日 带班领导').inputValue()).not.toBe('');
    // 国庆节 needs two officers; both are filled.
    await expect.poll(() => roster.slot('10月1日 值班员 2').inputValue()).not.toBe('');
    planId = (await api(host, admin, 'roster.plans', {}))[0]!.id;
    const detail = await api(host, admin, 'roster.get', { planId });
    expect(detail.conflicts).toEqual([]);
    await screenshot(page, 'roster-02-generated');
    await roster.publish();
    await expect.poll(async () => (await api(host, admin, 'roster.get', { planId })).plan.version).toBe(1);
  });

  it('swaps two officers through request → approval and shows version 2', async () => {
    const detail = await api(host, admin, 'roster.get', { planId });
    const a = detail.assignments.find((x) => x.date === '2026-10-12' && x.role === 'officer')!;
    const b = detail.assignments.find((x) => x.date === '2026-10-20' && x.role === 'officer' && x.personId !== a.personId)!;
    const name = (id: number | null) => detail.people.find((p) => p.id === id)!.name;
    const roster = ui.roster;
    await roster.openTab('换班/替班');
    await roster.requestSwap({ personA: name(a.personId), dateA: '2026-10-12', personB: name(b.personId), dateB: '2026-10-20', reason: '家中有事，申请调换' });
    await roster.swapList.getByText('待审批').waitFor();
    await roster.approveSwap();
    await roster.swapList.getByText('已作为第2版发布').waitFor();
    await expect.poll(() => roster.planVersion.textContent()).toBe('第2版');
    await roster.openTab('版本记录');
    await roster.versions.getByText(`10月12日 值班员：${name(a.personId)} → ${name(b.personId)}`).waitFor();
    const after = await api(host, admin, 'roster.get', { planId });
    expect(after.assignments.find((x) => x.date === '2026-10-12' && x.role === 'officer' && x.index === a.index)!.personId).toBe(b.personId);
    await screenshot(page, 'roster-03-version-2');
  });

  it('prints the official A4 roster to PDF with title, names, phones and holiday names', async () => {
    await page.getByTestId('roster-print').click();
    await ui.rosterPrint.sheet.waitFor();
    expect(page.url()).toContain(`#/print/roster/${planId}`);
    await screenshot(page, 'roster-04-print');
    const file = path.join(tmp, 'roster.pdf');
    const t0 = Date.now();
    await printToPdf(page, file);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('2026年10月值班表');
    expect(text).toContain('国庆节');
    expect(text).toContain('调休上班');
    expect(text).toContain('0758-2222110');
    expect(text).toContain('第2版');
    // The roster's own page (named @page roster), not another print view's rule loaded earlier in the app.
    expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/u);
    const detail = await api(host, admin, 'roster.get', { planId });
    const oct1 = detail.assignments.find((x) => x.date === '2026-10-01' && x.role === 'leader')!;
    const leader = detail.people.find((p) => p.id === oct1.personId)!;
    expect(text).toContain(leader.name);
    expect(text).toContain(leader.mobile!);
    // Real subset fonts, never glyphs drawn as Type 3 pictures (the shipped TrueType print fonts; see print-fonts.css).
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.type === 'Type 3')).toEqual([]);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    // A4 portrait: 595 × 842 pt.
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/u.exec(info)!;
    expect(Math.round(Number(size[1]))).toBe(595);
    expect(Math.round(Number(size[2]))).toBe(842);
    await ui.shell.navigate('roster');
    await ui.roster.root.waitFor();
  });

  it('prints the multi-department grid in A4 landscape, reached from the roster page', async () => {
    // The button opens the landscape grid in this same tab (tests/e2e/printing.test.ts clicks every print button).
    await ui.roster.printDepartmentsLink.click();
    await ui.rosterPrint.departmentSheet.waitFor();
    expect(page.url()).toContain(`#/print/roster/${planId}?layout=departments`);
    await screenshot(page, 'roster-04b-print-departments');
    const file = path.join(tmp, 'roster-departments.pdf');
    await printToPdf(page, file);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    // A4 landscape: 842 × 595 pt.
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/u.exec(info)!;
    expect(Math.round(Number(size[1]))).toBe(842);
    expect(Math.round(Number(size[2]))).toBe(595);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('2026年10月值班表');
    expect(text).toContain('局领导');
    expect(text).toContain('应急指挥中心');
    expect(text).toContain('国庆节');
    const detail = await api(host, admin, 'roster.get', { planId });
    const oct2 = detail.assignments.find((x) => x.date === '2026-10-02' && x.role === 'officer')!;
    const officer = detail.people.find((p) => p.id === oct2.personId)!;
    expect(text).toContain(officer.name);
    // The department grid's page rule goes away with it: the month prints in portrait again.
    await page.getByTestId('print-back').click();
    await ui.roster.root.waitFor();
    await page.getByTestId('roster-print').click();
    await ui.rosterPrint.monthSheet.waitFor();
    const portrait = path.join(tmp, 'roster-portrait-again.pdf');
    await printToPdf(page, portrait);
    const size2 = /Page size:\s+([\d.]+) x ([\d.]+)/u.exec(execFileSync('pdfinfo', [portrait], { encoding: 'utf8' }))!;
    expect(Math.round(Number(size2[1]))).toBe(595);
    await ui.shell.navigate('roster');
    await ui.roster.root.waitFor();
  });

  it('exports an .ics that parses', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), ui.roster.exportIcsButton.click()]);
    const file = path.join(tmp, 'roster.ics');
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8');
    const events = parseIcs(text);
    const detail = await api(host, admin, 'roster.get', { planId });
    expect(events).toHaveLength(detail.assignments.length);
    // The duty day 10-01 runs from 08:30 local (00:30 UTC) to 08:30 on 10-02.
    const first = events.find((e) => e.DTSTART === '20261001T003000Z');
    expect(first?.DTEND).toBe('20261002T003000Z');
    expect(events.every((e) => e.SUMMARY?.startsWith('值班：'))).toBe(true);
  });

  it('exports Excel and imports it into an empty desk with the same result', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), ui.roster.exportXlsxButton.click()]);
    const file = path.join(tmp, 'roster.xlsx');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('2026年10月值班表.xlsx');

    const empty = await startTestHost();
    try {
      await setupViaApi(empty);
      const page2 = await newPage(browser, pageErrors);
      const ui2 = appPages(page2);
      await loginUi(page2, empty);
      await ui2.shell.open('排班');
      await ui2.roster.empty.waitFor();
      await ui2.roster.importFile.setInputFiles(file);
      await ui2.roster.importResult.getByText('已导入 31 行').waitFor();
      const conn = await adminConn(empty);
      const imported = (await api(empty, conn, 'roster.plans', {}))[0]!;
      const ours = await api(host, admin, 'roster.printData', { planId });
      const theirs = await api(empty, conn, 'roster.printData', { planId: imported.id });
      expect(theirs.title).toBe(ours.title);
      // The official roster sheet has no department column: people created by the import have none.
      const noDept = (rows: typeof ours.rows) => rows.map((r) => ({ ...r, ...Object.fromEntries((['leader', 'officer', 'standby'] as const).map((k) => [k, r[k].map((p) => ({ name: p.name, phone: p.phone }))])) }));
      expect(noDept(theirs.rows)).toEqual(noDept(ours.rows));
      await screenshot(page2, 'roster-05-imported');
      await page2.context().close();
    } finally {
      await empty.close();
    }
  });

  it('shows who is on duty on the console and the wallboard', async () => {
    // 2026-10-13 02:00 local belongs to the duty day of 10-12.
    await host.moveClock({ now: '2026-10-12T18:00:00.000Z' });
    const detail = await api(host, admin, 'roster.get', { planId });
    const leader = detail.people.find((p) => p.id === detail.assignments.find((x) => x.date === '2026-10-12' && x.role === 'leader')!.personId)!;
    await ui.shell.open('值班台');
    await ui.console.onDuty.getByText(leader.name).waitFor();
    await ui.console.onDuty.getByText(leader.mobile!).waitFor();
    await expect.poll(() => ui.console.handoverCountdown.textContent()).toMatch(/6小时(29|30)分/u);
    await screenshot(page, 'roster-06-console');
    await ui.console.wallboardLink.click();
    await ui.wallboard.root.getByText(leader.name).waitFor();
    await screenshot(page, 'roster-07-wallboard');
    expect(pageErrors).toEqual([]);
  });
});

/** A strict-enough iCalendar reader: unfolds lines, checks BEGIN/END nesting, returns VEVENT properties. */
function parseIcs(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/gu, '').split(/\r\n/u).filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  const stack: string[] = [];
  const events: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const line of lines) {
    const i = line.indexOf(':');
    expect(i, line).toBeGreaterThan(0);
    const key = line.slice(0, i).split(';')[0]!;
    const value = line.slice(i + 1);
    if (key === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') cur = {};
    } else if (key === 'END') {
      expect(stack.pop()).toBe(value);
      if (value === 'VEVENT' && cur) {
        expect(cur.UID && cur.DTSTART && cur.DTEND).toBeTruthy();
        events.push(cur);
        cur = null;
      }
    } else if (cur) cur[key] = value;
  }
  expect(stack).toEqual([]);
  return events;
}
