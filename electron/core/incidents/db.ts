/**
 * Incidents, their versions, status changes, deadlines, reports,
 * instructions and attachments.
 */
import type { Incident, IncidentFields, IncidentSummary, IncidentVersion } from '../../../shared/contract/incidents';
import { type DeadlineKind } from '../../../shared/domain/deadline';
import type { GradingBasis } from '../../../shared/domain/grading';
import type { IncidentCategory, IncidentLevel, IncidentStatus, IncidentSubType } from '../../../shared/domain/incident';
import type { Db } from '../store/connection';
import { likeAny, nextYearNo } from '../store/stmt';

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

/** Incidents not closed, oldest first. */
export function openIncidents(db: Db): Incident[] {
  return (db.prepare("SELECT * FROM incidents WHERE status != 'closed' ORDER BY id").all() as IncidentRow[]).map(rowToIncident);
}

/** Next display number of a year: 2026-0001, 2026-0002 … */
export const nextIncidentNo = (db: Db, year: string): string => nextYearNo(db, 'incidents', '', year, 4);

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
// ── reports
// ── instructions
// ── attachments
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
    const search = likeAny(['i.title', 'i.location', 'i.unit', 'i.no'], q.query);
    where.push(search.sql);
    params.push(...search.params);
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
