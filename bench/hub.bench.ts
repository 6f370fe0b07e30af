/**
 * Hub numbers: 600 desks × 500 events drained into the hub on a
 * real PostgreSQL and on the embedded PGlite, replay duplicates, the SIGKILL
 * loop, tampered batches.
 *
 * The hub runs as its own process (`hub/cli.ts`, as deployed); this process
 * plays the desks: their chains are built with the real hashing of
 * `shared/` before the clock starts, then every desk drains its backlog over
 * HTTP (head, then signed batches of 500) with 8 desks in flight. Tampered
 * batches come from 100 further desks, so the drain is exactly 600 × 500.
 *
 *   npx tsx bench/run.ts --only hub
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AuditEvent } from '../shared/audit';
import { expectedHash } from '../shared/domain/audit-verify';
import { drain, enrol, HubClientError, pushBatch, requestJson, signBatch, sendBatch } from '../hub/client';
import { openEngine } from '../hub/hub';
import { sha256Hex } from '../hub/keys';
import { SimDesk } from '../hub/sim';
import { startPgCluster } from '../tests/hub/pg-cluster';
import { runKillLoop, startHub } from '../tests/hub/kill-loop';
import { streamFacts } from '../tests/hub/fixtures';
import { workDir, type Bench, type BenchModule } from './lib';

const deskCount = 600;
const eventsPerDesk = 500;
const inFlight = 8;

async function pool<T>(items: readonly T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}

function buildDesks(count: number, prefix: string, events: number): SimDesk[] {
  const desks: SimDesk[] = [];
  for (let d = 0; d < count; d += 1) {
    const desk = new SimDesk(`${prefix}-${String(d + 1).padStart(3, '0')}`, `第${d + 1}乡镇值班室`);
    desk.logEntries(events - 2);
    desk.declareKey();
    desk.checkpoint();
    desks.push(desk);
  }
  return desks;
}

const adminCode = async (url: string, token: string): Promise<string> => {
  const r = await requestJson(url, 'POST', '/v1/admin/codes', {}, { authorization: `Bearer ${token}` });
  return (r.json as { code: string }).code;
};

/** The tampered variants of one desk's unsent rows 101…200, with the seq each must be refused at. */
function tamperedBatches(desk: SimDesk): Array<{ kind: string; rows: AuditEvent[]; seq: number }> {
  const fresh = (): AuditEvent[] => desk.events.slice(100, 200).map((e) => ({ ...e }));
  const edited = fresh();
  edited[10] = { ...edited[10]!, after: edited[10]!.after!.replace('积水', '正常') };
  const missing = fresh();
  missing.splice(20, 1);
  const reordered = fresh();
  [reordered[30], reordered[31]] = [reordered[31]!, reordered[30]!];
  // Forked: stored rows 51… rewritten (a desk restored from an old backup), resent from 41.
  const forked = desk.events.slice(40, 100).map((e) => ({ ...e }));
  for (let k = 10; k < forked.length; k += 1) {
    const base = { ...forked[k]!, ...(k === 10 ? { reason: '改写' } : {}), prevHash: forked[k - 1]!.hash };
    forked[k] = { ...base, hash: expectedHash(base, sha256Hex) };
  }
  return [
    { kind: 'edited', rows: edited, seq: 111 },
    { kind: 'missing', rows: missing, seq: 121 },
    { kind: 'reordered', rows: reordered, seq: 131 },
    { kind: 'forked', rows: forked, seq: 51 },
  ];
}

interface EngineRun {
  drainS: number;
  replayAdded: number;
  tamperDetected: number;
  tamperTotal: number;
  verified: number;
}

