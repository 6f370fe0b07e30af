/**
 * The night shift, in Chromium against the real host: three calls logged by
 * keyboard, an incident with 3 deaths suggested 较大, 首报 and 续报一 filed,
 * step 1 of escalation acknowledged with an instruction, the test clock moved
 * past a deadline (countdown overdue, report recorded late), and the report
 * printed to a PDF whose text is checked with pdftotext.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import {
  adminAccount,
  artifactsDir,
  closeAll,
  openBrowser,
  printToPdf,
  screenshot,
  setupViaApi,
  startTestHost,
  type TestHost,
} from './helpers';
import { nationalReportRules } from '../../shared/domain/deadline';
import { appPages, type AppPages } from './pages';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
const pageErrors: string[] = [];
let incidentId = 0;

const calls = [
  { keys: [] as string[], text: '区应急局来电：高新区化工园一车间发生爆炸，现场有人员伤亡' },
  { keys: ['Alt+2'], text: '去电市消防救援支队核实现场救援力量' },
  { keys: ['Alt+6'], text: '市值班室电话查岗，值班员在岗' },
];

beforeAll(async () => {
  host = await startTestHost();
  await setupViaApi(host);
  // This desk applies the national 30/60-minute rule to 较大 (Ⅲ) as well.
  const conn = { sessionId: null };
  const login = await host.api.call('auth.login', { login: adminAccount.login, password: adminAccount.password }, conn);
  expect(login.ok).toBe(true);
  const rules = {
    ...nationalReportRules,
    levels: nationalReportRules.levels.map((l) => (l.level === 3 ? { ...l, phoneMinutes: 30, writtenMinutes: 60 } : l)),
  };
  expect((await host.api.call('report.setRules', rules, conn)).ok).toBe(true);
  ({ browser, page } = await openBrowser(host, pageErrors));
  ui = appPages(page);
});
afterAll(() => closeAll(browser, host));

interface FocusDoc {
  activeElement: { getAttribute(name: string): string | null; tagName: string } | null;
}
const activeTestId = () =>
  page.evaluate(() => {
    const a = (globalThis as unknown as { document: FocusDoc }).document.activeElement;
    return a?.getAttribute('data-testid') ?? a?.tagName;
  });

describe('duty log and incidents in Chromium', () => {
  it('logs three calls by keyboard only, each under 10 keystrokes beyond its text', async () => {
    await expect.poll(activeTestId).toBe('log-summary');
    // Esc clears what was typed.
    await page.keyboard.type('打错了');
    await page.keyboard.press('Escape');
    expect(await ui.console.summary.inputValue()).toBe('');

    for (const c of calls) {
      let strokes = 0;
      for (const k of c.keys) {
        await page.keyboard.press(k);
        strokes += 1;
      }
      await page.keyboard.type(c.text);
      await page.keyboard.press('Control+Enter');
      strokes += 1;
      expect(strokes).toBeLessThan(10);
      await ui.console.entry(c.text).waitFor();
      await expect.poll(activeTestId).toBe('log-summary');
      expect(await ui.console.summary.inputValue()).toBe('');
    }
    const rows = ui.console.entries;
    await expect.poll(() => rows.count()).toBe(3);
    // Newest on top, with the kinds chosen by Alt+digit.
    expect(await rows.nth(0).textContent()).toContain('查岗');
    expect(await rows.nth(1).textContent()).toContain('去电');
    expect(await rows.nth(2).textContent()).toContain('来电');
    const kinds = host.core.db.prepare('SELECT kind FROM log_entries ORDER BY id').all() as { kind: string }[];
    expect(kinds.map((k) => k.kind)).toEqual(['incoming_call', 'outgoing_call', 'presence_check']);
    await screenshot(page, 'incidents-01-console-log');
  });

  it('raises an incident from the first call; 3 deaths are suggested 较大', async () => {
    await ui.console.entry(calls[0]!.text).click();
    await ui.console.raiseIncidentButton.click();
    const form = ui.incidentForm;
    // Prefilled from the call: the event's nature in a few words; the caller's unit is the source, not the unit involved.
    await expect.poll(() => form.title.inputValue()).toBe('高新区化工园一车间爆炸');
    expect(await page.getByLabel('涉事单位').inputValue()).toBe('');
    expect(await form.description.inputValue()).toContain(calls[0]!.text);
    await form.title.fill('高新区化工园爆炸事故');
    await form.location.fill('高新区化工园一车间');
    await form.deaths.fill('3');
    await expect.poll(() => form.gradeSuggestion.textContent()).toContain('Ⅲ级 较大');
    await form.save();
    await ui.incident.waitFor();
    expect(await ui.incident.levelBadge.textContent()).toContain('Ⅲ级 较大');
    incidentId = ui.incident.idFromUrl();
    const row = host.core.db.prepare('SELECT level, suggested_level, deaths FROM incidents WHERE id = ?').get(incidentId);
    expect(row).toEqual({ level: 3, suggested_level: 3, deaths: 3 });
  });

  it('files 首报 by phone within the deadline', async () => {
    const form = await ui.incident.startReport('首报');
    await expect.poll(() => form.content.inputValue()).toContain('一、接报时间：2026年11月25日21时40分');
    await form.recipient.fill('市政府总值班室');
    await form.file('首报');
    const report = ui.incident.report('首报');
    await expect.poll(() => ui.incident.lateBadgeOf(report).textContent()).toBe('按时');
    await expect.poll(() => ui.incident.deadlines.first().getAttribute('data-state')).toBe('met');
  });

  it('escalates: step 1 (leader on duty) acknowledged with an instruction, shown on the console', async () => {
    const panel = ui.incident.escalation;
    await panel.startButton.click();
    await panel.showing(/第 1 步（第 1 轮）带班领导/u).waitFor();
    await panel.contactedButton.click();
    await panel.acknowledge('李带班', '立即组织救援，全力救治伤员，及时续报');
    await panel.showing(/李带班 于 .* 确认/u).waitFor();
    await ui.incident.instructions.getByText('立即组织救援，全力救治伤员，及时续报').waitFor();
    const esc = host.core.db.prepare('SELECT acknowledged_by FROM escalations WHERE incident_id = ?').get(incidentId);
    expect(esc).toEqual({ acknowledged_by: '李带班' });
    // A 较大 event: the principal leader is told whatever step 1 did; the panel says so, and the officer records it.
    await panel.showing(/必报/u).first().waitFor();
    await panel.informButton('单位主要领导').click();
    await panel.showing(/已告知单位主要领导/u).first().waitFor();
    await panel.informButton('单位主要领导').waitFor({ state: 'detached' });

    await ui.shell.open('值班台');
    await ui.console.instruction.getByText(/立即组织救援/u).waitFor();
    // The call that became the incident shows its handling on the console: reported up, acknowledged, 批示.
    const entry = ui.console.entryRow(calls[0]!.text);
    await expect.poll(() => entry.textContent()).toContain('向市政府总值班室首报');
    expect(await entry.textContent()).toContain('李带班');
  });

  it('moving the test clock past the written deadline turns the countdown overdue; 续报一 is recorded late', async () => {
    const due = ui.console.dueItem('书面报告');
    await due.waitFor();
    expect(await due.getAttribute('data-overdue')).toBe('false');
    await host.moveClock({ advanceMs: 61 * 60_000 });
    await expect.poll(() => due.getAttribute('data-overdue'), { timeout: 15_000 }).toBe('true');
    expect(await ui.console.countdownOf(due).textContent()).toContain('已超时');
    await screenshot(page, 'incidents-02-console-overdue');

    // Locked, the desk still rings and says how many items wait (no titles on the lock screen).
    await ui.shell.lockButton.click();
    await ui.lock.lockedAlarm.getByText(/有 1 项时限或逐级报告需要处理/u).waitFor();
    expect(await ui.lock.lockedAlarm.textContent()).not.toContain('爆炸');
    await ui.lock.unlock(adminAccount.password);
    await ui.console.waitFor();

    await ui.incident.goto(host, incidentId);
    // Away from the console the alarm goes on: a red bar leads back to it.
    await ui.shell.alarmBar.getByText(/1 项时限或逐级报告需要处理/u).waitFor();
    const form = await ui.incident.startReport('续报一');
    await expect.poll(() => form.recipient.inputValue()).toBe('市政府总值班室');
    await form.signedBy.fill('王局长');
    await form.file('续报一');
    const report = ui.incident.report('续报一');
    await expect.poll(() => ui.incident.lateBadgeOf(report).textContent()).toBe('迟报');
    await ui.shell.alarmBar.waitFor({ state: 'detached' }); // reported: nothing rings any more
    const rows = host.core.db
      .prepare('SELECT kind, followup_no, method, late FROM incident_reports WHERE incident_id = ? ORDER BY id')
      .all(incidentId);
    expect(rows).toEqual([
      { kind: 'first', followup_no: null, method: 'phone', late: 0 },
      { kind: 'followup', followup_no: 1, method: 'written', late: 1 },
    ]);
    await screenshot(page, 'incidents-03-detail');
  });

  it('prints 续报一 to an A4 PDF whose text holds the title and 续报一', async () => {
    const r = host.core.db.prepare("SELECT id FROM incident_reports WHERE kind = 'followup'").get() as { id: number };
    await ui.reportPrint.open(host, incidentId, r.id);
    await page.emulateMedia({ media: 'print' });
    fs.mkdirSync(artifactsDir, { recursive: true });
    const file = path.join(artifactsDir, 'incident-report.pdf');
    await printToPdf(page, file);
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('突发事件信息报告');
    expect(text).toContain('续报一');
    expect(text).toContain('高新区化工园爆炸事故');
    expect(text).toContain('迟报');
    const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(pages).toMatch(/Pages:\s+1\b/u);
    expect(pages).toMatch(/Page size:.*\(A4\)/u);
  });

  it('closes the incident, and reopening asks why in a dialog; the reason is on the timeline', async () => {
    await ui.incident.goto(host, incidentId);
    await ui.incident.moveToButton('已结束').click();
    await ui.incident.moveToButton('处置中').click();
    const dialog = ui.incident.reopenDialog;
    await dialog.waitFor();
    const submit = ui.incident.reopenConfirm('处置中');
    expect(await submit.isDisabled()).toBe(true);
    await ui.incident.reopenReason.fill('现场发现新的失联人员，继续处置');
    await submit.click();
    await dialog.waitFor({ state: 'detached' });
    await ui.incident.showing('状态：已结束 → 处置中（现场发现新的失联人员，继续处置）').waitFor();
    const row = host.core.db.prepare('SELECT status FROM incidents WHERE id = ?').get(incidentId);
    expect(row).toEqual({ status: 'handling' });
  });

  it('exports the incident list as an Excel ledger with the page filters', async () => {
    await ui.incidents.goto(host);
    await ui.incidents.showing('高新区化工园爆炸事故').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), ui.incidents.exportButton.click()]);
    const file = path.join(artifactsDir, 'incident-ledger.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('突发事件台账')!;
    expect(String(ws.getCell(2, 1).value)).toBe('共 1 起　状态：新接报、处置中');
    expect(String(ws.getCell(4, 2).value)).toBe('高新区化工园爆炸事故');
    expect(ws.getCell(4, 16).value).toBe(1); // 续报一 was late
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
