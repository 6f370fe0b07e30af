/**
 * English is complete and nothing is cut off (issue 11 item 9), in Chromium:
 * on a demo desk in English, at 1366×768 and 1920×1080, no visible badge,
 * segmented-control label or select value on the main screens is truncated
 * ("PRESE…", "Ot…"), in both themes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { adminApi, closeAll, e2eStart, launchBrowser, loginUi, newPage, screenshot, startTestHost, type AdminCall, type TestHost } from './helpers';
import { appPages, type AppPages } from './pages';
import { seedDemo } from '../../electron/core/seed';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
let api: AdminCall;
const pageErrors: string[] = [];

beforeAll(async () => {
  host = await startTestHost({
    prepare: async (dir) => {
      const { core } = await seedDemo({ dataDir: dir, years: 1, clockNow: e2eStart });
      core.close();
    },
  });
  api = await adminApi(host);
  await api('petitions.create', { form: 'visit', persons: 3, level: 'district', category: '其他', summary: '反映邻里纠纷', petitioners: [{ name: '钱某' }] });
  await api('ledger.create', { source: 'instruction', title: '督促落实消防通道整治', ownerUnit: '区住建局', deadline: '2026-11-20' });
  await api('documents.create', { kind: 'telegram', fromUnit: '市应急管理局', docNo: '明传〔2026〕90号', title: '关于做好强降温天气防范工作的通知', secrecy: 'internal', urgency: 'urgent', dueAt: '2026-11-27T17:00:00+08:00' });
  browser = await launchBrowser();
  page = await newPage(browser, pageErrors);
  ui = appPages(page);
  await loginUi(page, host);
  await ui.shell.languageButton.click();
  await ui.shell.navLink('Directory').waitFor();
}, 60_000);
afterAll(() => closeAll(browser, host));

/** Every visible badge label, segmented-control label and select value whose text runs past its box. */
async function truncated(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    const sel = ['.mantine-Badge-root', '.mantine-Badge-label', '.mantine-SegmentedControl-root', '.mantine-SegmentedControl-label', '.mantine-Select-input', '.mantine-Tabs-list', '.mantine-Tabs-tabLabel', '.mantine-Button-label'];
    for (const el of document.querySelectorAll<HTMLElement>(sel.join(','))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        const text = el instanceof HTMLInputElement ? el.value : (el.textContent ?? '');
        out.push(`${el.className.split(' ').find((c) => c.startsWith('mantine-')) ?? el.className}: "${text}" (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return out;
  });
}

const screens: { route: string; ready: string }[] = [
  { route: 'console', ready: 'console' },
  { route: 'log', ready: 'log-book' },
  { route: 'incidents', ready: 'incident-list' },
  { route: 'incidents/1', ready: 'incident-detail' },
  { route: 'incidents/2', ready: 'incident-detail' },
  { route: 'petitions', ready: 'petition-list' },
  { route: 'petitions/1', ready: 'petition-detail' },
  { route: 'ledger', ready: 'ledger-list' },
  { route: 'documents', ready: 'document-list' },
  { route: 'handover', ready: 'handover' },
  { route: 'attendance', ready: 'attendance' },
  { route: 'presence', ready: 'presence' },
  { route: 'leader', ready: 'leader' },
  { route: 'reports', ready: 'daily-report' },
  { route: 'roster', ready: 'roster' },
];

/** The QR's light-module fill, the page's colour scheme and the contrast of the light modules against the dark ones. */
async function qrColours(p: Page): Promise<{ scheme: string | null; light: string; contrast: number }> {
  return p.evaluate(() => {
    const lum = (c: string): number => {
      const [r, g, b] = (c.match(/\d+/gu) ?? ['0', '0', '0']).slice(0, 3).map((x) => {
        const v = Number(x) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const light = getComputedStyle(document.querySelector('.dd-qr-light')!).fill;
    const dark = getComputedStyle(document.querySelector('.dd-qr-dark')!).fill;
    const [a, b] = [lum(light), lum(dark)].sort((x, y) => y - x) as [number, number];
    return { scheme: document.documentElement.getAttribute('data-mantine-color-scheme'), light, contrast: (a + 0.05) / (b + 0.05) };
  });
}

describe('English punctuation on the screens', () => {
  it('the on-duty card and the log book day read with English punctuation and weekday', async () => {
    const fullWidth = /[\u3000-\u303F\uFF01-\uFF5E]/u;
    await ui.shell.navigate('console');
    const card = page.getByTestId('on-duty-card');
    await card.getByTestId('handover-countdown').waitFor();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('Sign in (Alt+S)');
    expect(cardText).not.toMatch(fullWidth);
    // A leader's instruction: "冯桂: 立即核实情况…" — the instruction is the leader's Chinese; the colon after the name is the UI's.
    const instruction = (await page.getByTestId('instruction-line').first().textContent()) ?? '';
    expect(instruction).toMatch(/\p{Script=Han}: /u);
    expect(instruction).not.toMatch(/\p{Script=Han}：/u);
    await ui.shell.navigate('log');
    const day = page.getByTestId('logbook-day');
    await day.getByTestId('logbook-on-duty').waitFor();
    const dayText = (await day.textContent()) ?? '';
    expect(dayText).toContain('Wednesday');
    expect(dayText).not.toContain('星期');
    expect(dayText).not.toMatch(fullWidth);
  });
});

describe('the audit QR in both themes', () => {
  it('is no bright white square at night, and keeps scanning contrast in both themes', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await ui.shell.navigate('console');
    await ui.console.chainHeadQr.waitFor();
    // 21:40: the automatic theme is dark.
    const night = await qrColours(page);
    expect(night.scheme).toBe('dark');
    expect(night.light).not.toBe('rgb(255, 255, 255)');
    expect(night.contrast).toBeGreaterThanOrEqual(7);
    await ui.console.chainHead.screenshot({ path: await screenshot(page, 'english-fit-qr-dark').then((f) => f.replace('.png', '-card.png')) });
    for (let i = 0; i < 3 && !(await page.getByRole('button', { name: 'Theme: light' }).count()); i += 1) await page.getByRole('button', { name: /^Theme/u }).click();
    const day = await qrColours(page);
    expect(day.scheme).toBe('light');
    expect(day.light).toBe('rgb(255, 255, 255)');
    expect(day.contrast).toBeGreaterThanOrEqual(20);
    await ui.console.chainHead.screenshot({ path: await screenshot(page, 'english-fit-qr-light').then((f) => f.replace('.png', '-card.png')) });
    // Back to automatic for the screens below.
    for (let i = 0; i < 3 && !(await page.getByRole('button', { name: 'Theme: auto (dark at night)' }).count()); i += 1) await page.getByRole('button', { name: /^Theme/u }).click();
  });
});

describe('English, nothing cut off', () => {
  it('names reports First report / Follow-up n / Final report and writes the casualty line in English', async () => {
    const { id } = host.core.db.prepare("SELECT incident_id AS id FROM incident_reports GROUP BY incident_id HAVING count(*) >= 3 AND sum(kind = 'final') = 1 ORDER BY incident_id LIMIT 1").get() as { id: number };
    await ui.shell.navigate(`incidents/${id}`);
    const reports = page.getByTestId('report-row');
    await reports.first().waitFor();
    const titles = await reports.evaluateAll((rows) => rows.map((r) => r.querySelector('p')?.textContent ?? ''));
    expect(titles[0]).toBe('First report');
    expect(titles[1]).toBe('Follow-up 1');
    expect(titles.at(-1)).toBe('Final report');
    const casualties = (await page.getByTestId('casualties').textContent()) ?? '';
    expect(casualties).not.toMatch(/\p{Script=Han}/u);
    expect(casualties).toMatch(/dead|No deaths/u);
    await page.getByText('Filed First report').waitFor();
    await screenshot(page, 'english-fit-incident-reports');
    // The printed 信息报告 is an official Chinese document: Chinese on paper, also from the English screen.
    const { rid } = host.core.db.prepare("SELECT id AS rid FROM incident_reports WHERE incident_id = ? AND kind = 'first'").get(id) as { rid: number };
    await page.getByTestId(`report-print-${rid}`).first().click();
    const paper = page.getByTestId('report-print');
    await paper.waitFor();
    const paperText = (await paper.textContent()) ?? '';
    expect(paperText).toContain('突发事件信息报告');
    expect(paperText).toContain('（首报）');
    expect(paperText).not.toContain('Incident information report');
    await screenshot(page, 'english-fit-report-print');
  });


  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`at ${w}×${h}: no badge, segmented label, tab, button or select value is truncated on the main screens`, async () => {
      await page.setViewportSize({ width: w, height: h });
      const found: string[] = [];
      for (const s of screens) {
        await ui.shell.navigate(s.route);
        await page.waitForTimeout(400);
        await page.waitForLoadState('networkidle');
        for (const x of await truncated(page)) found.push(`${s.route}: ${x}`);
        await screenshot(page, `english-fit-${w}-${s.route.replace('/', '-')}`);
      }
      expect(found).toEqual([]);
    });
  }
});
