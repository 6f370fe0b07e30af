/**
 * Rows of the petition register: petitions, petitioners and their links,
 * workflow steps, deadlines, assignments, actions, leaders' cases and the
 * append-only versions. Values enter SQL only as bound parameters; masking
 * of ID numbers happens in the service, never here.
 */
import type { Db } from '../store/connection';
import { likeAny, likePattern, nextYearNo, stmt } from '../store/stmt';
import type {
  CaseDuty,
  PetitionAction,
  PetitionAssignment,
  PetitionCase,
  PetitionFields,
  PetitionStep,
  PetitionVersionData,
  RecordVersion,
  VersionPetitioner,
} from '../../../shared/contract/petitions';
import type { AbnormalKind, PetitionDeadlineKind, PetitionForm, PetitionLevel, PetitionState } from '../../../shared/domain/petition';

// ───────────────────────── petitioners ─────────────────────────

export interface PetitionerRow {
  id: number;
  version: number;
  name: string;
  phone: string | null;
  id_number: string | null;
  address: string | null;
  key_person: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface PetitionerContent {
  name: string;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
  keyPerson: boolean;
}

export const petitionerContent = (r: PetitionerRow): PetitionerContent => ({
  name: r.name,
  phone: r.phone,
  idNumber: r.id_number,
  address: r.address,
  keyPerson: r.key_person === 1,
});

export const getPetitionerRow = (db: Db, id: number): PetitionerRow | null =>
  (stmt(db, 'SELECT * FROM petitioners WHERE id = ?').get(id) as PetitionerRow | undefined) ?? null;

export const petitionerByIdNumber = (db: Db, idNumber: string): PetitionerRow | null =>
  (stmt(db, 'SELECT * FROM petitioners WHERE id_number = ?').get(idNumber) as PetitionerRow | undefined) ?? null;

export function insertPetitioner(db: Db, c: PetitionerContent, by: string, at: string): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO petitioners (version, name, phone, id_number, address, key_person, created_at, created_by, updated_at, updated_by)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(c.name, c.phone, c.idNumber, c.address, c.keyPerson ? 1 : 0, at, by, at, by).lastInsertRowid,
  );
  insertVersion(db, 'petitioner_versions', 'petitioner_id', id, 1, c, null, by, at);
  return id;
}

export function updatePetitioner(db: Db, id: number, version: number, c: PetitionerContent, reason: string, by: string, at: string): void {
  stmt(
    db,
    `UPDATE petitioners SET version = ?, name = ?, phone = ?, id_number = ?, address = ?, key_person = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(version, c.name, c.phone, c.idNumber, c.address, c.keyPerson ? 1 : 0, at, by, id);
  insertVersion(db, 'petitioner_versions', 'petitioner_id', id, version, c, reason, by, at);
}

/** Petitioners whose name, phone or ID number contains the text (ID numbers match only in full or by their last four). */
export function searchPetitioners(db: Db, q: string): PetitionerRow[] {
  const like = likePattern(q);
  return stmt(
    db,
    `SELECT * FROM petitioners WHERE name LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' OR id_number = ? OR (length(?) = 4 AND substr(id_number, -4) = ?)
     ORDER BY name, id LIMIT 50`,
  ).all(like, like, q.toUpperCase(), q, q.toUpperCase()) as PetitionerRow[];
}

/** Non-voided petitions naming each petitioner. */
export function visitCounts(db: Db, ids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT pp.petitioner_id AS id, count(*) AS n FROM petition_petitioners pp JOIN petitions p ON p.id = pp.petition_id
       WHERE p.voided_at IS NULL AND pp.petitioner_id IN (${ids.map(() => '?').join(',')}) GROUP BY pp.petitioner_id`,
    )
    .all(...ids) as { id: number; n: number }[];
  for (const r of rows) out.set(r.id, r.n);
  return out;
}

// ───────────────────────── petitions ─────────────────────────