async function runOnEngine(label: string, target: { database: string } | { dataDir: string }, hubDir: string, desks: SimDesk[], tamperDesks: SimDesk[]): Promise<EngineRun> {
  const child = await startHub(hubDir, target);
  const token = fs.readFileSync(path.join(hubDir, 'admin-token'), 'utf8').trim();
  await pool([...desks, ...tamperDesks], inFlight, async (d) => {
    await enrol(child.url, { code: await adminCode(child.url, token), deskId: d.deskId, unitName: d.unitName, key: d.key });
  });

  // Tamper desks of their own (rows 1–100 sent honestly, then tampered variants of 101–200).
  let tamperDetected = 0;
  let tamperTotal = 0;
  for (const d of tamperDesks) {
    await pushBatch(child.url, d.key, d.events.slice(0, 100));
    for (const t of tamperedBatches(d)) {
      tamperTotal += 1;
      try {
        await sendBatch(child.url, signBatch(d.key, t.rows));
      } catch (e) {
        if (e instanceof HubClientError && e.body.code === 'CHAIN_REFUSED' && e.body.deskId === d.deskId && e.body.seq === t.seq && e.body.kind === t.kind) tamperDetected += 1;
        else console.log(`    tamper ${t.kind} on ${d.deskId}: unexpected ${String(e)}`);
      }
    }
  }

  const t0 = performance.now();
  let added = 0;
  await pool(desks, inFlight, async (d) => {
    const r = await drain(child.url, { deskId: d.deskId, keys: d.keys, rowsFrom: d.rowsFrom }, { batchSize: 500 });
    added += r.added;
  });
  const drainS = (performance.now() - t0) / 1000;
  const expected = deskCount * eventsPerDesk;
  if (added !== expected) throw new Error(`${label}: drained ${added} rows, expected ${expected}`);
  console.log(`    ${label}: drained ${added} rows in ${drainS.toFixed(1)} s`);

  // Replay: the whole backlog again, from seq 1, as a desk that lost every acknowledgement would.
  let replayAdded = 0;
  await pool(desks, inFlight, async (d) => {
    replayAdded += (await pushBatch(child.url, d.key, d.events)).added;
  });

  await new Promise<void>((resolve) => {
    child.proc.once('exit', () => resolve());
    child.proc.kill('SIGTERM');
  });

  // Every stream, read back: one row per seq, no gap, chain re-verifies, head equals the desk's.
  const engine = await openEngine(target, 4);
  let verified = 0;
  try {
    for (const d of desks) {
      const f = await streamFacts(engine, d.deskId);
      if (f.verifies && f.rows === eventsPerDesk && f.distinct === eventsPerDesk && f.maxSeq === eventsPerDesk && f.headSeq === eventsPerDesk) verified += 1;
    }
  } finally {
    await engine.close();
  }
  if (verified !== deskCount) throw new Error(`${label}: ${deskCount - verified} desks failed the read-back check`);
  return { drainS, replayAdded, tamperDetected, tamperTotal, verified };
}

async function run(b: Bench): Promise<void> {
  const cluster = await startPgCluster();
  if ('skipped' in cluster) {
    console.log(`  hub: PostgreSQL figures skipped — ${cluster.skipped}`);
  }
  const base = path.join(workDir, `hub-${process.pid}`);
  fs.mkdirSync(base, { recursive: true });
  try {
    let t = performance.now();
    const desks = buildDesks(deskCount, 'desk', eventsPerDesk);
    const tamperDesks = buildDesks(100, 'tamper', 200);
    console.log(`    built ${deskCount} desk chains × ${eventsPerDesk} events in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)`);
    const runs: EngineRun[] = [];
    if (!('skipped' in cluster)) {
      const r = await runOnEngine('pg', { database: await cluster.createDatabase('hub_bench') }, path.join(base, 'pg'), desks, tamperDesks);
      runs.push(r);
      b.record('hub_drain_600x500_pg_s', r.drainS, 's', undefined, `PostgreSQL 15, pool 4, ${inFlight} desks in flight, batches of 500; ${r.verified} chains re-verified, 0 dup, 0 gaps; goal ≤ 30 s`);
    }
    const e = await runOnEngine('embedded', { dataDir: path.join(base, 'embedded', 'pgdata') }, path.join(base, 'embedded'), desks, tamperDesks);
    runs.push(e);
    b.record('hub_drain_600x500_embedded_s', e.drainS, 's', undefined, `PGlite, ${inFlight} desks in flight, batches of 500; ${e.verified} chains re-verified, 0 dup, 0 gaps; goal ≤ 60 s`);
    b.record('hub_replay_duplicates', runs.reduce((s, r) => s + r.replayAdded, 0), 'rows', undefined, `the full 300k backlog sent again on ${runs.length} engine(s); goal 0`);
    const detected = runs.reduce((s, r) => s + r.tamperDetected, 0);
    const total = runs.reduce((s, r) => s + r.tamperTotal, 0);
    b.record('hub_tamper_detected', detected, 'batches', undefined, `of ${total} tampered (edited, missing, reordered, forked), refused naming desk, seq and kind; goal all`);

    t = performance.now();
    const kills = 50;
    let lost = 0;
    const notes: string[] = [];
    const targets: Array<[string, { database: string } | { dataDir: string }, string]> = [];
    if (!('skipped' in cluster)) targets.push(['pg', { database: await cluster.createDatabase('hub_kill') }, path.join(base, 'kill-pg')]);
    targets.push(['embedded', { dataDir: path.join(base, 'kill-embedded', 'pgdata') }, path.join(base, 'kill-embedded')]);
    for (const [label, target, hubDir] of targets) {
      fs.mkdirSync(hubDir, { recursive: true });
      const r = await runKillLoop({ hubDir, target, kills });
      lost += r.lost + r.duplicated + r.chainFailures;
      notes.push(`${label}: ${r.kills} kills, ${r.acked} acked, ${r.lost} lost, ${r.duplicated} dup, ${r.chainFailures} chain failures`);
    }
    b.record('hub_kill_loop_lost', lost, 'events', undefined, `${notes.join('; ')} (${((performance.now() - t) / 1000).toFixed(0)} s); goal 0`);
  } finally {
    if (!('skipped' in cluster)) cluster.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

export const hubBench: BenchModule = { name: 'hub', run };
