/**
 * Benchmarks of the roster domain (the ids are a contract with the issues):
 *
 * - roster_generate_1y_300p_ms: generation for 1 year × 300 people × 3 roles, median.
 * - roster_fairness_gap_vs_exact: on small random instances, the generator's
 *   objective minus the exact optimum found by exhaustive branch-and-bound in
 *   this run (mean over instances; goal 0). The same figure with the exact
 *   window search switched off is printed as a note.
 * - on_duty_lookup_10y_ms: who is on duty on the 10-year demo desk, median.
 * - roster_month_pdf_ms: a month roster to PDF through the print view in
 *   Chromium (needs `npm run build:renderer` and /usr/bin/chromium).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Rng } from '../electron/core/seed/rng';
import { createCalendar } from '../shared/domain/calendar';

import { defaultRules, type RosterPerson, type ShiftTemplate } from '../shared/domain/roster-rules';
import { generateRoster, type GenerateInput } from '../shared/domain/roster-generate';
import { exactRoster } from '../shared/domain/roster-exact';
import { dutyRoles } from '../shared/roles';
import { copyDemoDesk, demoNow, ensureDemoDesk } from './demo-desk';
import { Core } from '../electron/core/core';
import { time, workDir, type BenchModule } from './lib';
import { dutyNow } from "../electron/core/duty/service";
import { addDays, datesBetween } from '../shared/time';

const cal = createCalendar();
const shift = (needs: { leader: number; officer: number; standby: number }, holiday = needs): ShiftTemplate => ({
  id: 1,
  name: '全天',
  startMinutes: 510,
  durationMinutes: 1440,
  needs: { workday: needs, weekend: needs, makeup: needs, holiday },
  active: true,
  sortOrder: 0,
});

function yearInstance(): GenerateInput {
  const people: RosterPerson[] = Array.from({ length: 300 }, (_, i) => ({
    id: i + 1,
    roles: i % 10 === 0 ? ['leader'] : i % 3 === 0 ? ['officer', 'standby'] : ['officer'],
  }));
  const rng = new Rng(7);
  const unavailability = Array.from({ length: 200 }, () => {
    const from = addDays('2026-01-01', rng.int(0, 360));
    return { personId: rng.int(1, 300), from, to: addDays(from, rng.int(0, 9)), reason: '年休假' };
  });
  return {
    days: datesBetween('2026-01-01', '2026-12-31').map((d) => cal.dayInfo(d)),
    shifts: [shift({ leader: 1, officer: 3, standby: 1 }, { leader: 1, officer: 4, standby: 2 })],
    people,
    unavailability,
    pins: [],
    history: [],
    rules: defaultRules,
  };
}

function smallInstance(rng: Rng): GenerateInput {
  const starts = ['2026-01-01', '2026-02-12', '2026-04-30', '2026-09-24', '2026-10-01', '2026-11-02'];
  const start = rng.pick(starts);
  const nDays = rng.int(4, 8);
  const people = Array.from({ length: rng.int(3, 6) }, (_, i) => ({
    id: i + 1,
    roles: dutyRoles.filter(() => rng.chance(0.5)).concat(i % 2 === 0 ? ['officer'] : ['leader']),
  }));
  const need = { leader: rng.int(0, 1), officer: rng.int(1, 2), standby: rng.int(0, 1) };
  const unavailability = rng.chance(0.5) ? [{ personId: rng.int(1, people.length), from: addDays(start, rng.int(0, nDays - 1)), to: addDays(start, rng.int(0, nDays)), reason: '请假' }] : [];
  return {
    days: datesBetween(start, addDays(start, nDays - 1)).map((d) => cal.dayInfo(d)),
    shifts: [shift(need)],
    people: people.map((p) => ({ ...p, roles: [...new Set(p.roles)] })),
    unavailability: unavailability.filter((u) => u.to >= u.from),
    pins: [],
    history: [],
    rules: { ...defaultRules, minRestDays: rng.int(0, 2) },
  };
}

export const rosterBench: BenchModule = {
  name: 'roster',
  run: async (b) => {
    // 1. A year for 300 people.
    const year = yearInstance();
    let unfilled = 0;
    const gen = await time(() => {
      unfilled = generateRoster(year).unfilled.length;
    }, 5, 1);
    b.show('generate 1y × 300p × 3 roles', gen);
    b.record('roster_generate_1y_300p_ms', gen.median, 'ms', undefined, `goal ≤ 1000; ${unfilled} unfilled`);

    // 2. Fairness gap against the exact optimum on small instances.
    const rng = new Rng(20261125);
    let n = 0;
    let gapSum = 0;
    let gapMax = 0;
    let heurSum = 0;
    let heurMax = 0;
    for (let i = 0; i < 300 && n < 120; i += 1) {
      const inst = smallInstance(rng);
      const ex = exactRoster(inst, 1_000_000);
      if (!ex.complete) continue;
      n += 1;
      const gap = generateRoster(inst).objective - ex.objective;
      const heur = generateRoster({ ...inst, search: { windowDays: 0 } }).objective - ex.objective;
      gapSum += gap;
      gapMax = Math.max(gapMax, gap);
      heurSum += heur;
      heurMax = Math.max(heurMax, heur);
    }
    b.record('roster_fairness_gap_vs_exact', gapSum / n, 'objective', undefined, `mean over ${n} instances, max ${gapMax}; without the window search: mean ${(heurSum / n).toFixed(3)}, max ${heurMax}`);

    // 3. Who is on duty on the 10-year demo desk.
    // The shared 10-year demo desk (seeded once per checkout), copied because the PDF part logs in.
    const dir = copyDemoDesk(await ensureDemoDesk(10), 'roster-10y');
    const core = new Core({ dataDir: dir });
    const live = (core.db.prepare('SELECT count(*) n FROM roster_live').get() as { n: number }).n;
    let k = 0;
    const base = demoNow;
    const lookup = await time(() => {
      // Walk through the last year so the cache never answers the same question twice.
      k = (k + 1) % 8760;
      const r = dutyNow(core.db, base - k * 3_600_000);
      if (!r.current.length) throw new Error(`nobody on duty at ${r.now}`);
    }, 2000, 50);
    b.show(`duty.now over ${live} live slots`, lookup);
    b.record('on_duty_lookup_10y_ms', lookup.median, 'ms', undefined, `goal ≤ 1; p95 ${lookup.p95.toFixed(3)} ms`);

    // 4. A month roster to PDF in Chromium.
    await monthPdf(b, core);
    core.close();
  },
};

async function monthPdf(b: Parameters<BenchModule['run']>[0], core: Core): Promise<void> {
  const staticDir = path.resolve(workDir, '..', '..', 'out', 'renderer');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(path.join(staticDir, 'index.html')) || !fs.existsSync(chromium)) {
    console.log('  roster_month_pdf_ms: skipped (run npm run build:renderer; needs Chromium)');
    return;
  }
  const { createApi } = await import('../electron/core/api/dispatch');
  const { startHost } = await import('../electron/host/server');
  const { chromium: pw } = await import('playwright-core');
  const { demoAdmin } = await import('../electron/core/seed');
  const api = createApi(core);
  const host = await startHost({ api, staticDir });
  const browser = await pw.launch({ executablePath: chromium, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const conn = { sessionId: null as string | null };
    const login = await api.call('auth.login', { login: demoAdmin.login, password: demoAdmin.password }, conn);
    if (!login.ok) throw new Error(login.error.message);
    const plans = core.db.prepare("SELECT id, title FROM roster_plans WHERE from_date IN ('2026-09-01', '2026-10-01') ORDER BY from_date").all() as { id: number; title: string }[];
    const page = await browser.newPage();
    await page.goto(host.openUrl);
    await page.evaluate((id) => sessionStorage.setItem('dutydesk.session', id), conn.sessionId!);
    const out = path.join(workDir, 'roster-month.pdf');
    // Cold: a fresh load of the app on the print route.
    const cold = await time(async () => {
      await page.goto('about:blank');
      await page.goto(`${host.url}/#/print/roster/${plans[1]!.id}`);
      await page.getByTestId('roster-sheet').waitFor();
      await page.evaluate('document.fonts.ready.then(() => true)');
      await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    }, 3, 1);
    b.show('month roster → PDF, cold app load', cold);
    // Warm: the app is open (as in Electron's print window); switch months and print.
    let k = 0;
    const warm = await time(async () => {
      const plan = plans[k++ % 2]!;
      await page.evaluate((id) => {
        location.hash = `#/print/roster/${id}`;
      }, plan.id);
      await page.getByRole('heading', { name: plan.title }).waitFor();
      await page.evaluate('document.fonts.ready.then(() => true)');
      await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    }, 10, 2);
    b.show('month roster → PDF, app open', warm);
    const pdfOnly = await time(() => page.pdf({ path: out, preferCSSPageSize: true, printBackground: true }), 5, 1);
    b.show('  of which page.pdf alone', pdfOnly);
    b.record('roster_month_pdf_ms', warm.median, 'ms', undefined, `goal ≤ 1000; app open; cold load median ${cold.median.toFixed(0)} ms; ${fs.statSync(out).size} bytes`);
  } finally {
    await browser.close();
    await host.close();
  }
}