export interface PetitionRow {
  id: number;
  no: string;
  version: number;
  received_at: string;
  received_date: string;
  form: string;
  persons: number;
  level: string;
  abnormal: number;
  abnormal_kind: string | null;
  category: string;
  summary: string;
  demands: string | null;
  leader: string | null;
  unit: string | null;
  locality: string | null;
  state: string;
  from_log_entry_id: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

export const petitionFieldsOf = (r: PetitionRow): PetitionFields => ({
  receivedAt: r.received_at,
  form: r.form as PetitionForm,
  persons: r.persons,
  level: r.level as PetitionLevel,
  abnormal: r.abnormal === 1,
  abnormalKind: r.abnormal_kind as AbnormalKind | null,
  category: r.category,
  summary: r.summary,
  demands: r.demands,
  leader: r.leader,
  unit: r.unit,
  locality: r.locality,
});

export const getPetitionRow = (db: Db, id: number): PetitionRow | null =>
  (stmt(db, 'SELECT * FROM petitions WHERE id = ?').get(id) as PetitionRow | undefined) ?? null;

/** Next 信访编号 of a year: XF2026-0001, XF2026-0002 … */
export const nextPetitionNo = (db: Db, year: string): string => nextYearNo(db, 'petitions', 'XF', year, 4);

const bindFields = (f: PetitionFields) => [
  f.receivedAt,
  f.form,
  f.persons,
  f.level,
  f.abnormal ? 1 : 0,
  f.abnormalKind,
  f.category,
  f.summary,
  f.demands,
  f.leader,
  f.unit,
  f.locality,
];

export function insertPetition(
  db: Db,
  f: PetitionFields,
  extra: { no: string; receivedDate: string; fromLogEntryId: number | null },
  by: string,
  at: string,
): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO petitions (no, version, received_at, form, persons, level, abnormal, abnormal_kind, category, summary, demands, leader, unit,
         locality, received_date, state, from_log_entry_id, created_at, created_by, updated_at, updated_by)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?, ?)`,
    ).run(extra.no, ...bindFields(f), extra.receivedDate, extra.fromLogEntryId, at, by, at, by).lastInsertRowid,
  );
  return id;
}

/** Version 1 of a petition, written once its petitioners are linked (a version names who the petition names). */
export function insertFirstPetitionVersion(db: Db, id: number, f: PetitionFields, petitioners: VersionPetitioner[], by: string, at: string): void {
  const data: PetitionVersionData = { ...f, petitioners };
  insertVersion(db, 'petition_versions', 'petition_id', id, 1, data, null, by, at);
}

/** A new version of a petition: its fields and the petitioners it names at that version. */
export function updatePetition(
  db: Db,
  id: number,
  version: number,
  f: PetitionFields,
  receivedDate: string,
  petitioners: VersionPetitioner[],
  reason: string,
  by: string,
  at: string,
): void {
  stmt(
    db,
    `UPDATE petitions SET version = ?, received_at = ?, form = ?, persons = ?, level = ?, abnormal = ?, abnormal_kind = ?, category = ?,
       summary = ?, demands = ?, leader = ?, unit = ?, locality = ?, received_date = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(version, ...bindFields(f), receivedDate, at, by, id);
  const data: PetitionVersionData = { ...f, petitioners };
  insertVersion(db, 'petition_versions', 'petition_id', id, version, data, reason, by, at);
}

