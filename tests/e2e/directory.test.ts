/**
 * The 通讯录 in Chromium: printed as an A4 sheet grouped by department and
 * contact kind (checked with pdftotext), and exported to Excel from the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { adminApi, artifactsDir, closeAll, openBrowser, printToPdf, setupViaApi, startTestHost, type TestHost } from './helpers';
import { appPages, type AppPages } from './pages';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
const pageErrors: string[] = [];

beforeAll(async () => {
  host = await startTestHost();
  await setupViaApi(host);
  const call = await adminApi(host);
  await call('people.create', { name: '李局长', department: '局领导', title: '局长', officePhone: '0758-2222001', mobile: '13900000001', roles: ['leader'], sortOrder: 1 });
  await call('people.create', { name: '张值班', department: '应急指挥中心', title: '科员', officePhone: '0758-2222110', mobile: '13800000002', roles: ['officer'], sortOrder: 2 });
  await call('contacts.create', { kind: 'superior', name: '市政府总值班室', unit: null, phone: '0758-2888888', mobile: null, fax: '0758-2888889', note: '24小时值守' });
  ({ browser, page } = await openBrowser(host, pageErrors));
  ui = appPages(page);
});
afterAll(() => closeAll(browser, host));

describe('通讯录 print and export', () => {
  it('prints the directory as an A4 sheet grouped by department, with the outside contacts', async () => {
    await ui.directoryPrint.open(host);
    await page.emulateMedia({ media: 'print' });
    fs.mkdirSync(artifactsDir, { recursive: true });
    const file = path.join(artifactsDir, 'directory.pdf');
    await printToPdf(page, file);
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/gu, ' ');
    expect(text).toContain('肇庆市应急管理局总值班室通讯录');
    expect(text).toContain('局领导');
    expect(text).toMatch(/李局长 局长 0758-2222001 13900000001/u);
    expect(text).toContain('上级值班室');
    expect(text).toMatch(/市政府总值班室 0758-2888888 0758-2888889 24小时值守/u);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/u);
  });

  it('exports the directory to Excel from the page', async () => {
    await ui.directory.goto(host);
    await ui.directory.search.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), ui.directory.exportButton.click()]);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dutydesk-directory-'));
    const file = path.join(tmp, 'directory.xlsx');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('肇庆市应急管理局总值班室通讯录.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names: string[] = [];
    const ws = wb.getWorksheet('本单位人员')!;
    for (let r = 4; r <= ws.rowCount; r += 1) names.push(String(ws.getCell(r, 1).value));
    expect(names).toEqual(expect.arrayContaining(['李局长', '张值班']));
    fs.rmSync(tmp, { recursive: true, force: true });
    expect(pageErrors).toEqual([]);
  });
});
