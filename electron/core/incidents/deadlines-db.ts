/**
 * Report deadlines of incidents: one row per deadline, superseded when the
 * level changes, met by the report that answered it.
 */
import type { Deadline } from '../../../shared/contract/incidents';
import { deadlineState, type DeadlineBasis, type DeadlineKind } from '../../../shared/domain/deadline';
import type { Db } from '../store/connection';

// ── deadlines

interface DeadlineRow {
  id: number;
  incident_id: number;
  kind: string;
  due_at: string;
  met_at: string | null;
  met_by_report_id: number | null;
  superseded_at: string | null;
  created_at: string;
  basis: string | null;
}

export const rowToDeadline = (r: DeadlineRow, now: number): Deadline => ({
  id: r.id,
  incidentId: r.incident_id,
  kind: r.kind as DeadlineKind,
  dueAt: r.due_at,
  basis: r.basis as DeadlineBasis | null,
  metAt: r.met_at,
  metByReportId: r.met_by_report_id,
  state: deadlineState(Date.parse(r.due_at), r.met_at ? Date.parse(r.met_at) : null, now),
  createdAt: r.created_at,
});

/** The deadlines in force (not superseded), oldest first. */
export function activeDeadlines(db: Db, incidentId: number, now: number): Deadline[] {
  return (
    db
      .prepare('SELECT * FROM incident_deadlines WHERE incident_id = ? AND superseded_at IS NULL ORDER BY due_at, id')
      .all(incidentId) as DeadlineRow[]
  ).map((r) => rowToDeadline(r, now));
}

export function insertDeadline(db: Db, incidentId: number, kind: DeadlineKind, dueAt: string, at: string, basis: DeadlineBasis | null): void {
  db.prepare('INSERT INTO incident_deadlines (incident_id, kind, due_at, created_at, basis) VALUES (?, ?, ?, ?, ?)').run(incidentId, kind, dueAt, at, basis);
}

export function supersedeDeadline(db: Db, id: number, at: string): void {
  db.prepare('UPDATE incident_deadlines SET superseded_at = ? WHERE id = ? AND met_at IS NULL').run(at, id);
}

export function meetDeadline(db: Db, id: number, reportId: number, metAt: string): void {
  db.prepare('UPDATE incident_deadlines SET met_at = ?, met_by_report_id = ? WHERE id = ? AND met_at IS NULL').run(metAt, reportId, id);
}

/** Every unmet deadline in force, across incidents, soonest first. */
export function openDeadlines(db: Db): (DeadlineRow & { no: string; title: string; level: number })[] {
  return db
    .prepare(
      `SELECT d.*, i.no, i.title, i.level FROM incident_deadlines d JOIN incidents i ON i.id = d.incident_id
       WHERE d.met_at IS NULL AND d.superseded_at IS NULL ORDER BY d.due_at, d.id`,
    )
    .all() as (DeadlineRow & { no: string; title: string; level: number })[];
}
