/**
 * Verifying the audit chain of a store (the page, the CLI, restore, backups).
 *
 * Reads rows in seq order in batches and feeds the pure verifier in
 * `shared/domain/audit-verify.ts`. The async form yields to the event loop
 * between batches (50,000 rows) so a million-row check does not freeze the console.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '../store/connection';
import { auditFormatVersion, genesisHash, type AuditEvent } from '../../../shared/audit';
import { ChainVerifier, diagnosisLookahead, type ChainPoint, type VerifyReport } from '../../../shared/domain/audit-verify';
import { sha256Hex } from './chain';

/** Rows per step of the fast path: the async form yields to the event loop between steps. */
const fastBatchSize = 50_000;
/** Rows per step of the careful path (after a problem was seen). */
const slowBatchSize = 20_000;
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

function* batches(db: Db, after: number): Generator<AuditEvent[]> {
  // Keyset pagination on seq (the INTEGER PRIMARY KEY): each batch is one index range scan.
  const stmt = db.prepare(`SELECT ${columns} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`).raw(true);
  for (;;) {
    const rows = (stmt.all(after, slowBatchSize) as RawRow[]).map(toEvent);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.seq;
    if (rows.length < slowBatchSize) return;
  }
}

function lookaheadAfter(db: Db, seq: number): AuditEvent[] {
  return (db.prepare(`SELECT ${columns} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`).raw(true).all(seq, diagnosisLookahead) as RawRow[]).map(toEvent);
}

/** One-shot SHA-256 (Node ≥ 20.12: no Hash object per row); the streaming form otherwise. */
const oneShot = (crypto as { hash?: typeof crypto.hash }).hash;
const fastSha256: (s: string) => string = typeof oneShot === 'function' ? (s) => oneShot('sha256', s, 'hex') : sha256Hex;

const q = (s: string | null): string => (s === null ? 'null' : JSON.stringify(s));
const str = (x: unknown): x is string => typeof x === 'string';
const strOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string';

/**
 * Fast path: reads raw rows (no objects) and accepts a row only when
 * everything `ChainVerifier.push` checks holds — format version, the next
 * seq, the link to the previous hash, its own hash over the byte-identical
 * canonical payload (`fastCanonicalPayload`, inlined), any checkpoint at
 * that seq. At the first row that does not pass (or has an unexpected
 * type), it stops; the exact verifier then resumes from the last accepted
 * row and names the problem. So nothing is detected less; a bad chain
 * costs the fast run up to the fault plus the careful run after it.
 */
function run(db: Db, checkpoints: readonly ChainPoint[]): Generator<void, DbVerifyReport> {
  return (function* () {
    const t0 = performance.now();
    const points = new Map<number, string>();
    for (const c of checkpoints) points.set(c.seq, c.hash);
    const stmt = db.prepare(`SELECT ${columns} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`).raw(true);
    let seq = 0;
    let prev = genesisHash;
    let checked = 0;
    let deskId: string | null = null;
    let stopped = false;
    for (;;) {
      let got = 0;
      // From the very first row (a stray seq ≤ 0 must be seen, not skipped).
      for (const r of stmt.iterate(seq === 0 ? Number.MIN_SAFE_INTEGER : seq, fastBatchSize) as IterableIterator<RawRow>) {
        got += 1;
        const n = seq + 1;
        const [rs, v, at, desk, actorId, actor, action, entity, entityId, before, after, reason, prevHash, hash] = r;
        if (
          rs !== n ||
          v !== auditFormatVersion ||
          prevHash !== prev ||
          !str(hash) ||
          !str(at) ||
          !str(desk) ||
          !str(actor) ||
          !str(action) ||
          !str(entity) ||
          !strOrNull(entityId) ||
          !strOrNull(before) ||
          !strOrNull(after) ||
          !strOrNull(reason) ||
          !(actorId === null || Number.isSafeInteger(actorId))
        ) {
          stopped = true;
          break;
        }
        // Short identifier-like fields are quoted without JSON.stringify; if one
        // ever needed escaping the hash would not match and the exact verifier
        // (which uses the canonical serialiser) takes over, so nothing is missed.
        const payload = `{"v":${v},"seq":${n},"at":"${at}","deskId":"${desk}","actorId":${actorId === null ? 'null' : actorId},"actor":${q(actor)},"action":"${action}","entity":"${entity}","entityId":${entityId === null ? 'null' : `"${entityId}"`},"before":${q(before)},"after":${q(after)},"reason":${q(reason)},"prevHash":"${prevHash}"}`;
        if (fastSha256(payload) !== hash) {
          stopped = true;
          break;
        }
        const claimed = points.get(n);
        if (claimed !== undefined) {
          if (claimed !== hash) {
            stopped = true;
            break;
          }
          checked += 1;
        }
        deskId ??= desk;
        seq = n;
        prev = hash;
      }
      if (stopped || got < fastBatchSize) break;
      yield;
    }

    const v = new ChainVerifier(sha256Hex, checkpoints, { head: { seq, hash: prev }, rows: seq, checkpointsChecked: checked });
    let failedAt: AuditEvent | null = null;
    if (stopped) {
      outer: for (const rows of batches(db, seq === 0 ? Number.MIN_SAFE_INTEGER : seq)) {
        deskId ??= rows[0]?.deskId ?? null;
        for (const r of rows) {
          if (!v.push(r)) {
            failedAt = r;
            break outer;
          }
        }
        yield;
      }
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
