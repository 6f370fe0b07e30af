/**
 * Duty log entries (值班记录) and their versions.
 *
 * `log_entries` holds the current version for fast day views. An entry that
 * was never edited is its own (only) version; the first edit copies version 1
 * into `log_entry_versions` (append-only) next to version 2, and every later
 * edit appends its version — so history is complete without paying a second
 * row on the hot path of logging a call. Values enter SQL only as bound
 * parameters.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/connection';
import { likeAny } from '../store/stmt';
import type { LogKind } from '../../../shared/domain/log';
import type { LogEntry, LogEntryVersion } from "../../../shared/contract/log";

export interface LogEntryRow {
  id: number;
  version: number;
  kind: string;
  occurred_at: string;
  duty_date: string;
  source_unit: string | null;
  source_person: string | null;
  source_phone: string | null;
  summary: string;
  detail: string | null;
  reported_to: string | null;
  proposal: string | null;
  instruction: string | null;
  outcome: string | null;
  handler: string | null;
  handled_at: string | null;
  incident_id: number | null;
  recorded_by: string;
  recorded_at: string;
  updated_by: string;
  updated_at: string;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

export const rowToLogEntry = (r: LogEntryRow): LogEntry => ({
  id: r.id,
  version: r.version,
  kind: r.kind as LogKind,
  occurredAt: r.occurred_at,
  dutyDate: r.duty_date,
  sourceUnit: r.source_unit,
  sourcePerson: r.source_person,
  sourcePhone: r.source_phone,
  summary: r.summary,
  detail: r.detail,
  reportedTo: r.reported_to,
  proposal: r.proposal,
  instruction: r.instruction,
  outcome: r.outcome,
  handler: r.handler,
  handledAt: r.handled_at,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
  incidentId: r.incident_id,
  voided: r.voided_at !== null,
  voidReason: r.void_reason,
  voidedAt: r.voided_at,
  voidedBy: r.voided_by,
});

/** The content fields of an entry (what a version captures). */
export type LogContent = Pick<
  LogEntry,
  | 'kind'
  | 'occurredAt'
  | 'dutyDate'
  | 'sourceUnit'
  | 'sourcePerson'
  | 'sourcePhone'
  | 'summary'
  | 'detail'
  | 'reportedTo'
  | 'proposal'
  | 'instruction'
  | 'outcome'
  | 'handler'
  | 'handledAt'
>;

export const contentOf = (e: LogContent): LogContent => ({
  kind: e.kind,
  occurredAt: e.occurredAt,
  dutyDate: e.dutyDate,
  sourceUnit: e.sourceUnit,
  sourcePerson: e.sourcePerson,
  sourcePhone: e.sourcePhone,
  summary: e.summary,
  detail: e.detail,
  reportedTo: e.reportedTo,
  proposal: e.proposal,
  instruction: e.instruction,
  outcome: e.outcome,
  handler: e.handler,
  handledAt: e.handledAt,
});

