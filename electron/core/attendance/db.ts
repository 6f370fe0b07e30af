/**
 * Attendance marks (签到/签退): one row per sign-in or sign-out, never changed;
 * a wrong mark is voided with a reason and signed again.
 */
import type { AttendanceMark } from '../../../shared/contract/attendance';
import type { Db } from '../store/connection';

interface MarkRow {
  id: number;
  duty_date: string;
  shift_id: number;
  person_id: number;
  person_name: string | null;
  kind: string;
  at: string;
  covering_person_id: number | null;
  covering_name: string | null;
  note: string | null;
  recorded_by: string;
  voided_at: string | null;
  void_reason: string | null;
}

const rowToMark = (r: MarkRow): AttendanceMark => ({
  id: r.id,
  dutyDate: r.duty_date,
  shiftId: r.shift_id,
  personId: r.person_id,
  personName: r.person_name ?? '?',
  kind: r.kind as AttendanceMark['kind'],
  at: r.at,
  coveringPersonId: r.covering_person_id,
  coveringName: r.covering_name,
  note: r.note,
  recordedBy: r.recorded_by,
  voided: r.voided_at !== null,
  voidReason: r.void_reason,
});

const select = `SELECT m.*, p.name AS person_name, c.name AS covering_name FROM attendance_marks m
  LEFT JOIN people p ON p.id = m.person_id LEFT JOIN people c ON c.id = m.covering_person_id`;

export function insertMark(
  db: Db,
  m: { dutyDate: string; shiftId: number; personId: number; kind: AttendanceMark['kind']; at: string; coveringPersonId: number | null; note: string | null },
  by: string,
  recordedAt: string,
): AttendanceMark {
  const info = db
    .prepare(
      `INSERT INTO attendance_marks (duty_date, shift_id, person_id, kind, at, covering_person_id, note, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(m.dutyDate, m.shiftId, m.personId, m.kind, m.at, m.coveringPersonId, m.note, by, recordedAt);
  return getMark(db, Number(info.lastInsertRowid))!;
}

export function getMark(db: Db, id: number): AttendanceMark | null {
  const r = db.prepare(`${select} WHERE m.id = ?`).get(id) as MarkRow | undefined;
  return r ? rowToMark(r) : null;
}

export function voidMark(db: Db, id: number, reason: string, by: string, at: string): AttendanceMark {
  db.prepare('UPDATE attendance_marks SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(at, by, reason, id);
  return getMark(db, id)!;
}

/** Marks of duty days [from, to], voided ones included, in time order. */
export function marksBetween(db: Db, from: string, to: string): AttendanceMark[] {
  return (db.prepare(`${select} WHERE m.duty_date BETWEEN ? AND ? ORDER BY m.at, m.id`).all(from, to) as MarkRow[]).map(rowToMark);
}

/** Marks recorded at instants [fromIso, toIso), not voided. */
export function marksInPeriod(db: Db, fromIso: string, toIso: string): AttendanceMark[] {
  return (db.prepare(`${select} WHERE m.at >= ? AND m.at < ? AND m.voided_at IS NULL ORDER BY m.at, m.id`).all(fromIso, toIso) as MarkRow[]).map(
    rowToMark,
  );
}
