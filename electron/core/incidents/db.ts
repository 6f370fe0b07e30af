/**
 * Incidents, their versions, status changes, deadlines, reports,
 * instructions and attachments.
 */
import type { Db } from '../store/connection';
import type {
  Attachment,
  Deadline,
  Incident,
  IncidentFields,
  IncidentSummary,
  IncidentVersion,
  Instruction,
  Report,
} from '../../../shared/contract/incidents';
import type {
  IncidentCategory,
  IncidentLevel,
  IncidentStatus,
  IncidentSubType,
  ReportKind,
  ReportMethod,
} from '../../../shared/domain/incident';
import { reportTitle } from '../../../shared/domain/incident';
import { deadlineState, type DeadlineKind } from '../../../shared/domain/deadline';
import type { GradingBasis } from '../../../shared/domain/grading';

export interface IncidentRow {
  id: number;
  no: string;
  version: number;
  status: string;
  title: string;
  category: string;
  sub_type: string;
  level: number;
  occurred_at: string;
  learned_at: string;
  location: string | null;
  unit: string | null;
  source: string | null;
  description: string | null;
  deaths: number;
  missing: number;
  serious_injuries: number;
  injuries: number;
  direct_loss_yuan: number;
  scope: string | null;
  trend: string | null;
  leaders_on_site: string | null;
  measures: string | null;
  suggested_level: number | null;
  suggested_basis: string;
  level_override_by: string | null;
  level_override_reason: string | null;
  level_override_at: string | null;
  from_log_entry_id: number | null;
  supplement_until: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export const rowToIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  no: r.no,
  version: r.version,
  status: r.status as IncidentStatus,
  title: r.title,
  category: r.category as IncidentCategory,
  subType: r.sub_type as IncidentSubType,
  level: r.level as IncidentLevel,
  occurredAt: r.occurred_at,
  learnedAt: r.learned_at,
  location: r.location,
  unit: r.unit,
  source: r.source,
  description: r.description,
  deaths: r.deaths,
  missing: r.missing,
  seriousInjuries: r.serious_injuries,
  injuries: r.injuries,
  directLossYuan: r.direct_loss_yuan,
  scope: r.scope,
  trend: r.trend,
  leadersOnSite: r.leaders_on_site,
  measures: r.measures,
  suggestedLevel: r.suggested_level as IncidentLevel | null,
  suggestedBasis: JSON.parse(r.suggested_basis) as GradingBasis[],
  levelOverride:
    r.level_override_reason !== null
      ? { by: r.level_override_by ?? '', reason: r.level_override_reason, at: r.level_override_at ?? '' }
      : null,
  fromLogEntryId: r.from_log_entry_id,
  supplementUntil: r.supplement_until,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

export const fieldsOf = (i: IncidentFields): IncidentFields => ({
  title: i.title,
  category: i.category,
  subType: i.subType,
  level: i.level,
  occurredAt: i.occurredAt,
  learnedAt: i.learnedAt,
  location: i.location,
  unit: i.unit,
  source: i.source,
  description: i.description,
  deaths: i.deaths,
  missing: i.missing,
  seriousInjuries: i.seriousInjuries,
  injuries: i.injuries,
  directLossYuan: i.directLossYuan,
  scope: i.scope,
  trend: i.trend,
  leadersOnSite: i.leadersOnSite,
  measures: i.measures,
});

export interface IncidentMeta {
  suggestedLevel: IncidentLevel | null;
  suggestedBasis: GradingBasis[];
  levelOverride: { by: string; reason: string; at: string } | null;
  supplementUntil: string | null;
}

const bindFields = (f: IncidentFields, m: IncidentMeta) => ({
  title: f.title,
  category: f.category,
  subType: f.subType,
  level: f.level,
  occurredAt: f.occurredAt,
  learnedAt: f.learnedAt,
  location: f.location,
  unit: f.unit,
  source: f.source,
  description: f.description,
  deaths: f.deaths,
  missing: f.missing,
  seriousInjuries: f.seriousInjuries,
  injuries: f.injuries,
  directLossYuan: f.directLossYuan,
  scope: f.scope,
  trend: f.trend,
  leadersOnSite: f.leadersOnSite,
  measures: f.measures,
  suggestedLevel: m.suggestedLevel,
  suggestedBasis: JSON.stringify(m.suggestedBasis),
  overrideBy: m.levelOverride?.by ?? null,
  overrideReason: m.levelOverride?.reason ?? null,
  overrideAt: m.levelOverride?.at ?? null,
  supplementUntil: m.supplementUntil,
});

export function getIncident(db: Db, id: number): Incident | null {
  const r = db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
  return r ? rowToIncident(r) : null;
}

/** Next display number of a year: 2026-0001, 2026-0002 … */
export function nextIncidentNo(db: Db, year: string): string {
  const r = db.prepare("SELECT max(CAST(substr(no, 6) AS INTEGER)) AS n FROM incidents WHERE no LIKE ? || '-%'").get(year) as {
    n: number | null;
  };
  return `${year}-${String((r.n ?? 0) + 1).padStart(4, '0')}`;
}

export function insertIncident(
  db: Db,
  f: IncidentFields,
  m: IncidentMeta,
  extra: { no: string; fromLogEntryId: number | null },
  by: string,
  at: string,
): Incident {
  const info = db
    .prepare(
      `INSERT INTO incidents (no, version, status, title, category, sub_type, level, occurred_at, learned_at, location, unit, source, description,
         deaths, missing, serious_injuries, injuries, direct_loss_yuan, scope, trend, leaders_on_site, measures,
         suggested_level, suggested_basis, level_override_by, level_override_reason, level_override_at,
         from_log_entry_id, supplement_until, created_at, created_by, updated_at)
       VALUES (@no, 1, 'open', @title, @category, @subType, @level, @occurredAt, @learnedAt, @location, @unit, @source, @description,
         @deaths, @missing, @seriousInjuries, @injuries, @directLossYuan, @scope, @trend, @leadersOnSite, @measures,
         @suggestedLevel, @suggestedBasis, @overrideBy, @overrideReason, @overrideAt,
         @fromLogEntryId, @supplementUntil, @at, @by, @at)`,
    )
    .run({ ...bindFields(f, m), no: extra.no, fromLogEntryId: extra.fromLogEntryId, at, by });
  const id = Number(info.lastInsertRowid);
  db.prepare('INSERT INTO incident_versions (incident_id, version, data, reason, at, by) VALUES (?, 1, ?, NULL, ?, ?)').run(
    id,
    JSON.stringify(fieldsOf(f)),
    at,
    by,
  );
  return getIncident(db, id)!;
}

export function updateIncident(
  db: Db,
  id: number,
  version: number,
  f: IncidentFields,
  m: IncidentMeta,
  reason: string,
  by: string,
  at: string,
): Incident {
  db.prepare(
    `UPDATE incidents SET version = @version, title = @title, category = @category, sub_type = @subType, level = @level,
       occurred_at = @occurredAt, learned_at = @learnedAt, location = @location, unit = @unit, source = @source, description = @description,
       deaths = @deaths, missing = @missing, serious_injuries = @seriousInjuries, injuries = @injuries, direct_loss_yuan = @directLossYuan,
       scope = @scope, trend = @trend, leaders_on_site = @leadersOnSite, measures = @measures,
       suggested_level = @suggestedLevel, suggested_basis = @suggestedBasis, level_override_by = @overrideBy,
       level_override_reason = @overrideReason, level_override_at = @overrideAt, supplement_until = @supplementUntil, updated_at = @at
     WHERE id = @id`,
  ).run({ ...bindFields(f, m), id, version, at });
  db.prepare('INSERT INTO incident_versions (incident_id, version, data, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    version,
    JSON.stringify(fieldsOf(f)),
    reason,
    at,
    by,
  );
  return getIncident(db, id)!;
}

export function incidentVersions(db: Db, id: number): IncidentVersion[] {
  const rows = db.prepare('SELECT version, data, reason, at, by FROM incident_versions WHERE incident_id = ? ORDER BY version').all(id) as {
    version: number;
    data: string;
    reason: string | null;
    at: string;
    by: string;
  }[];
  return rows.map((r) => ({ version: r.version, fields: JSON.parse(r.data) as IncidentFields, reason: r.reason, at: r.at, by: r.by }));
}

export function incidentVersion(db: Db, id: number, version: number): IncidentFields | null {
  const r = db.prepare('SELECT data FROM incident_versions WHERE incident_id = ? AND version = ?').get(id, version) as
    { data: string } | undefined;
  return r ? (JSON.parse(r.data) as IncidentFields) : null;
}

export function setIncidentStatus(
  db: Db,
  id: number,
  from: IncidentStatus,
  to: IncidentStatus,
  reason: string | null,
  by: string,
  at: string,
): Incident {
  db.prepare('UPDATE incidents SET status = ?, updated_at = ? WHERE id = ?').run(to, at, id);
  db.prepare('INSERT INTO incident_status_changes (incident_id, from_status, to_status, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    from,
    to,
    reason,
    at,
    by,
  );
  return getIncident(db, id)!;
}

export function statusChanges(db: Db, id: number) {
  return db
    .prepare('SELECT from_status, to_status, reason, at, by FROM incident_status_changes WHERE incident_id = ? ORDER BY id')
    .all(id) as {
    from_status: IncidentStatus;
    to_status: IncidentStatus;
    reason: string | null;
    at: string;
    by: string;
  }[];
}

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
}

