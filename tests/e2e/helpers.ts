/**
 * End-to-end helpers: the real browser host on a temp data folder, Debian's
 * Chromium driven by playwright-core, screenshots and axe checks.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { Core } from '../../electron/core/core';
import { ManualClock } from '../../electron/core/clock';
import { createApi, type Api } from '../../electron/core/api/dispatch';
import { startHost, type RunningHost } from '../../electron/host/server';
import { startDueScheduler } from '../../electron/core/escalation/due-schedule';
import type { Input, MethodName, Output } from '../../shared/contract';
import { LoginPage, SetupPage } from './pages/auth';
import { ConsolePage } from './pages/console';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const staticDir = path.join(repoRoot, 'out', 'renderer');
export const artifactsDir = path.join(repoRoot, 'artifacts');

/** 2026-11-25 21:40 Asia/Shanghai — a Wednesday night shift. */
export const e2eStart = Date.parse('2026-11-25T13:40:00Z');

export const adminAccount = { name: '王值守', login: 'admin', password: 'admin12345' };

export interface TestHost {
  dir: string;
  core: Core;
  api: Api;
  clock: ManualClock;
  host: RunningHost;
  /** Moves the core clock through the host's test endpoint, as a test would from outside. */
  moveClock(body: { now: string } | { advanceMs: number }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestHost(opts: { dir?: string; start?: number; prepare?: (dir: string) => Promise<void> | void } = {}): Promise<TestHost> {
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('renderer not built: run npm run build:renderer');
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dutydesk-e2e-'));
  await opts.prepare?.(dir);
  const clock = new ManualClock();
  clock.set(opts.start ?? e2eStart);
  const core = new Core({ dataDir: dir, clock });
  const api = createApi(core);
  const host = await startHost({ api, staticDir, testClock: true });
  const due = startDueScheduler(core);
  return {
    dir,
    core,
    api,
    clock,
    host,
    async moveClock(body) {
      const res = await fetch(`${host.url}/__test/clock`, {
        method: 'POST',
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { ok: boolean; value: { now: string } };
      return json.value.now;
    },
    async close() {
      due.stop();
      await host.close();
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A new page with a desk-sized viewport, failing the test on page errors. */
export async function newPage(browser: Browser, errors: string[] = []): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(artifactsDir, 'screens');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Serious or critical axe violations on the page (should be empty). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Colours are judged as they settle: a theme just switched still runs its colour transitions, and axe would read a colour halfway.
  // (Only those that end: an alarm's pulse runs for ever.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** Completes first-run setup through the UI. */
export async function completeSetup(page: Page, host: TestHost, deskName = '肇庆市应急管理局总值班室'): Promise<void> {
  await page.goto(host.host.openUrl);
  await new SetupPage(page).complete({
    deskName,
    dutyPhone: '0758-2222110',
    fax: '0758-2222119',
    adminName: adminAccount.name,
    adminLogin: adminAccount.login,
    adminPassword: adminAccount.password,
  });
  await new ConsolePage(page).waitFor();
}

/** Sets up the desk through the API (faster, for tests about other screens). */
export async function setupViaApi(host: TestHost): Promise<void> {
  const r = await host.api.call(
    'app.setup',
    {
      deskName: '肇庆市应急管理局总值班室',
      dutyPhone: '0758-2222110',
      fax: '0758-2222119',
      timeZone: 'Asia/Shanghai',
      adminName: adminAccount.name,
      adminLogin: adminAccount.login,
      adminPassword: adminAccount.password,
      adminMobile: '13800000000',
      adminDepartment: '办公室',
    },
    { sessionId: null },
  );
  if (!r.ok) throw new Error(r.error.message);
}

export async function loginUi(page: Page, host: TestHost, login = adminAccount.login, password = adminAccount.password): Promise<void> {
  await page.goto(host.host.openUrl);
  await new LoginPage(page).signIn(login, password);
  await new ConsolePage(page).waitFor();
}

export type AdminCall = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;

/** Logs the admin in through the API (set up first) and returns a typed caller that throws on failure: for arranging data. */
export async function adminApi(host: TestHost): Promise<AdminCall> {
  const conn = { sessionId: null as string | null };
  const login = await host.api.call('auth.login', { login: adminAccount.login, password: adminAccount.password }, conn);
  if (!login.ok) throw new Error(login.error.message);
  return async (method, input) => {
    const r = await host.api.call(method, input, conn);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as Output<typeof method>;
  };
}


/**
 * Prints the page to an A4 PDF as the app's print button does: after its fonts have loaded.
 *
 * Every printout of every test is checked for Type 3 fonts here (glyphs drawn as
 * pictures when a character falls through to a CFF system font): a printout
 * with one fails the test that printed it (issue 11 item 8).
 */
export async function printToPdf(page: Page, file: string): Promise<void> {
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const type3 = pdfFonts(file).filter((f) => f.type === 'Type 3');
  if (type3.length) throw new Error(`${path.basename(file)} embeds Type 3 fonts (a glyph fell back to a CFF system font): ${type3.map((f) => f.name).join(', ')}`);
  // White paper in either theme: the app's dark background must never reach a printout.
  const pages = Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
  for (let p = 1; p <= pages; p++) {
    const { all, margins } = darkShare(file, p);
    if (all > 0.3 || margins > 0.02) {
      throw new Error(`${path.basename(file)} page ${p} is ${Math.round(all * 100)} % dark (its margins ${Math.round(margins * 100)} %): the screen's background printed (a dark theme leaking onto paper?)`);
    }
  }
}

/**
 * How dark a PDF page is, rendered in grey at 24 dpi: the share of near-black
 * pixels on the whole page (a dense roster grid stays near 12 %) and in its
 * left, right and top margin strips (3 % of the page; every printout keeps
 * ≥ 10 mm of margin there, so they hold no ink at all).
 */
export function darkShare(file: string, pageNo: number): { all: number; margins: number } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '24', '-f', String(pageNo), '-l', String(pageNo), '-singlefile', file]);
  // Binary PGM: "P5", width, height, max value, one whitespace byte, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/u.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`pdftoppm gave no PGM for ${file}`);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const px = pgm.subarray(header[0].length);
  const sx = Math.max(1, Math.floor(w * 0.03));
  const sy = Math.max(1, Math.floor(h * 0.03));
  let dark = 0;
  let edge = 0;
  let edgeDark = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const isDark = px[y * w + x]! < 64;
      if (isDark) dark++;
      if (x < sx || x >= w - sx || y < sy) {
        edge++;
        if (isDark) edgeDark++;
      }
    }
  }
  return { all: dark / (w * h), margins: edgeDark / edge };
}

/** The fonts a PDF embeds, as `pdffonts` lists them: name and type ("CID TrueType", "Type 3" …). */
export function pdfFonts(file: string): { name: string; type: string }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    const m = /^(\S+)\s+(Type 3|CID TrueType|TrueType|Type 1C?|CID Type 0C?|Type 0)\b/u.exec(line);
    return { name: m?.[1] ?? line.trim(), type: m?.[2] ?? 'unknown' };
  });
}

/** Chromium with one page on the host, signed in as the admin unless `login: false`. */
export async function openBrowser(host: TestHost, errors: string[], opts: { login?: boolean } = {}): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  const page = await newPage(browser, errors);
  if (opts.login !== false) await loginUi(page, host);
  return { browser, page };
}

/** Closes the browser and stops the host; either may be missing when `beforeAll` failed half-way. */
export async function closeAll(browser: Browser | undefined, host: TestHost | undefined): Promise<void> {
  await browser?.close();
  await host?.close();
}
