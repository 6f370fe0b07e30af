/**
 * The registers in Chromium: visits registered across levels, a group visit
 * and a repeat visit; the statistics show "N批M人次" per level with 环比 and
 * print (from the button) to a PDF that holds the table; a supervised item
 * past its deadline turns red on the console and prints on the ledger; a
 * telegram with a deadline is in "待办时限" and prints on the register; a 秘密
 * document is refused with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { adminApi, artifactsDir, axeViolations, closeAll, openBrowser, printToPdf, screenshot, setupViaApi, startTestHost, type TestHost } from './helpers';
import { pickMonth } from './pages/fields';
import { appPages, openPrint, openSection, type AppPages } from './pages';

let host: TestHost;
let browser: Browser;
let page: Page;
let app: AppPages;
const pageErrors: string[] = [];
const idZhang = '11010519491231002X';

beforeAll(async () => {
  host = await startTestHost(); // 2026-11-25 21:40 Asia/Shanghai
  await setupViaApi(host);
  const call = await adminApi(host);
  // Last month's visit, for 环比: 到区 1批1人次.
  await call('petitions.create', { receivedAt: '2026-10-12T09:00:00+08:00', form: 'visit', persons: 1, level: 'district', category: '其他', summary: '反映邻里纠纷', petitioners: [{ name: '钱某' }] });
  ({ browser, page } = await openBrowser(host, pageErrors));
  app = appPages(page);
});
afterAll(() => closeAll(browser, host));

const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/gu, ' ');

async function printed(popup: Page, name: string): Promise<string> {
  await popup.emulateMedia({ media: 'print' });
  fs.mkdirSync(path.join(artifactsDir, 'screens'), { recursive: true });
  const file = path.join(artifactsDir, `${name}.pdf`);
  await printToPdf(popup, file);
  await popup.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(artifactsDir, 'screens', name)]);
  await popup.goBack();
  return file;
}

describe('信访, 督办台账 and 来文登记 in Chromium', () => {
  it('registers visits across levels, a group of 23 and a repeat visit', async () => {
    await openSection(page, '信访');
    await app.petitions.root.waitFor();
    await app.petitions.newButton.click();
    await app.petitionForm.fill({ level: '到区', persons: 1, category: '房屋拆迁', summary: '反映拆迁补偿标准偏低', petitioners: [{ name: '张某', idNumber: idZhang }] });
    await app.petitionForm.save();
    await page.getByTestId('petition-detail').waitFor();
    await app.petitions.goto(host);
    await app.petitions.newButton.click();
    await app.petitionForm.fill({ level: '到市', persons: 23, category: '劳动社会保障', summary: '某建筑公司拖欠农民工工资', petitioners: [{ name: '李代表' }, { name: '王代表' }] });
    await app.petitionForm.root.getByText('集体访').first().waitFor();
    await app.petitionForm.save();
    await app.petitions.goto(host);
    await app.petitions.newButton.click();
    await app.petitionForm.fill({ level: '到区', persons: 1, category: '房屋拆迁', summary: '再次反映拆迁补偿问题', petitioners: [] });
    await app.petitionForm.linkEarlier('002X');
    await app.petitionForm.save();
    const detail = page.getByTestId('petition-detail');
    await detail.getByText('重复访').waitFor();
    // The admin sees the full ID number; the statutory deadline counts from the day received.
    expect(await detail.getByTestId('petitioner-id').first().textContent()).toBe(idZhang);
    await detail.getByText('2026-12-10').first().waitFor(); // 11-25 + 15 days
    await app.petitions.goto(host);
    await expect.poll(() => app.petitions.rows.count()).toBe(3);
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe)).toEqual([]);
    await screenshot(page, 'registers-01-petitions');
  });

  it('shows the month in 批 and 人次 per level, with 环比 against October', async () => {
    await app.petitions.statsTab.click();
    await app.petitions.statsTable.waitFor();
    await pickMonth(page, app.petitions.statsMonth, '2026-11');
    await expect.poll(() => app.petitions.statsRow('level.district').current.textContent()).toBe('2批2人次');
    expect(await app.petitions.statsRow('level.city').current.textContent()).toBe('1批23人次');
    expect(await app.petitions.statsRow('visits').current.textContent()).toBe('3批25人次');
    expect(await app.petitions.statsRow('group').current.textContent()).toBe('1批23人次');
    expect(await app.petitions.statsRow('repeat').current.textContent()).toBe('1批1人次');
    expect(await app.petitions.statsRow('level.district').mom.textContent()).toBe('上升100%');
    expect(await app.petitions.statsRow('visits').mom.textContent()).toBe('批次上升200%，人次上升2400%');
    expect(await app.petitions.statsRow('level.city').mom.textContent()).toBe('—');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'registers-02-stats');
  });

  it('prints the statistics from its button to an A4 PDF holding the table', async () => {
    const popup = await openPrint(app.petitions.printStatsButton, 'petition-stats-print-page');
    const file = await printed(popup, 'registers-03-stats-print');
    const text = pdfText(file);
    expect(text).toContain('肇庆市应急管理局总值班室信访情况统计表');
    expect(text).toContain('2026年11月1日至2026年11月30日');
    expect(text).toMatch(/到区\s+2批2人次\s+1批1人次/u);
    expect(text).toMatch(/到市\s+1批23人次\s+0批0人次/u);
    expect(text).toContain('其中：集体访');
    expect(text).toContain('上升100%');
    expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/u);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/u);
  });

  it('a supervised item past its deadline is red on the console and on the printed ledger', async () => {
    await openSection(page, '督办台账');
    await app.ledger.root.waitFor();
    await app.ledger.create({ source: '领导批示', title: '督促排查老旧小区燃气管道隐患', ownerUnit: '区住建局', deadline: '2026-11-30' });
    await page.getByTestId('ledger-detail').waitFor();
    await host.moveClock({ now: '2026-12-01T01:00:00.000Z' }); // 12-01 09:00
    await openSection(page, '值班台');
    const item = app.console.dueItem('DB2026-001');
    await expect.poll(() => item.getAttribute('data-overdue')).toBe('true');
    expect(await item.textContent()).toContain('督办事项时限');
    expect(await item.getByTestId('due-countdown').textContent()).toMatch(/^已超时/u);
    await screenshot(page, 'registers-04-console-overdue');
    await app.ledger.goto(host);
    await expect.poll(() => app.ledger.rows.first().getAttribute('data-overdue')).toBe('true');
    await screenshot(page, 'registers-05-ledger');
    const popup = await openPrint(app.ledger.printButton, 'ledger-print-page');
    const text = pdfText(await printed(popup, 'registers-06-ledger-print'));
    expect(text).toContain('督办事项台账');
    expect(text).toContain('DB2026-001');
    expect(text).toContain('区住建局');
    expect(text).toContain('超期未销号');
    expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/u);
  });

  it('refuses a 秘密 document with the reason; a telegram with a deadline joins 待办时限 and prints on the register', async () => {
    await openSection(page, '来文登记');
    await app.documents.root.waitFor();
    await app.documents.fill({ kind: '明传电报', fromUnit: '市应急管理局', docNo: '明传〔2026〕88号', title: '关于做好寒潮天气防范应对工作的紧急通知', secrecy: '秘密', urgency: '特急', dueAt: '2026-12-02T17:00' });
    await app.documents.save();
    await app.documents.form.getByText(/不得录入秘密/u).first().waitFor();
    await app.documents.form.getByLabel('密级', { exact: true }).click();
    await page.getByRole('option', { name: '内部', exact: true }).click();
    await app.documents.save();
    await page.getByTestId('document-detail').waitFor();
    await openSection(page, '值班台');
    const item = app.console.dueItem('SW2026-0001');
    await item.waitFor();
    expect(await item.textContent()).toContain('明传电报办理时限');
    expect(await item.getAttribute('data-overdue')).toBe('false');
    await app.documents.goto(host);
    await expect.poll(() => app.documents.rows.count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'registers-07-documents');
    const popup = await openPrint(app.documents.printButton, 'documents-print-page');
    const text = pdfText(await printed(popup, 'registers-08-documents-print'));
    expect(text).toContain('来文来电登记簿');
    expect(text).toContain('SW2026-0001');
    expect(text).toMatch(/明传〔2026〕\s*88号/u);
    expect(text).toContain('寒潮天气防');
    expect(text).toContain('特急');
    expect(pageErrors).toEqual([]);
  });

  it('reads in English and in the dark theme too (screenshots to look at)', async () => {
    await app.petitions.goto(host);
    for (let i = 0; i < 3 && !(await page.getByRole('button', { name: '主题：深色' }).count()); i += 1) {
      await page.getByRole('button', { name: /^主题/u }).click();
    }
    await app.shell.languageButton.click();
    await page.getByRole('tab', { name: 'Statistics' }).click();
    await page.getByTestId('petition-stats-table').waitFor();
    await pickMonth(page, page.getByTestId('stats-month'), '2026-11');
    await expect.poll(() => page.getByTestId('stats-row-level.district').getByTestId('stats-current').textContent()).toBe('2 batches, 2 person-times');
    await screenshot(page, 'registers-09-stats-en-dark');
    await openSection(page, 'Supervised items');
    await app.ledger.rows.first().waitFor();
    await screenshot(page, 'registers-10-ledger-en-dark');
    await openSection(page, 'Console');
    await app.console.dueItem('DB2026-001').waitFor();
    await screenshot(page, 'registers-11-console-en-dark');
    expect(pageErrors).toEqual([]);
  });
});
