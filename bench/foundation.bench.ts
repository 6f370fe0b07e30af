/**
 * Foundation benchmarks.
 *
 * - startup_10y_ms: open + migrate + quick_check of the 10-year demo desk
 *   (baseline: a bare better-sqlite3 open + one query of the same file).
 * - api_call_vs_direct_ratio: `people.get` through the browser host (HTTP,
 *   token, JSON, validation, dispatch) vs calling the row reader directly.
 * - audited_write_vs_raw_ratio: `people.create` through the API (validation,
 *   audit row, one transaction) vs a raw INSERT of the same row, each in its
 *   own transaction with the same durability (WAL, synchronous=FULL).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, dbFileName } from '../electron/core/store/connection';
import { Core } from '../electron/core/core';
import { createApi } from '../electron/core/api/dispatch';
import { getPerson } from '../electron/core/directory/people-db';
import { startHost } from '../electron/host/server';
import { demoAdmin } from '../electron/core/seed';
import { time, workDir, type BenchModule } from './lib';
import { copyDemoDesk, ensureDemoDesk } from './demo-desk';

export const foundationBench: BenchModule = {
  name: 'foundation',
  run: async (b) => {
    const demo = await ensureDemoDesk(10);
    const size = fs.statSync(path.join(demo, dbFileName)).size;
    console.log(`    demo desk: ${(size / 1e6).toFixed(1)} MB`);

    const startup = await time(() => openStore(demo, { backupBeforeMigrate: false }).db.close(), 15);
    const bare = await time(() => {
      const db = new Database(path.join(demo, dbFileName));
      db.prepare('SELECT count(*) FROM people').get();
      db.close();
    }, 15);
    b.show('open + migrate + quick_check', startup);
    b.show('baseline: bare open + one query', bare);
    b.record('startup_10y_ms', startup.median, 'ms', bare.median, `p95 ${startup.p95.toFixed(1)} ms, goal ≤ 1000 ms`);

    // API through the host vs a direct call.
    const dir = copyDemoDesk(demo, 'foundation-api');
    const core = new Core({ dataDir: dir });
    const api = createApi(core);
    const staticDir = fs.mkdtempSync(path.join(workDir, 'static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '');
    const host = await startHost({ api, staticDir });
    const conn = { sessionId: null as string | null };
    await api.call('auth.login', demoAdmin, conn);
    const personId = (core.db.prepare('SELECT id FROM people ORDER BY id LIMIT 1 OFFSET 5').get() as { id: number }).id;
    const headers = { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', 'x-dutydesk-session': conn.sessionId! };
    const viaHost = await time(async () => {
      const r = (await (await fetch(`${host.url}/api/people.get`, { method: 'POST', headers, body: JSON.stringify({ id: personId }) })).json()) as { ok: boolean };
      if (!r.ok) throw new Error('api call failed');
    }, 300, 20);
    const viaDispatch = await time(() => api.call('people.get', { id: personId }, conn), 2000, 50);
    const direct = await time(() => getPerson(core.db, personId), 2000, 50);
    b.show('people.get via host (HTTP)', viaHost);
    b.show('people.get via dispatcher (in process)', viaDispatch);
    b.show('baseline: getPerson() direct', direct);
    b.record('api_call_vs_direct_ratio', viaHost.median / direct.median, 'x', direct.median, `host ${viaHost.median.toFixed(3)} ms vs direct ${direct.median.toFixed(4)} ms`);
    await host.close();

    // Audited write vs raw insert, same durability.
    let i = 0;
    const audited = await time(async () => {
      i += 1;
      const r = await api.call('people.create', { name: `压测${i}`, department: '办公室', title: null, officePhone: null, mobile: '13800000000', roles: ['officer'], sortOrder: i }, conn);
      if (!r.ok) throw new Error(r.error.message);
    }, 400, 20);
    const raw = core.db.prepare(
      `INSERT INTO people (name, department, title, office_phone, mobile, roles, active, sort_order, initials, created_at, updated_at)
       VALUES (?, ?, NULL, NULL, ?, '["officer"]', 1, ?, 'yc', ?, ?)`,
    );
    const rawTx = core.db.transaction((n: number) => raw.run(`压测${n}`, '办公室', '13800000000', n, new Date().toISOString(), new Date().toISOString()));
    const rawWrite = await time(() => {
      i += 1;
      rawTx(i);
    }, 400, 20);
    b.show('people.create via API (audited)', audited);
    b.show('baseline: raw INSERT, own transaction', rawWrite);
    b.record('audited_write_vs_raw_ratio', audited.median / rawWrite.median, 'x', rawWrite.median, `audited ${audited.median.toFixed(3)} ms vs raw ${rawWrite.median.toFixed(3)} ms`);
    core.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  },
};
