/**
 * Trust features in Chromium: the console's chain head, verifying the chain
 * against an exported checkpoint (and catching a cut tail), backups and
 * restore from settings, the printable audit log — and an XSS corpus entered
 * through the directory's free-text fields and shown on every trust screen, and
 * through the duty log box, the incident form and people's names.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, closeAll, openBrowser, printToPdf, screenshot, setupViaApi, startTestHost, type TestHost } from './helpers';
import { auditHead } from '../../electron/core/audit/chain';
import { shortHash } from '../../shared/domain/audit-verify';
import { appPages, type AppPages } from './pages';

let host: TestHost;
let browser: Browser;
let page: Page;
let ui: AppPages;
const pageErrors: string[] = [];

/** Each payload would set window.__xss (or open a dialog, which newPage records as an error). */
const xssCorpus = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=2"></svg>',
  'javascript:window.__xss=3',
  '"><script>window.__xss=4</script>',
  `长${'词'.repeat(30)}`,
];
/** A direction override that makes "值班 exe.document" read as a document name: refused with a translated message. */
const rtlSpoof = '\u202Eexe.tnemucod\u202C 值班';
const controlCharsMessage = '含有不可见的控制字符';
const longWord = 'W'.repeat(30_000);

const adminConn = { sessionId: null as string | null };

beforeAll(async () => {
  host = await startTestHost();
  await setupViaApi(host);
  const r = await host.api.call('auth.login', { login: 'admin', password: 'admin12345' }, adminConn);
  if (!r.ok) throw new Error(r.error.message);
  ({ browser, page } = await openBrowser(host, pageErrors));
  ui = appPages(page);
});
afterAll(() => closeAll(browser, host));

const noOverflow = async () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 2);

