/**
 * The hub killed with SIGKILL during ingest, again and again.
 *
 * A hub child process (`hub/cli.ts`, the real command) ingests batches from
 * several simulated desks pushing as fast as they can; at a random moment
 * it is SIGKILLed and restarted. After each restart every desk asks for its
 * head: a head below the last seq the hub acknowledged is a lost
 * acknowledged event. At the end the stored streams are checked: one row per
 * seq, no gaps, every chain re-verifies, each head equal to the desk's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enrol, fetchHead, HubClientError, pushBatch, requestJson } from '../../hub/client';
import { openEngine } from '../../hub/hub';
import { SimDesk } from '../../hub/sim';
import { streamFacts } from './fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface KillLoopResult {
  kills: number;
  /** Events the hub acknowledged over the run. */
  acked: number;
  /** Acknowledged events missing after a restart (goal 0). */
  lost: number;
  /** Stored rows beyond one per seq (goal 0). */
  duplicated: number;
  /** Desks whose stored chain does not re-verify or whose head differs from the desk's (goal 0). */
  chainFailures: number;
  rowsStored: number;
  seconds: number;
}

export interface Child {
  proc: ChildProcess;
  url: string;
}

export function startHub(hubDir: string, target: { database: string } | { dataDir: string }): Promise<Child> {
  const args = ['--import', 'tsx', path.join(root, 'hub/cli.ts'), '--data-dir', hubDir, '--port', '0', '--pool', '4'];
  if ('database' in target) args.push('--database', target.database);
  const proc = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${err || out}`)), 60_000);
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /READY (\S+)/u.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]! });
      }
    });
    proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited (${code}) before READY: ${err}`));
    });
  });
}

export const killed = (c: Child): Promise<void> =>
  new Promise((resolve) => {
    if (c.proc.exitCode !== null || c.proc.signalCode !== null) return resolve();
    c.proc.once('exit', () => resolve());
    c.proc.kill('SIGKILL');
  });

export async function runKillLoop(opts: {
  hubDir: string;
  target: { database: string } | { dataDir: string };
  kills: number;
  desks?: number;
  batchSize?: number;
  /** Random kill moment after the hub is ready, ms. */
  killAfterMs?: [number, number];
}): Promise<KillLoopResult> {
  const t0 = performance.now();
  const deskCount = opts.desks ?? 4;
  const batch = opts.batchSize ?? 100;
  const [lo, hi] = opts.killAfterMs ?? [150, 600];
  const desks = Array.from({ length: deskCount }, (_, i) => new SimDesk(`kill-${i + 1}`));
  const acked = new Map(desks.map((d) => [d.deskId, 0]));
  let lost = 0;
  let ackedEvents = 0;

  let child = await startHub(opts.hubDir, opts.target);
  const token = fs.readFileSync(path.join(opts.hubDir, 'admin-token'), 'utf8').trim();
  for (const d of desks) {
    const r = await requestJson(child.url, 'POST', '/v1/admin/codes', {}, { authorization: `Bearer ${token}` });
    await enrol(child.url, { code: (r.json as { code: string }).code, deskId: d.deskId, unitName: d.unitName, key: d.key });
  }

  for (let k = 0; k <= opts.kills; k += 1) {
    if (k > 0) child = await startHub(opts.hubDir, opts.target);
    const url = child.url;
    // Every desk resumes from the head the hub reports; it must not be below what was acknowledged.
    const heads = new Map<string, number>();
    for (const d of desks) {
      const h = await fetchHead(url, d.deskId, d.key);
      const a = acked.get(d.deskId)!;
      if (h.head.seq < a) lost += a - h.head.seq;
      heads.set(d.deskId, h.head.seq);
    }
    if (k === opts.kills) {
      // Last round: drain everything, then stop cleanly.
      for (const d of desks) {
        let from = heads.get(d.deskId)! + 1;
        while (from <= d.events.length) {
          const r = await pushBatch(url, d.key, d.events.slice(from - 1, from - 1 + batch));
          from = r.head.seq + 1;
        }
      }
      await killed(child);
      break;
    }
    let alive = true;
    const pushers = desks.map(async (d) => {
      let from = heads.get(d.deskId)! + 1;
      while (alive) {
        if (d.events.length < from - 1 + batch) d.logEntries(batch); // the desk keeps writing
        try {
          const r = await pushBatch(url, d.key, d.events.slice(from - 1, from - 1 + batch));
          if (r.head.seq > acked.get(d.deskId)!) {
            ackedEvents += r.head.seq - acked.get(d.deskId)!;
            acked.set(d.deskId, r.head.seq);
          }
          from = r.head.seq + 1;
        } catch (e) {
          if (e instanceof HubClientError) throw e; // a refusal is a bug here, not a kill
          return; // connection reset: the hub died
        }
      }
    });
    await new Promise((r) => setTimeout(r, lo + Math.random() * (hi - lo)));
    await killed(child);
    alive = false;
    await Promise.all(pushers);
  }

  const engine = await openEngine('database' in opts.target ? opts.target : { dataDir: opts.target.dataDir }, 1);
  let duplicated = 0;
  let chainFailures = 0;
  let rowsStored = 0;
  try {
    for (const d of desks) {
      const f = await streamFacts(engine, d.deskId);
      rowsStored += f.rows;
      duplicated += f.rows - f.distinct;
      if (!f.verifies || f.maxSeq !== d.events.length || f.rows !== d.events.length || f.headSeq !== d.events.length) chainFailures += 1;
    }
  } finally {
    await engine.close();
  }
  return { kills: opts.kills, acked: ackedEvents, lost, duplicated, chainFailures, rowsStored, seconds: (performance.now() - t0) / 1000 };
}
