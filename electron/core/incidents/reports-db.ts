/**
 * Filed reports of incidents (首报 / 续报 / 终报): written once, never edited.
 */
import type { Report } from '../../../shared/contract/incidents';
import type { ReportKind, ReportMethod } from '../../../shared/domain/incident';
import { reportTitle } from '../../../shared/domain/incident';
import type { Db } from '../store/connection';

// ── deadlines
// ── reports

interface ReportRow {
  id: number;
  incident_id: number;
  kind: string;
  followup_no: number | null;
  content: string;
  recipient: string;
  method: string;
  sent_at: string;
  signed_by: string | null;
  recorded_at: string;
  recorded_by: string;
  incident_version: number;
  met: string;
  late: number;
}

export const rowToReport = (r: ReportRow): Report => ({
  id: r.id,
  incidentId: r.incident_id,
  kind: r.kind as ReportKind,
  followupNo: r.followup_no,
  title: reportTitle(r.kind as ReportKind, r.followup_no),
  content: r.content,
  recipient: r.recipient,
  method: r.method as ReportMethod,
  sentAt: r.sent_at,
  signedBy: r.signed_by,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  incidentVersion: r.incident_version,
  met: JSON.parse(r.met) as Report['met'],
  late: r.late === 1,
});

export function reportsOf(db: Db, incidentId: number): Report[] {
  return (db.prepare('SELECT * FROM incident_reports WHERE incident_id = ? ORDER BY id').all(incidentId) as ReportRow[]).map(rowToReport);
}

export function getReport(db: Db, id: number): Report | null {
  const r = db.prepare('SELECT * FROM incident_reports WHERE id = ?').get(id) as ReportRow | undefined;
  return r ? rowToReport(r) : null;
}

export function insertReport(db: Db, r: Omit<Report, 'id' | 'title'>): Report {
  const info = db
    .prepare(
      `INSERT INTO incident_reports (incident_id, kind, followup_no, content, recipient, method, sent_at, signed_by, recorded_at, recorded_by,
         incident_version, met, late)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.incidentId,
      r.kind,
      r.followupNo,
      r.content,
      r.recipient,
      r.method,
      r.sentAt,
      r.signedBy,
      r.recordedAt,
      r.recordedBy,
      r.incidentVersion,
      JSON.stringify(r.met),
      r.late ? 1 : 0,
    );
  return getReport(db, Number(info.lastInsertRowid))!;
}
