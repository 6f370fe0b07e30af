/**
 * Who is on duty, read from the live index of published roster versions
 * (`roster_live`, written by the roster's publication), and the roster
 * notices shown to the people concerned.
 */
import type { DutyNotice } from '../../../shared/contract/duty';
import type { DutyRole } from '../../../shared/roles';
import type { Db } from '../store/connection';

export interface LiveRow {
  date: string;
  shift_id: number;
  role: DutyRole;
  idx: number;
  plan_id: number;
  version: number;
  person_id: number;
  start_at: string;
  end_at: string;
}

/** Longest shift we ever store (a full duty day), bounding the index range scan. */
const maxShiftMs = 1440 * 60_000;

/** Live slots running at an instant (bounded range scan on `start_at`). */
export function liveAt(db: Db, at: string): LiveRow[] {
  const lower = new Date(Date.parse(at) - maxShiftMs).toISOString();
  return db
    .prepare('SELECT * FROM roster_live WHERE start_at > ? AND start_at <= ? AND end_at > ? ORDER BY start_at, shift_id, role, idx')
    .all(lower, at, at) as LiveRow[];
}

/** The first live slots starting after an instant (all slots of that start). */
export function liveNextAfter(db: Db, at: string): LiveRow[] {
  const first = db.prepare('SELECT start_at FROM roster_live WHERE start_at > ? ORDER BY start_at LIMIT 1').get(at) as
    { start_at: string } | undefined;
  if (!first) return [];
  return db.prepare('SELECT * FROM roster_live WHERE start_at = ? ORDER BY shift_id, role, idx').all(first.start_at) as LiveRow[];
}

export function liveBetween(db: Db, fromDate: string, toDate: string): LiveRow[] {
  return db
    .prepare('SELECT * FROM roster_live WHERE date >= ? AND date <= ? ORDER BY date, start_at, shift_id, role, idx')
    .all(fromDate, toDate) as LiveRow[];
}

export function liveForPerson(db: Db, personId: number, fromAt: string, limit: number): LiveRow[] {
  return db
    .prepare('SELECT * FROM roster_live WHERE person_id = ? AND end_at > ? ORDER BY start_at LIMIT ?')
    .all(personId, fromAt, limit) as LiveRow[];
}

// ── notices ───────────────────────────────────────────────────────────────────

interface NoticeRow {
  id: number;
  person_id: number;
  kind: DutyNotice['kind'];
  swap_id: number | null;
  params: string;
  created_at: string;
  read_at: string | null;
}

export function insertNotice(
  db: Db,
  n: { personId: number; kind: DutyNotice['kind']; swapId: number | null; params: Record<string, string | number> },
  at: string,
): void {
  db.prepare('INSERT INTO roster_notices (person_id, kind, swap_id, params, created_at) VALUES (?, ?, ?, ?, ?)').run(
    n.personId,
    n.kind,
    n.swapId,
    JSON.stringify(n.params),
    at,
  );
}

export function listNotices(db: Db, personId: number): DutyNotice[] {
  const rows = db.prepare('SELECT * FROM roster_notices WHERE person_id = ? ORDER BY id DESC LIMIT 20').all(personId) as NoticeRow[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    swapId: r.swap_id,
    params: JSON.parse(r.params) as Record<string, string | number>,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

export function getNoticeOwner(db: Db, id: number): number | null {
  const r = db.prepare('SELECT person_id FROM roster_notices WHERE id = ?').get(id) as { person_id: number } | undefined;
  return r?.person_id ?? null;
}

export function markNoticeRead(db: Db, id: number, at: string): void {
  db.prepare('UPDATE roster_notices SET read_at = ? WHERE id = ? AND read_at IS NULL').run(at, id);
}
