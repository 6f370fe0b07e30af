/**
 * Daily and zero reports (值班日报 / 零报告) and their versions; plus the
 * read-only counts a report period needs from the incidents' tables.
 * A sent report is final (trigger); a report is voided with a reason, never deleted.
 */
import type { DailyReport, DailyReportStats } from '../../../shared/contract/reports';
import type { ReportMethod } from '../../../shared/domain/incident';
import type { Db } from '../store/connection';

interface ReportRow {
  id: number;
  report_date: string;
  version: number;
  kind: string;
  state: string;
  period_start: string;
  period_end: string;
  due_at: string;
  summary: string;
  stats: string;
  drafted_by: string;
  drafted_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  recipient: string | null;
  method: string | null;
  sent_at: string | null;
  sent_by: string | null;
  late: number | null;
  updated_by: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

const rowToReport = (r: ReportRow): DailyReport => ({
  id: r.id,
  reportDate: r.report_date,
  version: r.version,
  kind: r.kind as DailyReport['kind'],
  state: r.state as DailyReport['state'],
  periodStart: r.period_start,
  periodEnd: r.period_end,
  dueAt: r.due_at,
  summary: r.summary,
  stats: JSON.parse(r.stats) as DailyReportStats,
  draftedBy: r.drafted_by,
  draftedAt: r.drafted_at,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
  reviewNote: r.review_note,
  recipient: r.recipient,
  method: r.method as ReportMethod | null,
  sentAt: r.sent_at,
  sentBy: r.sent_by,
  late: r.late === null ? null : r.late === 1,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  voided: r.voided_at !== null,
  voidReason: r.void_reason,
});

export function getDailyReport(db: Db, id: number): DailyReport | null {
  const r = db.prepare('SELECT * FROM daily_reports WHERE id = ?').get(id) as ReportRow | undefined;
  return r ? rowToReport(r) : null;
}

/** The live (not voided) report of a date. */
export function liveReportOf(db: Db, date: string): DailyReport | null {
  const r = db.prepare('SELECT * FROM daily_reports WHERE report_date = ? AND voided_at IS NULL').get(date) as ReportRow | undefined;
  return r ? rowToReport(r) : null;
}

export function voidedReportsOf(db: Db, date: string): DailyReport[] {
  return (db.prepare('SELECT * FROM daily_reports WHERE report_date = ? AND voided_at IS NOT NULL ORDER BY id').all(date) as ReportRow[]).map(rowToReport);
}

/** Live reports of dates [from, to]. */
export function reportsBetween(db: Db, from: string, to: string): DailyReport[] {
  return (db.prepare('SELECT * FROM daily_reports WHERE report_date BETWEEN ? AND ? AND voided_at IS NULL ORDER BY report_date').all(from, to) as ReportRow[]).map(
    rowToReport,
  );
}

/** Drafted reports waiting for the leader's review. */
export function reportsToReview(db: Db): DailyReport[] {
  return (db.prepare("SELECT * FROM daily_reports WHERE state = 'draft' AND voided_at IS NULL ORDER BY report_date").all() as ReportRow[]).map(rowToReport);
}

function appendVersion(db: Db, r: DailyReport, reason: string | null): void {
  db.prepare('INSERT INTO daily_report_versions (report_id, version, data, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(
    r.id,
    r.version,
    JSON.stringify(r),
    reason,
    r.updatedAt,
    r.updatedBy,
  );
}

export function insertDailyReport(
  db: Db,
  r: Pick<DailyReport, 'reportDate' | 'kind' | 'periodStart' | 'periodEnd' | 'dueAt' | 'summary' | 'stats'>,
  by: string,
  at: string,
): DailyReport {
  const info = db
    .prepare(
      `INSERT INTO daily_reports (report_date, version, kind, state, period_start, period_end, due_at, summary, stats, drafted_by, drafted_at, updated_by, updated_at)
       VALUES (?, 1, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(r.reportDate, r.kind, r.periodStart, r.periodEnd, r.dueAt, r.summary, JSON.stringify(r.stats), by, at, by, at);
  const out = getDailyReport(db, Number(info.lastInsertRowid))!;
  appendVersion(db, out, null);
  return out;
}

export type DailyReportPatch = Partial<{
  kind: DailyReport['kind'];
  state: DailyReport['state'];
  summary: string;
  stats: DailyReportStats;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  recipient: string;
  method: ReportMethod;
  sentAt: string;
  sentBy: string;
  late: boolean;
}>;

const columns: Record<keyof DailyReportPatch, string> = {
  kind: 'kind',
  state: 'state',
  summary: 'summary',
  stats: 'stats',
  reviewedBy: 'reviewed_by',
  reviewedAt: 'reviewed_at',
  reviewNote: 'review_note',
  recipient: 'recipient',
  method: 'method',
  sentAt: 'sent_at',
  sentBy: 'sent_by',
  late: 'late',
};

export function updateDailyReport(db: Db, cur: DailyReport, patch: DailyReportPatch, reason: string | null, by: string, at: string): DailyReport {
  const sets = ['version = ?', 'updated_by = ?', 'updated_at = ?'];
  const values: unknown[] = [cur.version + 1, by, at];
  for (const [k, v] of Object.entries(patch) as [keyof DailyReportPatch, unknown][]) {
    sets.push(`${columns[k]} = ?`);
    values.push(k === 'stats' ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v);
  }
  db.prepare(`UPDATE daily_reports SET ${sets.join(', ')} WHERE id = ?`).run(...values, cur.id);
  const out = getDailyReport(db, cur.id)!;
  appendVersion(db, out, reason);
  return out;
}

export function voidDailyReport(db: Db, id: number, reason: string, by: string, at: string): DailyReport {
  db.prepare('UPDATE daily_reports SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(at, by, reason, id);
  return getDailyReport(db, id)!;
}

// ── what a period held, from the incidents' tables (read only)

/** Incident reports (首报/续报/终报) recorded in [fromIso, toIso). */
export const incidentReportsIn = (db: Db, fromIso: string, toIso: string): number =>
  (db.prepare('SELECT count(*) AS n FROM incident_reports WHERE recorded_at >= ? AND recorded_at < ?').get(fromIso, toIso) as { n: number }).n;

/** Escalations started in [fromIso, toIso): how many, acknowledged, still pending. */
export function escalationsIn(db: Db, fromIso: string, toIso: string): { started: number; acknowledged: number; pending: number } {
  return db
    .prepare(
      `SELECT count(*) AS started,
         coalesce(sum(acknowledged_at IS NOT NULL), 0) AS acknowledged,
         coalesce(sum(acknowledged_at IS NULL AND cancelled_at IS NULL), 0) AS pending
       FROM escalations WHERE started_at >= ? AND started_at < ?`,
    )
    .get(fromIso, toIso) as { started: number; acknowledged: number; pending: number };
}
