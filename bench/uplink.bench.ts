/**
 * The desk's outbox (issue 15): does shipping the chain slow the officer's writes?
 *
 * - `desk_write_with_sync_vs_without_ratio`: `log.create` through the API
 *   (with the app's commit subscribers running, as in the app: chain-head
 *   record, due scheduler) while the outbox drains a backlog to a hub, ÷ the
 *   same write with the outbox stopped. The hub runs as its own process on
 *   the embedded engine (as deployed it is another machine). In 15 interleaved
 *   round pairs: before each "with" round 2,000 rows are written with the
 *   outbox stopped (a desk back from being offline), then the outbox starts
 *   and 150 writes are timed while it drains those batches and then keeps up
 *   with the new rows; each "without" round times 150 writes with the outbox
 *   stopped. Recorded: the median of the 7 round ratios (medians), goal ≤ 1.1.
 *
 *   npx tsx bench/run.ts --only uplink
 */
import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../electron/core/core';
import { createApi } from '../electron/core/api/dispatch';
import type { Connection } from '../electron/core/context';
import { trackChainHead } from '../electron/core/trust/open';
import { startDueScheduler } from '../electron/core/escalation/due-schedule';
import { startOutbox, type Outbox } from '../electron/core/uplink/outbox';
import { requestJson } from '../hub/client';
import { killed, startHub } from '../tests/hub/kill-loop';
import { stats, workDir, type BenchModule } from './lib';

async function syncRatio(b: Parameters<BenchModule['run']>[0]): Promise<void> {
  const dir = path.join(workDir, 'uplink-desk');
  const hubDir = path.join(workDir, 'uplink-hub');
  for (const d of [dir, hubDir]) fs.rmSync(d, { recursive: true, force: true });
  fs.mkdirSync(hubDir, { recursive: true });
  const hub = await startHub(hubDir, { dataDir: path.join(hubDir, 'pgdata') });
  const core = new Core({ dataDir: dir });
  const api = createApi(core);
  const conn: Connection = { sessionId: null };
  const ok = async (method: Parameters<typeof api.call>[0], input: unknown): Promise<unknown> => {
    const r = await api.call(method, input, conn);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  let box: Outbox | null = null;
  const stopHead = trackChainHead(core);
  const due = startDueScheduler(core);
  try {
    await ok('app.setup', {
      deskName: '基准测试乡镇值班室',
      dutyPhone: null,
      fax: null,
      timeZone: 'Asia/Shanghai',
      adminName: '管理员',
      adminLogin: 'admin',
      adminPassword: 'admin12345',
      adminMobile: null,
      adminDepartment: null,
    });
    const token = fs.readFileSync(path.join(hubDir, 'admin-token'), 'utf8').trim();
    const code = ((await requestJson(hub.url, 'POST', '/v1/admin/codes', {}, { authorization: `Bearer ${token}` })).json as { code: string }).code;
    await ok('uplink.enrol', { hubUrl: hub.url, code });
    const input = {
      kind: 'incoming_call' as const,
      summary: '区应急局来电报告辖区道路积水情况，已通知有关单位处置',
      sourceUnit: '端州区应急管理局',
      sourcePerson: '张科长',
      sourcePhone: '0758-2555110',
    };
    const write = async (): Promise<number> => {
      const t = performance.now();
      await ok('log.create', input);
      return performance.now() - t;
    };
    const startBox = (): Outbox => startOutbox(core); // deployed defaults: 10 s poll, 250 ms debounce, batches of 500
    // Warm up both paths.
    box = startBox();
    for (let i = 0; i < 50; i += 1) await write();
    await box.tick();
    box.stop();
    box = null;

    const rounds = 15;
    const ratios: number[] = [];
    const withAll: number[] = [];
    const withoutAll: number[] = [];
    let drained = 0;
    const timeWithout = async (): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < 150; i += 1) out.push(await write());
      return out;
    };
    const timeWith = async (): Promise<number[]> => {
      for (let i = 0; i < 2000; i += 1) await ok('log.create', input); // the backlog of a desk back online
      const before = (core.db.prepare('SELECT acked_seq AS s FROM uplink_link').get() as { s: number }).s;
      box = startBox();
      box.kick();
      const out: number[] = [];
      for (let i = 0; i < 150; i += 1) out.push(await write());
      await box.tick();
      box.stop();
      box = null;
      drained += (core.db.prepare('SELECT acked_seq AS s FROM uplink_link').get() as { s: number }).s - before;
      return out;
    };
    for (let round = 0; round < rounds; round += 1) {
      // Alternate the order, so a WAL checkpoint or a stall after the backlog falls on both sides alike.
      const without = round % 2 === 0 ? await timeWithout() : [];
      const withSync = await timeWith();
      if (round % 2 === 1) without.push(...(await timeWithout()));
      ratios.push(stats(withSync).median / stats(without).median);
      withAll.push(...withSync);
      withoutAll.push(...without);
    }
    const head = (core.db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    const acked = (core.db.prepare('SELECT acked_seq AS s FROM uplink_link').get() as { s: number }).s;
    b.show('log.create while the outbox drains', stats(withAll));
    b.show('log.create, outbox stopped', stats(withoutAll));
    console.log(`    ratio per round (150 writes each)         ${ratios.map((x) => x.toFixed(2)).join(' ')}`);
    console.log(`    rows drained during the timed rounds      ${drained} (hub head ${acked} of ${head})`);
    b.record('desk_write_with_sync_vs_without_ratio', stats(ratios).median, 'x', stats(withoutAll).median, `goal ≤ 1.1; median of ${rounds} round ratios; hub in its own process (embedded engine)`);
  } finally {
    box?.stop();
    await stopHead.flush();
    stopHead();
    due.stop();
    core.close();
    await killed(hub);
  }
}

export const uplinkBench: BenchModule = {
  name: 'uplink',
  async run(b) {
    await syncRatio(b);
  },
};
