/**
 * Rows of supervised items (督办事项): items with their append-only versions,
 * progress notes, extensions and evidence attachments. Bound SQL only.
 */
import type { LedgerAttachment as Attachment, LedgerExtension, LedgerFields, LedgerNote, RecordVersion } from '../../../shared/contract';
import type { HazardLevel, LedgerSource, RectifyState } from '../../../shared/domain/ledger';
import type { Db } from '../store/connection';
import { likeAny, nextYearNo, stmt } from '../store/stmt';

export interface LedgerRow {
  id: number;
  no: string;
  version: number;
  source: string;
  source_ref: string | null;
  title: string;
  detail: string | null;
  owner_unit: string;
  owner_person: string | null;
  entered_date: string;
  first_deadline: string;
  deadline: string;
  closing_standard: string | null;
  hazard_place: string | null;
  hazard_level: string | null;
  measures: string | null;
  rectify_state: string | null;
  state: string;
  closed_at: string | null;
  closed_by: string | null;
  closing_note: string | null;
  from_log_entry_id: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

export const ledgerFieldsOf = (r: LedgerRow): LedgerFields => ({
  source: r.source as LedgerSource,
  sourceRef: r.source_ref,
  title: r.title,
  detail: r.detail,
  ownerUnit: r.owner_unit,
  ownerPerson: r.owner_person,
  closingStandard: r.closing_standard,
  hazardPlace: r.hazard_place,
  hazardLevel: r.hazard_level as HazardLevel | null,
  measures: r.measures,
  rectifyState: r.rectify_state as RectifyState | null,
});

export type LedgerContent = LedgerFields & { deadline: string };

export const getLedgerRow = (db: Db, id: number): LedgerRow | null =>
  (stmt(db, 'SELECT * FROM ledger_items WHERE id = ?').get(id) as LedgerRow | undefined) ?? null;

/** Next 挂号 number of a year: DB2026-001, DB2026-002 … */
export const nextLedgerNo = (db: Db, year: string): string => nextYearNo(db, 'ledger_items', 'DB', year, 3);

const bind = (f: LedgerFields) => [
  f.source,
  f.sourceRef,
  f.title,
  f.detail,
  f.ownerUnit,
  f.ownerPerson,
  f.closingStandard,
  f.hazardPlace,
  f.hazardLevel,
  f.measures,
  f.rectifyState,
];

function insertVersion(db: Db, id: number, version: number, data: LedgerContent, reason: string | null, by: string, at: string): void {
  stmt(db, 'INSERT INTO ledger_item_versions (item_id, version, data, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(id, version, JSON.stringify(data), reason, at, by);
}

export function insertLedgerItem(
  db: Db,
  f: LedgerFields,
  extra: { no: string; enteredDate: string; deadline: string; fromLogEntryId: number | null },
  by: string,
  at: string,
): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO ledger_items (no, version, source, source_ref, title, detail, owner_unit, owner_person, closing_standard, hazard_place, hazard_level,
         measures, rectify_state, entered_date, first_deadline, deadline, state, from_log_entry_id, created_at, created_by, updated_at, updated_by)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
    ).run(extra.no, ...bind(f), extra.enteredDate, extra.deadline, extra.deadline, extra.fromLogEntryId, at, by, at, by).lastInsertRowid,
  );
  insertVersion(db, id, 1, { ...f, deadline: extra.deadline }, null, by, at);
  return id;
}

