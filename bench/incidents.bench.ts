/**
 * Benchmarks of the duty log and incidents.
 *
 * - `log_write_vs_raw_ratio`: one log entry written through the API
 *   (validation, session check, version row, audit row; no search index
 *   exists yet), with the app's commit subscribers running as in Electron and
 *   the browser host (the chain-head record, the due scheduler), vs a raw
 *   INSERT of the same row, each in its own transaction on the same store
 *   (WAL, synchronous=FULL), interleaved pair by pair — the median of 7
 *   rounds' median-over-median ratios (fsync time drifts here). Goal ≤ 2.
 * - `console_first_render_10y_ms`: the console's first render in Chromium on
 *   the 10-year demo desk — from navigation until the log timeline and the
 *   due-next list show data. Median of reloads after one warm-up. Goal ≤ 1000.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../electron/core/core';
import { ManualClock } from '../electron/core/clock';
import { createApi } from '../electron/core/api/dispatch';
import type { Connection } from '../electron/core/context';
import { seedDemo, demoAdmin } from '../electron/core/seed';
import { stats, time, workDir, type BenchModule } from './lib';
import { trackChainHead } from '../electron/core/trust/open';
import { startDueScheduler } from '../electron/core/escalation/due-schedule';

async function logWriteRatio(b: Parameters<BenchModule['run']>[0]): Promise<void> {
  const dir = path.join(workDir, 'incidents-log-write');
  fs.rmSync(dir, { recursive: true, force: true });
  const core = new Core({ dataDir: dir });
  const api = createApi(core);
  const conn: Connection = { sessionId: null };
  const setup = await api.call(
    'app.setup',
    {
      deskName: '基准测试值班室',
      dutyPhone: null,
      fax: null,
      timeZone: 'Asia/Shanghai',
      adminName: '管理员',
      adminLogin: 'admin',
      adminPassword: 'admin12345',
      adminMobile: null,
      adminDepartment: null,
    },
    conn,
  );
  if (!setup.ok) throw new Error(setup.error.message);
  const stopHead = trackChainHead(core);
  const due = startDueScheduler(core);
  const input = {
    kind: 'incoming_call' as const,
    summary: '区应急局来电报告辖区道路积水情况，已通知有关单位处置',
    sourceUnit: '端州区应急管理局',
    sourcePerson: '张科长',
    sourcePhone: '0758-2555110',
  };
  const raw = core.db.prepare(
    `INSERT INTO log_entries (version, kind, occurred_at, duty_date, source_unit, source_person, source_phone, summary, detail,
       reported_to, proposal, instruction, outcome, handler, handled_at, incident_id, recorded_by, recorded_at, updated_by, updated_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, ?)`,
  );
  const insertRaw = core.db.transaction(() => {
    const at = new Date().toISOString();
    raw.run(input.kind, at, '2026-11-25', input.sourceUnit, input.sourcePerson, input.sourcePhone, input.summary, 'admin', at, 'admin', at);
  });
  const viaApiOnce = async () => {
    const r = await api.call('log.create', input, conn);
    if (!r.ok) throw new Error(r.error.message);
  };
  // Interleaved, so both see the same WAL size and checkpoint rhythm; in rounds, because this
  // disk's fsync time drifts by ±30 % over tens of seconds: each round's ratio compares writes made
  // under the same conditions, and the recorded figure is the median of the round ratios.
  const apiSamples: number[] = [];
  const rawSamples: number[] = [];
  const roundRatios: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    await viaApiOnce();
    insertRaw();
  }
  for (let round = 0; round < 7; round += 1) {
    const a: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < 150; i += 1) {
      let t = performance.now();
      await viaApiOnce();
      a.push(performance.now() - t);
      t = performance.now();
      insertRaw();
      r.push(performance.now() - t);
    }
    roundRatios.push(stats(a).median / stats(r).median);
    apiSamples.push(...a);
    rawSamples.push(...r);
  }
  const viaApi = stats(apiSamples);
  const direct = stats(rawSamples);
  const ratio = stats(roundRatios).median;
  b.show('log.create via API (own transaction)', viaApi);
  b.show('raw INSERT (own transaction)', direct);
  console.log(`    ratio per round (150 pairs each)          ${roundRatios.map((x) => x.toFixed(2)).join(' ')}`);
  b.record('log_write_vs_raw_ratio', ratio, 'x', direct.median, `goal ≤ 2; median of ${roundRatios.length} round ratios`);
  await stopHead.flush();
  stopHead();
  due.stop();
  core.close();
}

async function consoleFirstRender(b: Parameters<BenchModule['run']>[0]): Promise<void> {
  const dir = path.join(workDir, 'incidents-10y');
  const marker = path.join(dir, '.seeded');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    const t = Date.now();
    const { core } = await seedDemo({ dataDir: dir, years: 10, log: (m) => console.log(`    seed: ${m}`) });
    core.close();
    fs.writeFileSync(marker, new Date().toISOString());
    console.log(`    10-year demo desk seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const staticDir = path.resolve('out/renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.log('  console_first_render_10y_ms skipped: run npm run build:renderer first');
    return;
  }
  const { startHost } = await import('../electron/host/server');
  const { launchBrowser } = await import('../tests/e2e/helpers');
  // The desk's clock stands just after its newest entry, so "this duty day" has entries whatever
  // the time of day the bench runs (a bench started after 08:30 would otherwise show an empty day).
  const clock = new ManualClock();
  const core = new Core({ dataDir: dir, clock });
  const newest = core.db.prepare('SELECT max(occurred_at) AS t FROM log_entries').get() as { t: string };
  clock.set(Date.parse(newest.t) + 60_000);
  const api = createApi(core);
  const host = await startHost({ api, staticDir });
  const browser = await launchBrowser();
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    ).newPage();
    await page.goto(host.openUrl);
    await page.getByLabel('登录名').fill(demoAdmin.login);
    await page.getByLabel('密码').fill(demoAdmin.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('console').waitFor();
    const rendered = async () => {
      const t0 = Date.now();
      await page.reload();
      await page.getByTestId('log-entry').first().waitFor();
      await page.getByTestId('due-next').waitFor();
      await page.getByTestId('log-summary').waitFor();
      return Date.now() - t0;
    };
    const s = await time(rendered, 7, 1);
    const entries = (core.db.prepare('SELECT count(*) n FROM log_entries').get() as { n: number }).n;
    b.show(`console reload → log + due shown (${entries} log entries)`, s);
    b.record('console_first_render_10y_ms', s.median, 'ms', undefined, 'goal ≤ 1000');
  } finally {
    await browser.close();
    await host.close();
    core.close();
  }
}

export const incidentsBench: BenchModule = {
  name: 'incidents',
  run: async (b) => {
    await logWriteRatio(b);
    await consoleFirstRender(b);
  },
};