export function setPetitionState(db: Db, id: number, state: PetitionState, by: string, at: string): void {
  stmt(db, 'UPDATE petitions SET state = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(state, at, by, id);
}

export function voidPetition(db: Db, id: number, reason: string, by: string, at: string): void {
  stmt(db, 'UPDATE petitions SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(at, by, reason, id);
}

export function linkPetitioner(db: Db, petitionId: number, petitionerId: number, representative: boolean): void {
  stmt(db, 'INSERT INTO petition_petitioners (petition_id, petitioner_id, representative) VALUES (?, ?, ?)').run(
    petitionId,
    petitionerId,
    representative ? 1 : 0,
  );
}

/** Takes a petitioner off a petition (the petition's versions keep who it named before). */
export function unlinkPetitioner(db: Db, petitionId: number, petitionerId: number): void {
  stmt(db, 'DELETE FROM petition_petitioners WHERE petition_id = ? AND petitioner_id = ?').run(petitionId, petitionerId);
}

export function setRepresentative(db: Db, petitionId: number, petitionerId: number, representative: boolean): void {
  stmt(db, 'UPDATE petition_petitioners SET representative = ? WHERE petition_id = ? AND petitioner_id = ?').run(representative ? 1 : 0, petitionId, petitionerId);
}

export function petitionersOf(db: Db, petitionId: number): (PetitionerRow & { representative: number })[] {
  return stmt(
    db,
    `SELECT p.*, pp.representative FROM petition_petitioners pp JOIN petitioners p ON p.id = pp.petitioner_id
     WHERE pp.petition_id = ? ORDER BY pp.representative DESC, p.id`,
  ).all(petitionId) as (PetitionerRow & { representative: number })[];
}

export interface PetitionQuery {
  from?: string;
  to?: string;
  level?: PetitionLevel;
  query?: string;
  fromLogEntryId?: number;
  includeVoided?: boolean;
  limit: number;
}

/** Petitions received on local dates [from, to], newest first. */
export function listPetitionRows(db: Db, q: PetitionQuery): PetitionRow[] {
  const where: string[] = ['received_date BETWEEN ? AND ?'];
  const params: unknown[] = [q.from ?? '0000-01-01', q.to ?? '9999-12-31'];
  if (!q.includeVoided) where.push('voided_at IS NULL');
  if (q.level) {
    where.push('level = ?');
    params.push(q.level);
  }
  if (q.fromLogEntryId !== undefined) {
    where.push('from_log_entry_id = ?');
    params.push(q.fromLogEntryId);
  }
  if (q.query) {
    const search = likeAny(['no', 'summary', 'category', 'unit', 'locality'], q.query);
    const like = likePattern(q.query);
    where.push(
      `(${search.sql.slice(1, -1)}
        OR id IN (SELECT pp.petition_id FROM petition_petitioners pp JOIN petitioners pe ON pe.id = pp.petitioner_id WHERE pe.name LIKE ? ESCAPE '\\'))`,
    );
    params.push(...search.params, like);
  }
  params.push(q.limit);
  return db
    .prepare(`SELECT * FROM petitions WHERE ${where.join(' AND ')} ORDER BY received_at DESC, id DESC LIMIT ?`)
    .all(...params) as PetitionRow[];
}

/** What counting needs of every non-voided petition received up to `to` (for 重复访, earlier ones count). */
export function countingRows(db: Db, to: string): { id: number; received_at: string; received_date: string; form: string; level: string; persons: number; abnormal: number; category: string; petitioners: string | null }[] {
  return stmt(
    db,
    `SELECT p.id, p.received_at, p.received_date, p.form, p.level, p.persons, p.abnormal, p.category,
            (SELECT group_concat(petitioner_id) FROM petition_petitioners WHERE petition_id = p.id) AS petitioners
     FROM petitions p WHERE p.voided_at IS NULL AND p.received_date <= ?`,
  ).all(to) as ReturnType<typeof countingRows>;
}

// ───────────────────────── versions ─────────────────────────

type VersionTable = 'petition_versions' | 'petitioner_versions';
function insertVersion(db: Db, table: VersionTable, key: string, id: number, version: number, data: unknown, reason: string | null, by: string, at: string): void {
  stmt(db, `INSERT INTO ${table} (${key}, version, data, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)`).run(id, version, JSON.stringify(data), reason, at, by);
}

export function petitionVersions(db: Db, id: number): RecordVersion<PetitionVersionData>[] {
  return (stmt(db, 'SELECT version, data, reason, at, by FROM petition_versions WHERE petition_id = ? ORDER BY version').all(id) as {
    version: number;
    data: string;
    reason: string | null;
    at: string;
    by: string;
  }[]).map((r) => ({ ...r, data: JSON.parse(r.data) as PetitionVersionData }));
}

// ───────────────────────── steps, deadlines, assignments, actions, cases ─────────────────────────

interface StepRow {
  id: number;
  step: string;
  on_date: string;
  text: string | null;
  days: number | null;
  in_time: number | null;
  at: string;
  by: string;
}

export function insertStep(
  db: Db,
  petitionId: number,
  s: { step: string; onDate: string; text: string | null; days?: number | null; inTime?: boolean | null },
  by: string,
  at: string,
): void {
  stmt(db, 'INSERT INTO petition_steps (petition_id, step, on_date, text, days, in_time, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    petitionId,
    s.step,
    s.onDate,
    s.text,
    s.days ?? null,
    s.inTime === undefined || s.inTime === null ? null : s.inTime ? 1 : 0,
    at,
    by,
  );
}

export function stepsOf(db: Db, petitionId: number): PetitionStep[] {
  return (stmt(db, 'SELECT * FROM petition_steps WHERE petition_id = ? ORDER BY id').all(petitionId) as StepRow[]).map((r) => ({
    id: r.id,
    step: r.step,
    onDate: r.on_date,
    text: r.text,
    days: r.days,
    inTime: r.in_time === null ? null : r.in_time === 1,
    at: r.at,
    by: r.by,
  }));
}

export interface DeadlineRow {
  id: number;
  petition_id: number;
  kind: string;
  start_date: string;
  due_date: string;
  met_on: string | null;
  assignment_id: number | null;
  superseded_at: string | null;
  created_at: string;
}

export function insertDeadline(
  db: Db,
  petitionId: number,
  d: { kind: PetitionDeadlineKind; startDate: string; dueDate: string; assignmentId?: number | null },
  at: string,
): void {
  stmt(db, 'INSERT INTO petition_deadlines (petition_id, kind, start_date, due_date, assignment_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    petitionId,
    d.kind,
    d.startDate,
    d.dueDate,
    d.assignmentId ?? null,
    at,
  );
}

export const deadlinesOf = (db: Db, petitionId: number): DeadlineRow[] =>
  stmt(db, 'SELECT * FROM petition_deadlines WHERE petition_id = ? ORDER BY id').all(petitionId) as DeadlineRow[];

/** The open (unmet, not superseded) deadline of a kind, if any. */
export const openDeadline = (db: Db, petitionId: number, kind: PetitionDeadlineKind, assignmentId: number | null = null): DeadlineRow | null =>
  (stmt(
    db,
    'SELECT * FROM petition_deadlines WHERE petition_id = ? AND kind = ? AND assignment_id IS ? AND met_on IS NULL AND superseded_at IS NULL ORDER BY id DESC LIMIT 1',
  ).get(petitionId, kind, assignmentId) as DeadlineRow | undefined) ?? null;

export function meetDeadline(db: Db, id: number, on: string): void {
  stmt(db, 'UPDATE petition_deadlines SET met_on = ? WHERE id = ? AND met_on IS NULL').run(on, id);
}

export function supersedeDeadline(db: Db, id: number, at: string): void {
  stmt(db, 'UPDATE petition_deadlines SET superseded_at = ? WHERE id = ? AND met_on IS NULL AND superseded_at IS NULL').run(at, id);
}

/** Every open deadline of a non-voided petition, soonest first (the console's list). */
export function openPetitionDeadlines(db: Db): (DeadlineRow & { no: string; summary: string })[] {
  return stmt(
    db,
    `SELECT d.*, p.no, p.summary FROM petition_deadlines d JOIN petitions p ON p.id = d.petition_id
     WHERE d.met_on IS NULL AND d.superseded_at IS NULL AND p.voided_at IS NULL ORDER BY d.due_date, d.id`,
  ).all() as (DeadlineRow & { no: string; summary: string })[];
}

interface AssignmentRow {
  id: number;
  petition_id: number;
  kind: string;
  unit: string;
  assigned_on: string;
  due_date: string | null;
  note: string | null;
  done_on: string | null;
  result: string | null;
  at: string;
  by: string;
}

const rowToAssignment = (r: AssignmentRow): PetitionAssignment => ({
  id: r.id,
  kind: r.kind as PetitionAssignment['kind'],
  unit: r.unit,
  assignedOn: r.assigned_on,
  dueDate: r.due_date,
  note: r.note,
  doneOn: r.done_on,
  result: r.result,
  by: r.by,
});

export function insertAssignment(
  db: Db,
  petitionId: number,
  a: { kind: 'assign' | 'transfer'; unit: string; assignedOn: string; dueDate: string | null; note: string | null },
  by: string,
  at: string,
): number {
  return Number(
    stmt(
      db,
      'INSERT INTO petition_assignments (petition_id, kind, unit, assigned_on, due_date, note, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(petitionId, a.kind, a.unit, a.assignedOn, a.dueDate, a.note, at, by).lastInsertRowid,
  );
}

export const getAssignment = (db: Db, id: number): (PetitionAssignment & { petitionId: number }) | null => {
  const r = stmt(db, 'SELECT * FROM petition_assignments WHERE id = ?').get(id) as AssignmentRow | undefined;
  return r ? { ...rowToAssignment(r), petitionId: r.petition_id } : null;
};

export function markAssignmentDone(db: Db, id: number, on: string, result: string, by: string, at: string): void {
  stmt(db, 'UPDATE petition_assignments SET done_on = ?, result = ?, done_at = ?, done_by = ? WHERE id = ? AND done_on IS NULL').run(on, result, at, by, id);
}

export const assignmentsOf = (db: Db, petitionId: number): PetitionAssignment[] =>
  (stmt(db, 'SELECT * FROM petition_assignments WHERE petition_id = ? ORDER BY id').all(petitionId) as AssignmentRow[]).map(rowToAssignment);

interface ActionRow {
  id: number;
  kind: string;
  on_date: string;
  text: string;
  by_name: string | null;
  satisfied: number | null;
  at: string;
  by: string;
}

export function insertAction(
  db: Db,
  petitionId: number,
  a: { kind: PetitionAction['kind']; onDate: string; text: string; byName: string | null; satisfied: boolean | null },
  by: string,
  at: string,
): void {
  stmt(db, 'INSERT INTO petition_actions (petition_id, kind, on_date, text, by_name, satisfied, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    petitionId,
    a.kind,
    a.onDate,
    a.text,
    a.byName,
    a.satisfied === null ? null : a.satisfied ? 1 : 0,
    at,
    by,
  );
}

export const actionsOf = (db: Db, petitionId: number): PetitionAction[] =>
  (stmt(db, 'SELECT * FROM petition_actions WHERE petition_id = ? ORDER BY id').all(petitionId) as ActionRow[]).map((r) => ({
    id: r.id,
    kind: r.kind as PetitionAction['kind'],
    onDate: r.on_date,
    text: r.text,
    byName: r.by_name,
    satisfied: r.satisfied === null ? null : r.satisfied === 1,
    at: r.at,
    by: r.by,
  }));

/** How many 督办 and 回访 were recorded on dates [from, to]. */
export function actionCounts(db: Db, from: string, to: string): { supervise: number; followup: number } {
  const rows = stmt(
    db,
    `SELECT a.kind, count(*) AS n FROM petition_actions a JOIN petitions p ON p.id = a.petition_id
     WHERE p.voided_at IS NULL AND a.on_date BETWEEN ? AND ? GROUP BY a.kind`,
  ).all(from, to) as { kind: string; n: number }[];
  const n = (k: string) => rows.find((r) => r.kind === k)?.n ?? 0;
  return { supervise: n('supervise'), followup: n('followup') };
}

interface CaseRow {
  petition_id: number;
  leader: string;
  duties: string;
  opened_at: string;
  opened_by: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
  closing_note: string | null;
}

export function caseOf(db: Db, petitionId: number): PetitionCase | null {
  const r = stmt(db, 'SELECT * FROM petition_cases WHERE petition_id = ?').get(petitionId) as CaseRow | undefined;
  return r
    ? {
        leader: r.leader,
        duties: JSON.parse(r.duties) as CaseDuty[],
        openedAt: r.opened_at,
        openedBy: r.opened_by,
        closedAt: r.closed_at,
        closedBy: r.closed_by,
        closingNote: r.closing_note,
      }
    : null;
}

export function upsertCase(db: Db, petitionId: number, leader: string, duties: CaseDuty[], by: string, at: string): void {
  stmt(
    db,
    `INSERT INTO petition_cases (petition_id, leader, duties, opened_at, opened_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (petition_id) DO UPDATE SET leader = excluded.leader, duties = excluded.duties, updated_at = excluded.updated_at`,
  ).run(petitionId, leader, JSON.stringify(duties), at, by, at);
}

export function closeCaseRow(db: Db, petitionId: number, note: string, by: string, at: string): void {
  stmt(db, 'UPDATE petition_cases SET closed_at = ?, closed_by = ?, closing_note = ?, updated_at = ? WHERE petition_id = ? AND closed_at IS NULL').run(
    at,
    by,
    note,
    at,
    petitionId,
  );
}

/** Leaders' cases of petitions received on dates [from, to]. */
export function caseCounts(db: Db, from: string, to: string): { open: number; closed: number } {
  const r = stmt(
    db,
    `SELECT sum(c.closed_at IS NULL) AS open, sum(c.closed_at IS NOT NULL) AS closed FROM petition_cases c JOIN petitions p ON p.id = c.petition_id
     WHERE p.voided_at IS NULL AND p.received_date BETWEEN ? AND ?`,
  ).get(from, to) as { open: number | null; closed: number | null };
  return { open: r.open ?? 0, closed: r.closed ?? 0 };
}

/** Whether one of the petition's petitioners came with an earlier (non-voided) petition: 重复访. */
export function isRepeatRow(db: Db, r: Pick<PetitionRow, 'id' | 'received_at'>): boolean {
  return (
    stmt(
      db,
      `SELECT 1 FROM petition_petitioners me JOIN petition_petitioners other ON other.petitioner_id = me.petitioner_id AND other.petition_id <> me.petition_id
       JOIN petitions p2 ON p2.id = other.petition_id
       WHERE me.petition_id = ? AND p2.voided_at IS NULL AND (p2.received_at < ? OR (p2.received_at = ? AND p2.id < ?)) LIMIT 1`,
    ).get(r.id, r.received_at, r.received_at, r.id) !== undefined
  );
}

/** Petitions received in [start, end) (UTC ISO instants): a duty day's. */
export const petitionRowsBetween = (db: Db, start: string, end: string): PetitionRow[] =>
  stmt(db, 'SELECT * FROM petitions WHERE voided_at IS NULL AND received_at >= ? AND received_at < ? ORDER BY received_at, id').all(start, end) as PetitionRow[];
