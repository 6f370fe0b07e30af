/**
 * Appending to the audit chain.
 *
 * Called only from the write path (`api/dispatch.ts`) inside the mutation's
 * transaction, so a change and its audit row commit or roll back together.
 */
import crypto from 'node:crypto';
import type { Db } from '../store/connection';
import { toWellFormed } from '../../../shared/text';
import { auditFormatVersion, canonicalAuditPayload, canonicalJson, genesisHash, type AuditEvent } from '../../../shared/audit';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditActor {
  id: number | null;
  login: string;
}

interface AuditRow {
  seq: number;
  v: number;
  at: string;
  desk_id: string;
  actor_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export const rowToAuditEvent = (r: AuditRow): AuditEvent => ({
  seq: r.seq,
  v: r.v,
  at: r.at,
  deskId: r.desk_id,
  actorId: r.actor_id,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before,
  after: r.after,
  reason: r.reason,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export const sha256Hex = (s: string): string => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

type Statement = import('better-sqlite3').Statement;
// `timeBreak` is prepared on first use: backups from before migration 0050 are opened to read their head.
const statements = new WeakMap<Db, { head: Statement; insert: Statement; timeBreak: Statement | null }>();

function stmts(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = {
      head: db.prepare('SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1'),
      timeBreak: null,
      insert: db.prepare(
        `INSERT INTO audit_log (seq, v, at, desk_id, actor_id, actor, action, entity, entity_id, before, after, reason, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    statements.set(db, s);
  }
  return s;
}

/** The newest row's seq and hash (genesis when empty). */
export function auditHead(db: Db): { seq: number; hash: string } {
  const head = stmts(db).head.get() as { seq: number; hash: string } | undefined;
  return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: genesisHash };
}

/**
 * A string exactly as SQLite will give it back: a lone surrogate is stored as
 * bytes that read back as U+FFFD, while `JSON.stringify` (the hash input)
 * would keep its escape. Hashing the stored form keeps every row verifiable
 * whatever slipped past validation (issue 12 §1). `canonicalJson` already
 * writes lone surrogates as ASCII escapes, so before/after need no change.
 */
const stored = (s: string): string => toWellFormed(s);
const storedOrNull = (s: string | null): string | null => (s === null ? null : toWellFormed(s));

const toJson = (v: unknown): string | null => (v === undefined || v === null ? null : canonicalJson(v));

/** Appends one chained row; must run inside the caller's transaction. */
export function appendAudit(db: Db, deskId: string, actor: AuditActor, at: string, input: AuditInput): AuditEvent {
  if (!db.inTransaction) throw new Error('appendAudit must run inside a transaction');
  const s = stmts(db);
  const head = (s.head.get() as { seq: number; hash: string; at: string } | undefined) ?? { seq: 0, hash: genesisHash, at: '' };
  const base: Omit<AuditEvent, 'hash'> = {
    seq: head.seq + 1,
    v: auditFormatVersion,
    at: stored(at),
    deskId: stored(deskId),
    actorId: actor.id,
    actor: stored(actor.login),
    action: stored(input.action),
    entity: stored(input.entity),
    entityId: input.entityId === undefined || input.entityId === null ? null : stored(String(input.entityId)),
    before: storedOrNull(toJson(input.before)),
    after: storedOrNull(toJson(input.after)),
    reason: storedOrNull(input.reason ?? null),
    prevHash: head.hash,
  };
  const event: AuditEvent = { ...base, hash: sha256Hex(canonicalAuditPayload(base)) };
  // Positional binding: named binding from an object costs about three times as much on this hot path.
  s.insert.run(
    event.seq,
    event.v,
    event.at,
    event.deskId,
    event.actorId,
    event.actor,
    event.action,
    event.entity,
    event.entityId,
    event.before,
    event.after,
    event.reason,
    event.prevHash,
    event.hash,
  );
  // The clock was set back: time lookups treat the chain as a new ascending run from here (services/audit-time.ts).
  if (at < head.at) (s.timeBreak ??= db.prepare('INSERT INTO audit_time_breaks (seq) VALUES (?)')).run(event.seq);
  return event;
}

/** Reads rows in seq order, for verification and export. */
export function* iterateAudit(db: Db, fromSeq = 1): Generator<AuditEvent> {
  const it = db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').iterate(fromSeq) as IterableIterator<AuditRow>;
  for (const r of it) yield rowToAuditEvent(r);
}
