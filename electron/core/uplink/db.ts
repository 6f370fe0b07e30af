/**
 * Rows of the uplink: the link state (one row, a cache of the hub's answers)
 * and the inbox of messages the hub sent down.
 */
import type { Db } from '../store/connection';
import { stmt } from '../store/stmt';
import { rowToAuditEvent } from '../audit/chain';
import type { AuditEvent } from '../../../shared/audit';
import { downPayloadSchema, type DownPayload } from '../../../shared/hub-protocol';
import type { InboxItem, InboxKind } from '../../../shared/contract/uplink';

export interface LinkRow {
  acked_seq: number;
  key_fingerprint: string | null;
  last_ok_at: string | null;
  offline_since: string | null;
  error_code: string | null;
  error_message: string | null;
  hub_offset_ms: number;
  down_cursor: number;
  duty_reported: string | null;
}

export interface Link {
  ackedSeq: number;
  keyFingerprint: string | null;
  lastOkAt: string | null;
  offlineSince: string | null;
  error: { code: string; message: string } | null;
  hubOffsetMs: number;
  downCursor: number;
  dutyReported: string | null;
}

const rowToLink = (r: LinkRow): Link => ({
  ackedSeq: r.acked_seq,
  keyFingerprint: r.key_fingerprint,
  lastOkAt: r.last_ok_at,
  offlineSince: r.offline_since,
  error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
  hubOffsetMs: r.hub_offset_ms,
  downCursor: r.down_cursor,
  dutyReported: r.duty_reported,
});

export function getLink(db: Db): Link {
  const r = stmt(db, 'SELECT * FROM uplink_link WHERE id = 1').get() as LinkRow | undefined;
  return rowToLink(
    r ?? { acked_seq: 0, key_fingerprint: null, last_ok_at: null, offline_since: null, error_code: null, error_message: null, hub_offset_ms: 0, down_cursor: 0, duty_reported: null },
  );
}

/** Stores the link state (operational: no audit row, see migration 0110). */
export function saveLink(db: Db, l: Link): void {
  stmt(
    db,
    `UPDATE uplink_link SET acked_seq = ?, key_fingerprint = ?, last_ok_at = ?, offline_since = ?, error_code = ?, error_message = ?,
       hub_offset_ms = ?, down_cursor = ?, duty_reported = ? WHERE id = 1`,
  ).run(l.ackedSeq, l.keyFingerprint, l.lastOkAt, l.offlineSince, l.error?.code ?? null, l.error?.message ?? null, Math.round(l.hubOffsetMs), l.downCursor, l.dutyReported);
}

/** Forgets the link (enrolment at another hub, or leaving the hub). */
export function resetLink(db: Db, ackedSeq: number, keyFingerprint: string | null): void {
  stmt(
    db,
    `UPDATE uplink_link SET acked_seq = ?, key_fingerprint = ?, last_ok_at = NULL, offline_since = NULL, error_code = NULL, error_message = NULL,
       down_cursor = 0, duty_reported = NULL WHERE id = 1`,
  ).run(ackedSeq, keyFingerprint);
}

interface InboxRow {
  id: number;
  version: number;
  kind: InboxKind;
  payload: string;
  sent_at: string;
  received_at: string;
  state: InboxItem['state'];
  handled_at: string | null;
  handled_by: string | null;
  result: string | null;
}

export interface InboxRecord extends InboxItem {
  payload: DownPayload;
}

const parseResult = (s: string | null): { seconds?: number; withinLimit?: boolean } | null => {
  if (!s) return null;
  try {
    return JSON.parse(s) as { seconds?: number; withinLimit?: boolean };
  } catch {
    return null;
  }
};

function rowToItem(r: InboxRow): InboxRecord {
  const payload = downPayloadSchema.parse(JSON.parse(r.payload));
  const result = parseResult(r.result);
  const limit = payload.kind === 'check' ? payload.limitSeconds : null;
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    sentAt: r.sent_at,
    receivedAt: r.received_at,
    state: r.state,
    from: payload.from,
    title: payload.kind === 'check' ? null : payload.title,
    rules: payload.kind === 'reportRules' ? { mode: payload.mode, cutoffMinutes: payload.cutoffMinutes, zeroWording: payload.zeroWording } : null,
    body: payload.kind === 'notice' ? payload.body : payload.kind === 'holiday' ? payload.text : null,
    year: payload.kind === 'holiday' ? payload.year : null,
    limitSeconds: limit,
    dueAt: limit !== null ? new Date(Date.parse(r.sent_at) + limit * 1000).toISOString() : null,
    handledAt: r.handled_at,
    handledBy: r.handled_by,
    answer: result && typeof result.seconds === 'number' && typeof result.withinLimit === 'boolean' ? { seconds: result.seconds, withinLimit: result.withinLimit } : null,
    payload,
  };
}

export function insertInbox(db: Db, m: { version: number; payload: DownPayload; sentAt: string }, receivedAt: string): InboxRecord | null {
  const r = stmt(db, 'INSERT INTO uplink_inbox (version, kind, payload, sent_at, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (version) DO NOTHING').run(
    m.version,
    m.payload.kind,
    JSON.stringify(m.payload),
    m.sentAt,
    receivedAt,
  );
  return r.changes ? getInbox(db, Number(r.lastInsertRowid)) : null;
}

export const inboxHas = (db: Db, version: number): boolean => stmt(db, 'SELECT 1 FROM uplink_inbox WHERE version = ?').get(version) !== undefined;

export function getInbox(db: Db, id: number): InboxRecord | null {
  const r = stmt(db, 'SELECT * FROM uplink_inbox WHERE id = ?').get(id) as InboxRow | undefined;
  return r ? rowToItem(r) : null;
}

export function listOpenInbox(db: Db): InboxRecord[] {
  return (stmt(db, "SELECT * FROM uplink_inbox WHERE state = 'open' ORDER BY version").all() as InboxRow[]).map(rowToItem);
}

export function listRecentInbox(db: Db, limit: number): InboxRecord[] {
  return (stmt(db, "SELECT * FROM uplink_inbox WHERE state <> 'open' ORDER BY handled_at DESC, id DESC LIMIT ?").all(limit) as InboxRow[]).map(rowToItem);
}

/** The newest applied message of a kind (the report rules in force from the hub). */
export function lastApplied(db: Db, kind: InboxKind): InboxRecord | null {
  const r = stmt(db, "SELECT * FROM uplink_inbox WHERE kind = ? AND state = 'done' ORDER BY handled_at DESC, id DESC LIMIT 1").get(kind) as InboxRow | undefined;
  return r ? rowToItem(r) : null;
}

export function markInbox(db: Db, id: number, state: 'done' | 'declined', at: string, by: string, result: unknown): void {
  stmt(db, "UPDATE uplink_inbox SET state = ?, handled_at = ?, handled_by = ?, result = ? WHERE id = ? AND state = 'open'").run(state, at, by, JSON.stringify(result), id);
}

/** Audit rows from `seq` on, in order: what the outbox sends next. */
export function auditRowsFrom(db: Db, seq: number, limit: number): AuditEvent[] {
  return (stmt(db, 'SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?').all(seq, limit) as Parameters<typeof rowToAuditEvent>[0][]).map(rowToAuditEvent);
}