export const rowToDeadline = (r: DeadlineRow, now: number): Deadline => ({
  id: r.id,
  incidentId: r.incident_id,
  kind: r.kind as DeadlineKind,
  dueAt: r.due_at,
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

export function insertDeadline(db: Db, incidentId: number, kind: DeadlineKind, dueAt: string, at: string): void {
  db.prepare('INSERT INTO incident_deadlines (incident_id, kind, due_at, created_at) VALUES (?, ?, ?, ?)').run(incidentId, kind, dueAt, at);
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

// ── instructions

interface InstructionRow {
  id: number;
  incident_id: number;
  leader_name: string;
  text: string;
  given_at: string;
  recorded_at: string;
  recorded_by: string;
  escalation_id: number | null;
}

const rowToInstruction = (r: InstructionRow): Instruction => ({
  id: r.id,
  incidentId: r.incident_id,
  leaderName: r.leader_name,
  text: r.text,
  givenAt: r.given_at,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  escalationId: r.escalation_id,
});

export function insertInstruction(db: Db, i: Omit<Instruction, 'id'>): Instruction {
  const info = db
    .prepare(
      'INSERT INTO incident_instructions (incident_id, leader_name, text, given_at, recorded_at, recorded_by, escalation_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(i.incidentId, i.leaderName, i.text, i.givenAt, i.recordedAt, i.recordedBy, i.escalationId);
  return rowToInstruction(
    db.prepare('SELECT * FROM incident_instructions WHERE id = ?').get(Number(info.lastInsertRowid)) as InstructionRow,
  );
}

export function instructionsOf(db: Db, incidentId: number): Instruction[] {
  return (
    db.prepare('SELECT * FROM incident_instructions WHERE incident_id = ? ORDER BY given_at, id').all(incidentId) as InstructionRow[]
  ).map(rowToInstruction);
}

// ── attachments

interface AttachmentRow {
  id: number;
  incident_id: number;
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
  incidentId: r.incident_id,
  name: r.name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  addedAt: r.added_at,
  addedBy: r.added_by,
  voided: r.voided_at !== null,
  voidReason: r.void_reason,
});

export function insertAttachment(db: Db, a: Omit<Attachment, 'id' | 'voided' | 'voidReason'>): Attachment {
  const info = db
    .prepare('INSERT INTO incident_attachments (incident_id, name, mime, size, sha256, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(a.incidentId, a.name, a.mime, a.size, a.sha256, a.addedAt, a.addedBy);
  return getAttachment(db, Number(info.lastInsertRowid))!;
}

export function getAttachment(db: Db, id: number): Attachment | null {
  const r = db.prepare('SELECT * FROM incident_attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
  return r ? rowToAttachment(r) : null;
}

export function attachmentsOf(db: Db, incidentId: number): Attachment[] {
  return (db.prepare('SELECT * FROM incident_attachments WHERE incident_id = ? ORDER BY id').all(incidentId) as AttachmentRow[]).map(
    rowToAttachment,
  );
}

export function voidAttachment(db: Db, id: number, reason: string, by: string, at: string): Attachment {
  db.prepare('UPDATE incident_attachments SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(
    at,
    by,
    reason,
    id,
  );
  return getAttachment(db, id)!;
}

// ── list

export interface IncidentListQuery {
  status?: IncidentStatus[];
  category?: IncidentCategory;
  level?: IncidentLevel;
  /** Learned-at bounds (UTC ISO, inclusive start, exclusive end). */
  fromIso?: string;
  toIso?: string;
  query?: string;
  limit: number;
}

export function listIncidents(db: Db, q: IncidentListQuery, now: number): IncidentSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.status?.length) {
    where.push(`i.status IN (${q.status.map(() => '?').join(', ')})`);
    params.push(...q.status);
  }
  if (q.category) {
    where.push('i.category = ?');
    params.push(q.category);
  }
  if (q.level) {
    where.push('i.level = ?');
    params.push(q.level);
  }
  if (q.fromIso) {
    where.push('i.learned_at >= ?');
    params.push(q.fromIso);
  }
  if (q.toIso) {
    where.push('i.learned_at < ?');
    params.push(q.toIso);
  }
  if (q.query) {
    const like = `%${q.query.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
    where.push(`(i.title LIKE ? ESCAPE '\\' OR i.location LIKE ? ESCAPE '\\' OR i.unit LIKE ? ESCAPE '\\' OR i.no LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like);
  }
  params.push(q.limit);
  const rows = db
    .prepare(
      `SELECT i.*,
         (SELECT count(*) FROM incident_reports r WHERE r.incident_id = i.id) AS report_count,
         (SELECT count(*) FROM incident_reports r WHERE r.incident_id = i.id AND r.late = 1) AS late_count,
         (SELECT d.kind || '|' || d.due_at FROM incident_deadlines d
            WHERE d.incident_id = i.id AND d.met_at IS NULL AND d.superseded_at IS NULL ORDER BY d.due_at LIMIT 1) AS next_deadline,
         (SELECT s.text FROM incident_instructions s WHERE s.incident_id = i.id ORDER BY s.given_at DESC, s.id DESC LIMIT 1) AS last_instruction
       FROM incidents i ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY i.learned_at DESC, i.id DESC LIMIT ?`,
    )
    .all(...params) as (IncidentRow & {
    report_count: number;
    late_count: number;
    next_deadline: string | null;
    last_instruction: string | null;
  })[];
  return rows.map((r) => {
    const [kind, dueAt] = r.next_deadline ? (r.next_deadline.split('|') as [DeadlineKind, string]) : [null, null];
    return {
      id: r.id,
      no: r.no,
      title: r.title,
      category: r.category as IncidentCategory,
      subType: r.sub_type as IncidentSubType,
      level: r.level as IncidentLevel,
      status: r.status as IncidentStatus,
      occurredAt: r.occurred_at,
      learnedAt: r.learned_at,
      deaths: r.deaths,
      missing: r.missing,
      levelOverridden: r.level_override_reason !== null,
      reportCount: r.report_count,
      lateCount: r.late_count,
      nextDeadline: kind && dueAt ? { kind, dueAt, overdue: Date.parse(dueAt) < now } : null,
      lastInstruction: r.last_instruction,
    };
  });
}
