/**
 * The kill loop: a child process writes through the API;
 * the parent SIGKILLs it at random moments — sometimes while it is still
 * opening the store, mostly in the middle of writing — and after every kill
 * reopens the store and checks: quick_check ok, the audit chain verifies
 * (incrementally, from where the last check ended), and every write the API
 * acknowledged is present.
 *
 * The child (`tests/fault/kill-writer.ts`) is bundled once with esbuild so a
 * restart costs a plain `node` start, not a TypeScript transform.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChainVerifier } from '../../shared/domain/audit-verify';
import { sha256Hex, rowToAuditEvent } from '../../electron/core/audit/chain';
import { dbFileName } from '../../electron/core/store/connection';
import { makeDesk, tempDir } from '../helpers/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bundleFile = path.join(root, 'node_modules/.cache/dutydesk-fault/kill-writer.mjs');

/** Bundles the child writer (once per process). */
export async function buildKillWriter(): Promise<string> {
  const esbuild = await import('esbuild');
  // The writer only needs the auth and directory handlers: swap the dispatcher's
  // every-domain handler map for those two, so a restart loads a third of the code.
  const handlersStub = {
    name: 'kill-writer-handlers',
    setup(b: import('esbuild').PluginBuild) {
      b.onResolve({ filter: /^\.\/index$/ } /* esbuild takes Go regexps: no u flag */, (a) => (a.importer.endsWith(path.join('api', 'dispatch.ts')) ? { path: 'handlers', namespace: 'kill-writer' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'kill-writer' }, () => ({
        resolveDir: path.join(root, 'electron/core/api'),
        loader: 'ts',
        contents: "import { authHandlers } from './auth'; import { directoryHandlers } from './directory'; export const allHandlers = { ...authHandlers, ...directoryHandlers };",
      }));
    },
  };
  await esbuild.build({
    entryPoints: [path.join(root, 'tests/fault/kill-writer.ts')],
    plugins: [handlersStub],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundleFile,
    external: ['better-sqlite3'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __dutydeskCreateRequire } from 'node:module'; const require = __dutydeskCreateRequire(import.meta.url);" },
  });
  return bundleFile;
}

export interface KillLoopResult {
  kills: number;
  /** Kills that landed after the child had opened the store. */
  killsWhileWriting: number;
  acknowledged: number;
  lostWrites: number;
  quickCheckFailures: number;
  chainFailures: number;
  readOnlyStarts: number;
  rows: number;
  ms: number;
}

/** A simple seeded PRNG so a failing run can be repeated. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ChildRun {
  acked: number[];
  ready: boolean;
  readOnly: boolean;
}

function runChild(bundle: string, dataDir: string, first: number, rand: () => number): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, dataDir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { acked: [], ready: false, readOnly: false };
    let buf = '';
    let timer: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    // A quarter of the kills hit the child while it loads and opens the store.
    const early = rand() < 0.25;
    if (early) timer = setTimeout(kill, Math.floor(rand() * 400));
    // The rest die mid-stream: after a random number of acknowledged writes plus a random
    // fraction of a write, so the kill lands between, or inside, transactions whatever the machine's speed.
    const afterAcks = Math.floor(rand() * 40);
    const jitterMs = rand() * 3;
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line === 'READY') run.ready = true;
        else if (line.startsWith('ACK ')) {
          run.acked.push(Number(line.slice(4)));
          if (!early && timer === null && run.acked.length >= afterAcks) timer = setTimeout(kill, jitterMs);
        } else if (line.startsWith('READONLY')) run.readOnly = true;
      }
      if (!early && timer === null && run.ready && afterAcks === 0) timer = setTimeout(kill, jitterMs);
    });
    child.stderr.on('data', () => undefined);
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      resolve(run);
    });
  });
}

/** Runs `kills` kill/restart cycles on one fresh desk. */
export async function killLoop(kills: number, opts: { seed?: number; bundle?: string } = {}): Promise<KillLoopResult> {
  const t0 = performance.now();
  const bundle = opts.bundle ?? (await buildKillWriter());
  // A SIGKILL (unlike a power cut) leaves the page cache intact, so memory-backed /dev/shm tests the
  // same thing as a disk, without paying for fsync on a busy machine.
  const dir = fs.existsSync('/dev/shm') ? fs.mkdtempSync('/dev/shm/dutydesk-kill-') : tempDir('dutydesk-kill-');
  const desk = await makeDesk({ dir });
  desk.core.close();
  const rand = mulberry32(opts.seed ?? 20261125);
  const verifier = new ChainVerifier(sha256Hex);
  let verifiedTo = 0;
  const result: KillLoopResult = { kills: 0, killsWhileWriting: 0, acknowledged: 0, lostWrites: 0, quickCheckFailures: 0, chainFailures: 0, readOnlyStarts: 0, rows: 0, ms: 0 };
  try {
    for (let k = 0; k < kills; k += 1) {
      const first = (k + 1) * 1_000_000;
      const run = await runChild(bundle, dir, first, rand);
      result.kills += 1;
      if (run.ready) result.killsWhileWriting += 1;
      if (run.readOnly) result.readOnlyStarts += 1;
      result.acknowledged += run.acked.length;

      // Restart: open the store as the app would, and check it.
      const db = new Database(path.join(dir, dbFileName));
      try {
        if (db.pragma('quick_check', { simple: true }) !== 'ok') result.quickCheckFailures += 1;
        const rows = db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq').all(verifiedTo) as Parameters<typeof rowToAuditEvent>[0][];
        for (const r of rows) {
          if (!verifier.push(rowToAuditEvent(r))) break;
          verifiedTo = r.seq;
        }
        if (verifier.failed) {
          result.chainFailures += 1;
          break;
        }
        if (run.acked.length > 0) {
          const lo = Math.min(...run.acked);
          const hi = Math.max(...run.acked);
          const present = new Set(
            (db.prepare("SELECT note FROM contacts WHERE note >= ? AND note <= ?").all(`kill-loop ${lo}`, `kill-loop ${hi}`) as { note: string }[]).map((r) => Number(r.note.slice(10))),
          );
          for (const n of run.acked) if (!present.has(n)) result.lostWrites += 1;
        }
      } finally {
        db.close();
      }
    }
    result.rows = verifiedTo;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  result.ms = Math.round(performance.now() - t0);
  return result;
}
