/**
 * Rows of the register of incoming documents and telegrams (来文 / 明传电报):
 * documents with their append-only versions and the circulation (传阅)
 * records. Bound SQL only; the 密级 CHECK in the schema refuses anything
 * above 内部 even if a caller slipped past the service.
 */
import type { DocumentFields, DocumentRead, RecordVersion } from '../../../shared/contract';
import type { DocumentKind, Secrecy, Urgency } from '../../../shared/domain/document';
import type { Db } from '../store/connection';
import { likeAny, nextYearNo, stmt } from '../store/stmt';

export interface DocumentRow {
  id: number;
  no: string;
  version: number;
  kind: string;
  from_unit: string;
  doc_no: string | null;
  title: string;
  secrecy: string;
  urgency: string;
  received_at: string;
  received_date: string;
  pages: number | null;
  proposal: string | null;
  instruction: string | null;
  due_at: string | null;
  result: string | null;
  state: string;
  done_at: string | null;
  done_by: string | null;
  from_log_entry_id: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

export const documentFieldsOf = (r: DocumentRow): DocumentFields => ({
  kind: r.kind as DocumentKind,
  fromUnit: r.from_unit,
  docNo: r.doc_no,
  title: r.title,
  secrecy: r.secrecy as Secrecy,
  urgency: r.urgency as Urgency,
  receivedAt: r.received_at,
  pages: r.pages,
  proposal: r.proposal,
  instruction: r.instruction,
  dueAt: r.due_at,
});

export const getDocumentRow = (db: Db, id: number): DocumentRow | null =>
  (stmt(db, 'SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined) ?? null;

/** Next 收文号 of a year: SW2026-0001 … */
export const nextDocumentNo = (db: Db, year: string): string => nextYearNo(db, 'documents', 'SW', year, 4);

const bind = (f: DocumentFields) => [f.kind, f.fromUnit, f.docNo, f.title, f.secrecy, f.urgency, f.receivedAt, f.pages, f.proposal, f.instruction, f.dueAt];

function insertVersion(db: Db, id: number, version: number, f: DocumentFields, reason: string | null, by: string, at: string): void {
  stmt(db, 'INSERT INTO document_versions (document_id, version, data, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(id, version, JSON.stringify(f), reason, at, by);
}

export function insertDocument(db: Db, f: DocumentFields, extra: { no: string; receivedDate: string; fromLogEntryId: number | null }, by: string, at: string): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO documents (no, version, kind, from_unit, doc_no, title, secrecy, urgency, received_at, pages, proposal, instruction, due_at,
         received_date, state, from_log_entry_id, created_at, created_by, updated_at, updated_by)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?, ?)`,
    ).run(extra.no, ...bind(f), extra.receivedDate, extra.fromLogEntryId, at, by, at, by).lastInsertRowid,
  );
  insertVersion(db, id, 1, f, null, by, at);
  return id;
}

export function updateDocument(db: Db, id: number, version: number, f: DocumentFields, receivedDate: string, reason: string, by: string, at: string): void {
  stmt(
    db,
    `UPDATE documents SET version = ?, kind = ?, from_unit = ?, doc_no = ?, title = ?, secrecy = ?, urgency = ?, received_at = ?, pages = ?,
       proposal = ?, instruction = ?, due_at = ?, received_date = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(version, ...bind(f), receivedDate, at, by, id);
  insertVersion(db, id, version, f, reason, by, at);
}

export function setDocumentState(db: Db, id: number, state: 'circulating', by: string, at: string): void {
  stmt(db, "UPDATE documents SET state = ?, updated_at = ?, updated_by = ? WHERE id = ? AND state = 'registered'").run(state, at, by, id);
}

export function markDocumentDone(db: Db, id: number, result: string, by: string, at: string): void {
  stmt(db, "UPDATE documents SET state = 'done', result = ?, done_at = ?, done_by = ?, updated_at = ?, updated_by = ? WHERE id = ? AND state <> 'done'").run(
    result,
    at,
    by,
    at,
    by,
    id,
  );
}

export function voidDocument(db: Db, id: number, reason: string, by: string, at: string): void {
  stmt(db, 'UPDATE documents SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(at, by, reason, id);
}

export function documentVersions(db: Db, id: number): RecordVersion<DocumentFields>[] {
  return (stmt(db, 'SELECT version, data, reason, at, by FROM document_versions WHERE document_id = ? ORDER BY version').all(id) as {
    version: number;
    data: string;
    reason: string | null;
    at: string;
    by: string;
  }[]).map((r) => ({ ...r, data: JSON.parse(r.data) as DocumentFields }));
}

export interface DocumentQuery {
  from?: string;
  to?: string;
  kind?: DocumentKind;
  state?: 'open' | 'done';
  overdueAt?: string;
  query?: string;
  fromLogEntryId?: number;
}

/** Documents (not voided) received on local dates [from, to], newest first. */
export function listDocumentRows(db: Db, q: DocumentQuery): DocumentRow[] {
  const where = ['voided_at IS NULL', 'received_date BETWEEN ? AND ?'];
  const params: unknown[] = [q.from ?? '0000-01-01', q.to ?? '9999-12-31'];
  if (q.kind) {
    where.push('kind = ?');
    params.push(q.kind);
  }
  if (q.state === 'open') where.push("state <> 'done'");
  if (q.state === 'done') where.push("state = 'done'");
  if (q.overdueAt) {
    where.push("state <> 'done' AND due_at IS NOT NULL AND due_at < ?");
    params.push(q.overdueAt);
  }
  if (q.fromLogEntryId !== undefined) {
    where.push('from_log_entry_id = ?');
    params.push(q.fromLogEntryId);
  }
  if (q.query) {
    const search = likeAny(['no', 'title', 'from_unit', 'doc_no'], q.query);
    where.push(search.sql);
    params.push(...search.params);
  }
  return db.prepare(`SELECT * FROM documents WHERE ${where.join(' AND ')} ORDER BY received_at DESC, id DESC LIMIT 5000`).all(...params) as DocumentRow[];
}

/** Documents with a 办理 deadline, not done, not voided: the console's list (partial index documents_due). */
export const openDueDocuments = (db: Db): DocumentRow[] =>
  stmt(db, "SELECT * FROM documents WHERE due_at IS NOT NULL AND state <> 'done' AND voided_at IS NULL ORDER BY due_at, id").all() as DocumentRow[];

export const documentFromLog = (db: Db, logId: number): DocumentRow | null =>
  (stmt(db, 'SELECT * FROM documents WHERE from_log_entry_id = ?').get(logId) as DocumentRow | undefined) ?? null;

export function insertRead(db: Db, documentId: number, r: { reader: string; readAt: string; note: string | null }, by: string, at: string): void {
  stmt(db, 'INSERT INTO document_reads (document_id, reader, read_at, note, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(documentId, r.reader, r.readAt, r.note, at, by);
}

export const readsOf = (db: Db, documentId: number): DocumentRead[] =>
  stmt(db, 'SELECT id, reader, read_at AS readAt, note, by FROM document_reads WHERE document_id = ? ORDER BY read_at, id').all(documentId) as DocumentRead[];

/** Documents received in [start, end) (UTC ISO): a duty day's, by kind. */
export function documentCountsBetween(db: Db, start: string, end: string): { documents: number; telegrams: number } {
  const r = stmt(
    db,
    "SELECT sum(kind = 'document') AS documents, sum(kind = 'telegram') AS telegrams FROM documents WHERE voided_at IS NULL AND received_at >= ? AND received_at < ?",
  ).get(start, end) as { documents: number | null; telegrams: number | null };
  return { documents: r.documents ?? 0, telegrams: r.telegrams ?? 0 };
}