describe('trust in Chromium', () => {
  it('shows the chain head with its QR code on the console and follows new entries', async () => {
    const consolePage = ui.console;
    await consolePage.chainHead.waitFor();
    const head = auditHead(host.core.db);
    await expect.poll(() => consolePage.chainHeadSeq.textContent()).toBe(`第 ${head.seq} 条`);
    expect(await consolePage.chainHeadHash.textContent()).toBe(shortHash(head.hash));
    expect(await consolePage.chainHeadQr.getAttribute('d')).toMatch(/^M\d/u);
    await host.api.call('people.create', { name: '新值班员', department: null, title: null, officePhone: null, mobile: null, roles: ['officer'], sortOrder: 0 }, adminConn);
    await page.reload();
    await expect.poll(() => consolePage.chainHeadSeq.textContent()).toBe(`第 ${auditHead(host.core.db).seq} 条`);
    await screenshot(page, 'trust-01-console-chain-head');
  });

  it('verifies the chain, exports a signed checkpoint, and then catches a cut tail with it', async () => {
    const audit = ui.audit;
    await audit.goto(host);
    await audit.verifyButton.click();
    await expect.poll(() => audit.verifyResult.textContent()).toContain('校验通过');

    const download = page.waitForEvent('download');
    await audit.exportCheckpointButton.click();
    const file = path.join(artifactsDir, 'trust-checkpoint.json');
    fs.mkdirSync(artifactsDir, { recursive: true });
    await (await download).saveAs(file);
    const cp = JSON.parse(fs.readFileSync(file, 'utf8')) as { seq: number; signature: string };
    expect(cp.signature.length).toBeGreaterThan(40);
    await expect.poll(() => audit.keyFingerprint.count()).toBe(1);

    // The admin replaces the signing key with a reason; the first checkpoint of the new key downloads.
    const oldPrint = await audit.keyFingerprint.textContent();
    const confirm = await audit.startKeyRotation('按规定每年更换签名密钥');
    const rotated = page.waitForEvent('download');
    await confirm.click();
    const cp2 = JSON.parse(fs.readFileSync((await (await rotated).path())!, 'utf8')) as { keyFingerprint: string };
    expect(cp2.keyFingerprint).not.toBe(oldPrint);
    await expect.poll(() => audit.keyFingerprint.textContent()).toBe(cp2.keyFingerprint);

    // Someone with the file cuts off the newest entries.
    host.core.db.exec('DROP TRIGGER audit_log_no_delete');
    host.core.db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(cp.seq - 1);
    const chooser = page.waitForEvent('filechooser');
    await audit.checkpointFile.click();
    await (await chooser).setFiles(file);
    await audit.verifyButton.click();
    await expect.poll(() => audit.verifyResult.textContent()).toContain('截断');
    expect(await audit.verifyResult.textContent()).toContain(`第 ${cp.seq - 1} 条`);
    await screenshot(page, 'trust-02-audit-truncated');
  });

  it('backs up and restores from settings, and the restored chain verifies', async () => {
    const backups = ui.settings.backups;
    await ui.shell.goto(host, 'settings');
    await ui.settings.openTab('备份与恢复');
    await backups.backupNowButton.click();
    await expect.poll(() => backups.rows.count()).toBeGreaterThan(0);
    await screenshot(page, 'trust-03-backups');
    await backups.restoreNewest('演练：恢复到最近备份');
    const last = host.core.db.prepare('SELECT action, reason FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; reason: string };
    expect(last).toEqual({ action: 'backup.restore', reason: '演练：恢复到最近备份' });
    // A backup of the state before the restore now exists too.
    await expect.poll(() => backups.table.getByText('恢复前').count()).toBeGreaterThan(0);
  });

  it('renders an XSS corpus and 30,000-character words as text on every trust screen', async () => {
    // Through the directory form (UI) …
    await ui.directory.goto(host);
    await ui.directory.addPerson({ 姓名: xssCorpus[0]!.slice(0, 40), 部门: xssCorpus[1]! });
    // … and through the API for the rest of the corpus, as names, units, notes and reasons.
    for (const [i, s] of xssCorpus.entries()) {
      const c = await host.api.call('contacts.create', { kind: 'other', name: s.slice(0, 60), unit: s.slice(0, 80), phone: null, mobile: null, fax: null, note: s, sortOrder: i }, adminConn);
      expect(c.ok).toBe(true);
      if (c.ok) await host.api.call('contacts.setActive', { id: (c.value as { id: number }).id, active: false, reason: s.slice(0, 500) }, adminConn);
    }
    await host.api.call('contacts.create', { kind: 'other', name: 'long', unit: null, phone: null, mobile: null, fax: null, note: longWord.slice(0, 500), sortOrder: 99 }, adminConn);

    for (const route of ['console', 'audit', 'settings']) {
      await ui.shell.goto(host, route);
      await page.waitForLoadState('networkidle');
      if (route === 'settings') await ui.settings.openTab('审计与校验点');
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await noOverflow(), `${route} overflows horizontally`).toBe(true);
    }
    await ui.audit.goto(host);
    await expect.poll(() => ui.audit.table.textContent()).toContain('<img src=x onerror=');
    expect(await ui.audit.table.locator('img, svg[onload], script').count()).toBe(0);
    await screenshot(page, 'trust-04-audit-xss');
    expect(pageErrors).toEqual([]);
  });

  it('takes the XSS corpus through the duty log box, the incident form and the directory: nothing runs, the layout holds', async () => {
    const xss = () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const holds = async (where: string) => {
      expect(await xss(), `${where}: a payload ran`).toBeUndefined();
      expect(await scrollWidth(), `${where} overflows horizontally`).toBeLessThanOrEqual(2);
    };

    // 1. The console's duty log box: each payload saved with Ctrl+Enter, plus the longest word a summary takes.
    await ui.shell.goto(host, 'console');
    const summary = ui.console.summary;
    await summary.waitFor();
    const entries = ui.console.entries;
    for (const s of [...xssCorpus, 'L'.repeat(200)]) {
      const before = await entries.count();
      await summary.fill(s);
      await summary.press('Control+Enter');
      await expect.poll(() => entries.count()).toBe(before + 1);
    }
    await ui.console.entry('<img src=x onerror=', { exact: false }).first().waitFor();
    await holds('console log');
    // A direction override is refused with the reason, and nothing is saved.
    const countBefore = await entries.count();
    await summary.fill(rtlSpoof);
    await summary.press('Control+Enter');
    await ui.console.logStatus.getByText(controlCharsMessage).waitFor();
    expect(await entries.count()).toBe(countBefore);
    await summary.press('Escape');
    // The 30,000-character word typed into the box does not widen the page either.
    await summary.fill(longWord);
    await holds('console log box holding 30,000 characters');
    await summary.press('Escape');
    const saved = host.core.db.prepare('SELECT summary FROM log_entries ORDER BY id').all() as { summary: string }[];
    expect(saved.map((r) => r.summary)).toEqual(expect.arrayContaining([xssCorpus[0], xssCorpus[1], xssCorpus[2]]));

    // 2. An incident's title and description, through the form on the 事件 page.
    await ui.incidents.goto(host);
    await ui.incidents.newButton.click();
    const form = ui.incidentForm;
    await form.title.fill(xssCorpus[0]!);
    const corpusText = xssCorpus.join('\n');
    const description = `${corpusText}\n${'D'.repeat(10_000 - corpusText.length - 1)}`;
    await form.description.fill(longWord);
    await holds('incident form holding 30,000 characters');
    await form.description.fill(description);
    await form.save();
    await ui.incident.waitFor();
    await ui.incident.showing('<img src=x onerror=', { exact: false }).first().waitFor();
    const inc = host.core.db.prepare('SELECT title, description FROM incidents ORDER BY id DESC LIMIT 1').get() as { title: string; description: string };
    expect(inc).toEqual({ title: xssCorpus[0], description });
    expect(await ui.incident.root.locator('img[src="x"], svg[onload], script').count()).toBe(0);
    await holds('incident detail');
    await screenshot(page, 'trust-05-incident-xss');
    await ui.incidents.goto(host);
    await ui.incidents.showing('<img src=x onerror=', { exact: false }).waitFor();
    await holds('incident list');

    // 3. People's names in the directory (at most 40 characters).
    await ui.directory.goto(host);
    const names = ['<svg onload="window.__xss=2"></svg>', 'javascript:window.__xss=3', 'N'.repeat(40)];
    for (const name of names) await ui.directory.addPerson({ 姓名: name });
    // A name with a direction override is refused under the field, and the dialog stays open.
    const spoofDialog = await ui.directory.openPersonForm();
    await spoofDialog.field('姓名').fill(rtlSpoof);
    await spoofDialog.saveButton.click();
    await spoofDialog.showing(controlCharsMessage).first().waitFor();
    await spoofDialog.cancelButton.click();
    await spoofDialog.root.waitFor({ state: 'detached' });
    await page.getByText('javascript:window.__xss=3').first().waitFor();
    const people = host.core.db.prepare('SELECT name FROM people').all() as { name: string }[];
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(names));
    expect(await page.locator('main svg[onload], main a[href^="javascript:"]').count()).toBe(0);
    await holds('directory');
    await ui.shell.goto(host, 'console');
    await summary.waitFor();
    await holds('console after the corpus');
    expect(pageErrors).toEqual([]);
  });

  it('prints the audit log as an A4 document with the chain head', async () => {
    await ui.auditPrint.open(host, '2026-11-25', '2026-11-25');
    await ui.auditPrint.chainHeadStamp.waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const pdf = path.join(artifactsDir, 'trust-audit-log.pdf');
    await page.emulateMedia({ media: 'print' });
    await printToPdf(page, pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('审计日志');
    expect(text).toContain('审计链头');
    expect(text).toContain('backup.restore');
    expect(text).toContain('打印时间');
  });
});
