/**
 * Verifying the audit chain of a store (the page, the CLI, restore, backups).
 *
 * Reads rows in seq order in batches and feeds the pure verifier in
 * `shared/domain/audit-verify.ts`. The async form yields to the event loop
 * between batches so a million-row check does not freeze the console.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { Db } from '../db/connection';
import type { AuditEvent } from '../../../shared/audit';
import { ChainVerifier, diagnosisLookahead, type ChainPoint, type VerifyReport } from '../../../shared/domain/audit-verify';
import { sha256Hex } from './audit';

const batchSize = 20_000;
const columns = 'seq, v, at, desk_id, actor_id, actor, action, entity, entity_id, before, after, reason, prev_hash, hash';
type RawRow = [number, number, string, string, number | null, string, string, string, string | null, string | null, string | null, string | null, string, string];

const toEvent = (r: RawRow): AuditEvent => ({
  seq: r[0],
  v: r[1],
  at: r[2],
  deskId: r[3],
  actorId: r[4],
  actor: r[5],
  action: r[6],
  entity: r[7],
  entityId: r[8],
  before: r[9],
  after: r[10],
  reason: r[11],
  prevHash: r[12],
  hash: r[13],
});

export interface DbVerifyReport extends VerifyReport {
  durationMs: number;
  /** The desk id found in the rows (the first row's), or null when empty. */
  deskId: string | null;
}

function* batches(db: Db): Generator<AuditEvent[]> {
  // Keyset pagination on seq (the INTEGER PRIMARY KEY): each batch is one index range scan.
  const stmt = db.prepare(`SELECT ${columns} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`).raw(true);
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = (stmt.all(after, batchSize) as RawRow[]).map(toEvent);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.seq;
    if (rows.length < batchSize) return;
  }
}

function lookaheadAfter(db: Db, seq: number): AuditEvent[] {
  return (db.prepare(`SELECT ${columns} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`).raw(true).all(seq, diagnosisLookahead) as RawRow[]).map(toEvent);
}

function run(db: Db, checkpoints: readonly ChainPoint[], onBatch?: () => void): Generator<void, DbVerifyReport> {
  return (function* () {
    const t0 = performance.now();
    const v = new ChainVerifier(sha256Hex, checkpoints);
    let deskId: string | null = null;
    let failedAt: AuditEvent | null = null;
    outer: for (const rows of batches(db)) {
      deskId ??= rows[0]?.deskId ?? null;
      for (const r of rows) {
        if (!v.push(r)) {
          failedAt = r;
          break outer;
        }
      }
      onBatch?.();
      yield;
    }
    const report = v.finish(failedAt ? lookaheadAfter(db, failedAt.seq) : []);
    return { ...report, durationMs: Math.round(performance.now() - t0), deskId };
  })();
}

/** Verifies synchronously (CLI, bench, tests). */
export function verifyAuditDb(db: Db, checkpoints: readonly ChainPoint[] = []): DbVerifyReport {
  const it = run(db, checkpoints);
  for (;;) {
    const step = it.next();
    if (step.done) return step.value;
  }
}

/** Verifies, yielding to the event loop between batches (the API). */
export async function verifyAuditDbAsync(db: Db, checkpoints: readonly ChainPoint[] = []): Promise<DbVerifyReport> {
  const it = run(db, checkpoints);
  for (;;) {
    const step = it.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Verifies the chain in a database file opened read-only (a backup, another desk's folder). */
export function verifyAuditFile(file: string, checkpoints: readonly ChainPoint[] = []): DbVerifyReport {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return verifyAuditDb(db, checkpoints);
  } finally {
    db.close();
  }
}