interface Stmts {
  get: Statement;
  insert: Statement;
  insertVersion: Statement;
  update: Statement;
}
const cache = new WeakMap<Db, Stmts>();
function stmts(db: Db): Stmts {
  let s = cache.get(db);
  if (!s) {
    s = {
      get: db.prepare('SELECT * FROM log_entries WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO log_entries (version, kind, occurred_at, duty_date, source_unit, source_person, source_phone, summary, detail,
           reported_to, proposal, instruction, outcome, handler, handled_at, incident_id, recorded_by, recorded_at, updated_by, updated_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertVersion: db.prepare('INSERT INTO log_entry_versions (entry_id, version, data, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)'),
      update: db.prepare(
        `UPDATE log_entries SET version = @version, kind = @kind, occurred_at = @occurredAt, duty_date = @dutyDate, source_unit = @sourceUnit,
           source_person = @sourcePerson, source_phone = @sourcePhone, summary = @summary, detail = @detail, reported_to = @reportedTo,
           proposal = @proposal, instruction = @instruction, outcome = @outcome, handler = @handler, handled_at = @handledAt,
           updated_by = @by, updated_at = @at
         WHERE id = @id`,
      ),
    };
    cache.set(db, s);
  }
  return s;
}

export function getLogEntry(db: Db, id: number): LogEntry | null {
  const r = stmts(db).get.get(id) as LogEntryRow | undefined;
  return r ? rowToLogEntry(r) : null;
}

/** Inserts version 1 and returns the new id (the seeder's bulk path). Positional binding: a third of the cost of named. */
export function insertLogEntryId(db: Db, c: LogContent & { incidentId: number | null }, by: string, at: string): number {
  return Number(
    stmts(db).insert.run(
      c.kind,
      c.occurredAt,
      c.dutyDate,
      c.sourceUnit,
      c.sourcePerson,
      c.sourcePhone,
      c.summary,
      c.detail,
      c.reportedTo,
      c.proposal,
      c.instruction,
      c.outcome,
      c.handler,
      c.handledAt,
      c.incidentId,
      by,
      at,
      by,
      at,
    ).lastInsertRowid,
  );
}

/**
 * Inserts version 1 and returns it, built from what was bound (no read-back:
 * every column is either bound here or a constant of the INSERT).
 */
export function insertLogEntry(db: Db, c: LogContent & { incidentId: number | null }, by: string, at: string): LogEntry {
  const id = insertLogEntryId(db, c, by, at);
  return {
    id,
    version: 1,
    ...contentOf(c),
    recordedBy: by,
    recordedAt: at,
    updatedBy: by,
    updatedAt: at,
    incidentId: c.incidentId,
    voided: false,
    voidReason: null,
    voidedAt: null,
    voidedBy: null,
  };
}

/** Writes a new version (the caller checked the expected version and passes the current entry). */
export function updateLogEntry(db: Db, cur: LogEntry, version: number, c: LogContent, reason: string, by: string, at: string): LogEntry {
  const s = stmts(db);
  const id = cur.id;
  if (cur.version === 1) s.insertVersion.run(id, 1, JSON.stringify(contentOf(cur)), null, cur.recordedAt, cur.recordedBy);
  s.update.run({ ...c, id, version, by, at });
  s.insertVersion.run(id, version, JSON.stringify(c), reason, at, by);
  return getLogEntry(db, id)!;
}

export function voidLogEntry(db: Db, id: number, reason: string, by: string, at: string): LogEntry {
  db.prepare('UPDATE log_entries SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(
    at,
    by,
    reason,
    id,
  );
  return getLogEntry(db, id)!;
}

export function linkLogEntry(db: Db, id: number, incidentId: number): void {
  db.prepare('UPDATE log_entries SET incident_id = ? WHERE id = ?').run(incidentId, id);
}

export function logHistory(db: Db, id: number): LogEntryVersion[] {
  const rows = db.prepare('SELECT version, data, reason, at, by FROM log_entry_versions WHERE entry_id = ? ORDER BY version').all(id) as {
    version: number;
    data: string;
    reason: string | null;
    at: string;
    by: string;
  }[];
  const first = getLogEntry(db, id);
  if (rows.length === 0 && first)
    rows.push({ version: 1, data: JSON.stringify(contentOf(first)), reason: null, at: first.recordedAt, by: first.recordedBy });
  return rows.map((r) => ({
    version: r.version,
    reason: r.reason,
    at: r.at,
    by: r.by,
    entry: {
      ...(JSON.parse(r.data) as LogContent),
      id,
      version: r.version,
      recordedBy: first?.recordedBy ?? r.by,
      recordedAt: first?.recordedAt ?? r.at,
      updatedBy: r.by,
      updatedAt: r.at,
    },
  }));
}

export interface LogQuery {
  fromDate: string;
  toDate: string;
  kind?: LogKind;
  query?: string;
  includeVoided?: boolean;
  limit: number;
}

/** Entries of duty days [fromDate, toDate], newest first. */
export function listLogEntries(db: Db, q: LogQuery): LogEntry[] {
  const where = ['duty_date BETWEEN ? AND ?'];
  const params: unknown[] = [q.fromDate, q.toDate];
  if (!q.includeVoided) where.push('voided_at IS NULL');
  if (q.kind) {
    where.push('kind = ?');
    params.push(q.kind);
  }
  if (q.query) {
    const search = likeAny(['summary', 'detail', 'source_unit', 'source_person', 'source_phone'], q.query);
    where.push(search.sql);
    params.push(...search.params);
  }
  params.push(q.limit);
  const rows = db
    .prepare(`SELECT * FROM log_entries WHERE ${where.join(' AND ')} ORDER BY duty_date DESC, occurred_at DESC, id DESC LIMIT ?`)
    .all(...params) as LogEntryRow[];
  return rows.map(rowToLogEntry);
}

export function logEntriesOfIncident(db: Db, incidentId: number): LogEntry[] {
  return (db.prepare('SELECT * FROM log_entries WHERE incident_id = ? ORDER BY occurred_at, id').all(incidentId) as LogEntryRow[]).map(
    rowToLogEntry,
  );
}
