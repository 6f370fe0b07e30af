/**
 * Benchmarks of the trust domain (the ids are a contract with the issues):
 *
 * - audit_verify_1m_s: recompute and check a 1,000,000-row audit chain
 *   (goal ≤ 10 s); baseline: reading the same rows without hashing.
 * - backup_10y_s / restore_10y_s: online backup (+ quick_check) and restore
 *   (safety backup, candidate check incl. chain verify, swap, reopen) of the
 *   10-year demo desk.
 * - kill_loop_kills / kill_loop_lost_writes: SIGKILL loop (goal 0 lost).
 * - fuzz_runs / fuzz_failures / fuzz_methods_accepting: fast-check over every
 *   API method, valid inputs included (goal: 0 failures, every method accepting).
 * - reconcile_10y_s: every official record of the 10-year demo desk compared
 *   with the latest state its audit rows describe (goal ≤ 10 s).
 *
 * Parts: `--only trust:verify,trust:backup,trust:reconcile,trust:fuzz,trust:kills`.
 *
 * DUTYDESK_BENCH_KILLS and DUTYDESK_BENCH_FUZZ override the counts (1,000 kills,
 * 1,000 runs per method by default: ~200 methods, as many runs as `npm test` makes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../electron/core/core';
import { dbFileName } from '../electron/core/store/connection';
import { sha256Hex } from '../electron/core/audit/chain';
import { verifyAuditDb } from '../electron/core/audit/verify';
import { createBackup } from '../electron/core/backup/service';
import { canonicalAuditPayload, genesisHash } from '../shared/audit';
import { methodNames } from '../shared/contract';
import { workDir, type BenchModule, type Bench } from './lib';
import { copyDemoDesk, ensureDemoDesk } from './demo-desk';
import { restoreBackup } from '../electron/core/backup/restore';
import { reconcileRecords } from '../electron/core/trust/reconcile';

// The kill loop and fuzz harness live with their tests (tests/db/fault-*.ts), outside this
// tsconfig project; they are loaded at run time and typed by these minimal shapes.
interface KillLoopResult {
  kills: number;
  killsWhileWriting: number;
  acknowledged: number;
  lostWrites: number;
  quickCheckFailures: number;
  chainFailures: number;
}
interface KillLoopModule {
  buildKillWriter(): Promise<string>;
  killLoop(kills: number, opts: { seed?: number; bundle?: string }): Promise<KillLoopResult>;
}
interface FuzzHarnessLike {
  fuzz(method: string, runs: number, seed?: number): Promise<{ runs: number; accepted: number; valid: number; failures: { method: string; problem: string; input: string }[] }>;
  close(): void;
}
interface FuzzModule {
  FuzzHarness: { create(opts?: { method?: string }): Promise<FuzzHarnessLike> };
}
const loadHarness = async <T>(name: string): Promise<T> => (await import(new URL(`../tests/db/${name}.ts`, import.meta.url).href)) as T;

/** A store with `n` chained audit rows, written directly (the write path would take minutes). */
function millionRowDesk(n: number): string {
  const dir = path.join(workDir, `audit-${n}`);
  const marker = path.join(dir, '.ready');
  if (fs.existsSync(marker)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const core = new Core({ dataDir: dir });
  const insert = core.db.prepare(
    `INSERT INTO audit_log (seq, v, at, desk_id, actor_id, actor, action, entity, entity_id, before, after, reason, prev_hash, hash)
     VALUES (@seq, @v, @at, @deskId, @actorId, @actor, @action, @entity, @entityId, @before, @after, @reason, @prevHash, @hash)`,
  );
  let prev = genesisHash;
  const t0 = Date.parse('2016-11-25T00:00:00Z');
  const batch = core.db.transaction((from: number, to: number) => {
    for (let seq = from; seq <= to; seq += 1) {
      const base = {
        seq,
        v: 1,
        at: new Date(t0 + seq * 300_000).toISOString(),
        deskId: 'bench-desk',
        actorId: 2 + (seq % 7),
        actor: `officer${seq % 7}`,
        action: 'log.create',
        entity: 'log',
        entityId: String(seq),
        before: null,
        after: JSON.stringify({ id: seq, kind: 'call', summary: `来电：某街道报告第${seq}号事项，已按规定处置并报告带班领导。`, source: '区应急局' }),
        reason: null,
        prevHash: prev,
      };
      const hash = sha256Hex(canonicalAuditPayload(base));
      insert.run({ ...base, hash });
      prev = hash;
    }
  });
  for (let from = 1; from <= n; from += 50_000) batch(from, Math.min(n, from + 49_999));
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  fs.writeFileSync(marker, 'ok');
  return dir;
}

async function auditVerify(b: Bench): Promise<void> {
  const n = 1_000_000;
  const t = performance.now();
  const dir = millionRowDesk(n);
  console.log(`    1M-row chain ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const core = new Core({ dataDir: dir });
  try {
    const t0 = performance.now();
    const r = verifyAuditDb(core.db);
    const s = (performance.now() - t0) / 1000;
    if (!r.ok || r.rows !== n) throw new Error(`verify failed: ${JSON.stringify(r.problem)}`);
    const t1 = performance.now();
    let rows = 0;
    for (const _ of core.db.prepare('SELECT * FROM audit_log ORDER BY seq').raw(true).iterate()) rows += 1;
    const readOnly = (performance.now() - t1) / 1000;
    b.record('audit_verify_1m_s', s, 's', readOnly, `${rows} rows; baseline = reading them without hashing; goal ≤ 10 s`);
  } finally {
    core.close();
  }
}

async function backupRestore(b: Bench): Promise<void> {
  const demo = await ensureDemoDesk(10);
  const dir = copyDemoDesk(demo, 'trust-backup');
  const size = fs.statSync(path.join(dir, dbFileName)).size;
  const core = new Core({ dataDir: dir });
  try {
    const t0 = performance.now();
    const backup = await createBackup(core, 'manual');
    const backupS = (performance.now() - t0) / 1000;
    b.record('backup_10y_s', backupS, 's', undefined, `${(size / 1e6).toFixed(1)} MB, online backup + quick_check`);
    const t1 = performance.now();
    const r = await restoreBackup(core, backup.primary.fileName, 'primary');
    const restoreS = (performance.now() - t1) / 1000;
    if (!r.verify.ok) throw new Error('restored chain does not verify');
    b.record('restore_10y_s', restoreS, 's', undefined, `safety backup + check + chain verify (${r.verify.rows} rows) + swap + reopen`);
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function kills(b: Bench): Promise<void> {
  const total = Number(process.env.DUTYDESK_BENCH_KILLS ?? 1000);
  const { buildKillWriter, killLoop } = await loadHarness<KillLoopModule>('fault-killloop');
  const bundle = await buildKillWriter();
  const lanes = 4;
  const share = (i: number) => Math.floor(total / lanes) + (i < total % lanes ? 1 : 0);
  const t0 = performance.now();
  const rs = await Promise.all(Array.from({ length: lanes }, (_, i) => killLoop(share(i), { bundle, seed: 11 + i })));
  const sum = (k: 'kills' | 'lostWrites' | 'acknowledged' | 'killsWhileWriting' | 'quickCheckFailures' | 'chainFailures') => rs.reduce((a, r) => a + r[k], 0);
  const note = `${sum('killsWhileWriting')} mid-write, ${sum('acknowledged')} acknowledged writes, quick_check failures ${sum('quickCheckFailures')}, chain failures ${sum('chainFailures')}, ${((performance.now() - t0) / 1000).toFixed(0)} s`;
  b.record('kill_loop_kills', sum('kills'), 'kills', undefined, note);
  b.record('kill_loop_lost_writes', sum('lostWrites') + sum('quickCheckFailures') + sum('chainFailures'), 'writes', undefined, 'goal 0');
}

async function fuzz(b: Bench): Promise<void> {
  const perMethod = Number(process.env.DUTYDESK_BENCH_FUZZ ?? 1_000);
  const { FuzzHarness } = await loadHarness<FuzzModule>('fault-harness');
  let runs = 0;
  let failures = 0;
  let accepting = 0;
  let accepted = 0;
  const none: string[] = [];
  const t0 = performance.now();
  for (const m of methodNames) {
    const h = await FuzzHarness.create({ method: m });
    try {
      const s = await h.fuzz(m, perMethod, 777);
      runs += s.runs;
      accepted += s.accepted;
      failures += s.failures.length;
      if (s.accepted > 0) accepting += 1;
      else none.push(m);
      for (const f of s.failures) console.log(`    fuzz failure ${f.method}: ${f.problem} ← ${f.input}`);
    } finally {
      h.close();
    }
  }
  b.record('fuzz_runs', runs, 'runs', undefined, `${methodNames.length} methods × ${perMethod}, ${accepted} accepted, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  b.record('fuzz_failures', failures, 'failures', undefined, 'goal 0 (uncaught, writes on reject, untranslated, chain or records broken after an accepted call)');
  b.record('fuzz_methods_accepting', accepting, 'methods', methodNames.length, `methods with ≥ 1 accepted call; goal: all${none.length ? `; none accepted: ${none.join(', ')}` : ''}`);
}

async function reconcile(b: Bench): Promise<void> {
  const demo = await ensureDemoDesk(10);
  const core = new Core({ dataDir: demo });
  try {
    const t1 = performance.now();
    const v = verifyAuditDb(core.db);
    const verifyS = (performance.now() - t1) / 1000;
    const t0 = performance.now();
    const r = reconcileRecords(core.db);
    const s = (performance.now() - t0) / 1000;
    if (!r.ok) throw new Error(`the demo desk does not reconcile: ${JSON.stringify(r.mismatches.slice(0, 5))}`);
    b.record('reconcile_10y_s', s, 's', verifyS, `${r.records} records against ${v.rows} audit rows; baseline = verifying the chain; goal ≤ 10 s`);
  } finally {
    core.close();
  }
}

export const trustBench: BenchModule = {
  name: 'trust',
  run: async (b) => {
    if (b.wants('verify')) await auditVerify(b);
    if (b.wants('backup')) await backupRestore(b);
    if (b.wants('reconcile')) await reconcile(b);
    if (b.wants('fuzz')) await fuzz(b);
    if (b.wants('kills')) await kills(b);
  },
};