/** A new version of the fields and/or the deadline (an extension is a version too). */
export function updateLedgerItem(db: Db, id: number, version: number, c: LedgerContent, reason: string, by: string, at: string): void {
  stmt(
    db,
    `UPDATE ledger_items SET version = ?, source = ?, source_ref = ?, title = ?, detail = ?, owner_unit = ?, owner_person = ?, closing_standard = ?,
       hazard_place = ?, hazard_level = ?, measures = ?, rectify_state = ?, deadline = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(version, ...bind(c), c.deadline, at, by, id);
  insertVersion(db, id, version, c, reason, by, at);
}

export function closeLedgerItem(db: Db, id: number, note: string, by: string, at: string): void {
  stmt(db, "UPDATE ledger_items SET state = 'closed', closed_at = ?, closed_by = ?, closing_note = ?, updated_at = ?, updated_by = ? WHERE id = ? AND state = 'open'").run(
    at,
    by,
    note,
    at,
    by,
    id,
  );
}

export function voidLedgerItem(db: Db, id: number, reason: string, by: string, at: string): void {
  stmt(db, 'UPDATE ledger_items SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(at, by, reason, id);
}

export function ledgerVersions(db: Db, id: number): RecordVersion<LedgerContent>[] {
  return (stmt(db, 'SELECT version, data, reason, at, by FROM ledger_item_versions WHERE item_id = ? ORDER BY version').all(id) as {
    version: number;
    data: string;
    reason: string | null;
    at: string;
    by: string;
  }[]).map((r) => ({ ...r, data: JSON.parse(r.data) as LedgerContent }));
}

export interface LedgerQuery {
  source?: LedgerSource;
  state?: 'open' | 'closed';
  /** Open items whose deadline is before this date. */
  overdueBefore?: string;
  ownerUnit?: string;
  query?: string;
  fromLogEntryId?: number;
}

/** Items (not voided) matching the filter, by 挂号 number. */
export function listLedgerRows(db: Db, q: LedgerQuery): LedgerRow[] {
  const where = ['voided_at IS NULL'];
  const params: unknown[] = [];
  if (q.source) {
    where.push('source = ?');
    params.push(q.source);
  }
  if (q.state) {
    where.push('state = ?');
    params.push(q.state);
  }
  if (q.overdueBefore) {
    where.push("state = 'open' AND deadline < ?");
    params.push(q.overdueBefore);
  }
  if (q.ownerUnit) {
    where.push('owner_unit = ?');
    params.push(q.ownerUnit);
  }
  if (q.fromLogEntryId !== undefined) {
    where.push('from_log_entry_id = ?');
    params.push(q.fromLogEntryId);
  }
  if (q.query) {
    const search = likeAny(['no', 'title', 'owner_unit', 'owner_person', 'source_ref', 'hazard_place'], q.query);
    where.push(search.sql);
    params.push(...search.params);
  }
  return db.prepare(`SELECT * FROM ledger_items WHERE ${where.join(' AND ')} ORDER BY entered_date, id LIMIT 5000`).all(...params) as LedgerRow[];
}

/** Open items (not voided), soonest deadline first: the console's list uses the partial index. */
export const openLedgerRows = (db: Db): LedgerRow[] =>
  stmt(db, "SELECT * FROM ledger_items WHERE state = 'open' AND voided_at IS NULL ORDER BY deadline, id").all() as LedgerRow[];

export const ledgerRowFromLog = (db: Db, logId: number): LedgerRow | null =>
  (stmt(db, 'SELECT * FROM ledger_items WHERE from_log_entry_id = ?').get(logId) as LedgerRow | undefined) ?? null;

// ── notes, extensions

export function insertNote(db: Db, itemId: number, text: string, by: string, at: string): void {
  stmt(db, 'INSERT INTO ledger_notes (item_id, text, at, by) VALUES (?, ?, ?, ?)').run(itemId, text, at, by);
}
export const notesOf = (db: Db, itemId: number): LedgerNote[] =>
  stmt(db, 'SELECT id, text, at, by FROM ledger_notes WHERE item_id = ? ORDER BY id').all(itemId) as LedgerNote[];
export const lastNoteOf = (db: Db, itemId: number): string | null =>
  (stmt(db, 'SELECT text FROM ledger_notes WHERE item_id = ? ORDER BY id DESC LIMIT 1').get(itemId) as { text: string } | undefined)?.text ?? null;

export function insertExtension(db: Db, itemId: number, from: string, to: string, reason: string, by: string, at: string): void {
  stmt(db, 'INSERT INTO ledger_extensions (item_id, from_deadline, to_deadline, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(itemId, from, to, reason, at, by);
}
export const extensionsOf = (db: Db, itemId: number): LedgerExtension[] =>
  stmt(db, 'SELECT id, from_deadline AS fromDeadline, to_deadline AS toDeadline, reason, at, by FROM ledger_extensions WHERE item_id = ? ORDER BY id').all(
    itemId,
  ) as LedgerExtension[];

// ── attachments (evidence)

interface AttachmentRow {
  id: number;
  item_id: number;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  added_at: string;
  added_by: string;
  voided_at: string | null;
  void_reason: string | null;
}

const rowToAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  itemId: r.item_id,
  name: r.name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  addedAt: r.added_at,
  addedBy: r.added_by,
  voided: r.voided_at !== null,
  voidReason: r.void_reason,
});

export function insertLedgerAttachment(db: Db, a: { itemId: number; name: string; mime: string; size: number; sha256: string; addedAt: string; addedBy: string }): Attachment {
  const id = Number(
    stmt(db, 'INSERT INTO ledger_attachments (item_id, name, mime, size, sha256, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      a.itemId,
      a.name,
      a.mime,
      a.size,
      a.sha256,
      a.addedAt,
      a.addedBy,
    ).lastInsertRowid,
  );
  return getLedgerAttachment(db, id)!;
}
export const getLedgerAttachment = (db: Db, id: number): Attachment | null => {
  const r = stmt(db, 'SELECT * FROM ledger_attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
  return r ? rowToAttachment(r) : null;
};
export const ledgerAttachmentsOf = (db: Db, itemId: number): Attachment[] =>
  (stmt(db, 'SELECT * FROM ledger_attachments WHERE item_id = ? ORDER BY id').all(itemId) as AttachmentRow[]).map(rowToAttachment);
export function voidLedgerAttachment(db: Db, id: number, reason: string, by: string, at: string): Attachment {
  stmt(db, 'UPDATE ledger_attachments SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(at, by, reason, id);
  return getLedgerAttachment(db, id)!;
}

/** Items entered, closed and overdue for a day report: entered/closed within [start, end) instants, overdue on `today`. */
export function ledgerCountsBetween(db: Db, enteredDate: string, start: string, end: string): { entered: number; closed: number } {
  const r = stmt(
    db,
    `SELECT sum(entered_date = ?) AS entered, sum(closed_at >= ? AND closed_at < ?) AS closed FROM ledger_items WHERE voided_at IS NULL`,
  ).get(enteredDate, start, end) as { entered: number | null; closed: number | null };
  return { entered: r.entered ?? 0, closed: r.closed ?? 0 };
}
