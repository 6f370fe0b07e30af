/**
 * Incidents: raise, edit as versions, grade, set level and status, keep
 * deadlines in step, file reports, build templates and the detail view.
 */
import crypto from 'node:crypto';
import type { Deadline, Incident, IncidentDetail, IncidentFields, Input, Report, TimelineItem } from '../../../shared/contract';
import type { DeadlineDrift } from '../../../shared/contract/incidents';
import type { Db } from '../store/connection';
import { meetsDeadline, reportDeadlines, supplementDeadline, supplementWindowEnd, type DeadlineSubject, type ReportRules } from '../../../shared/domain/deadline';
import { gradeWorkSafety, isWorkSafetyGraded } from '../../../shared/domain/grading';
import {
    canMoveStatus,
    isSubTypeOf,
    nextReportKinds,
    reportTitle,
    type IncidentLevel,
    type IncidentStatus,
    type ReportKind,
} from '../../../shared/domain/incident';
import { firstReportText, followupReportText } from '../../../shared/domain/incident-report';
import { DomainError } from '../../../shared/errors';

import type { ReadCtx, WriteCtx } from '../context';
import { getContact } from '../directory/contacts-db';
import { getLogEntry, linkLogEntry, logEntriesOfIncident } from '../log/db';
import {
    fieldsOf,
    getIncident,
    incidentVersion,
    incidentVersions,
    insertIncident,
    nextIncidentNo,
    openIncidents,
    setIncidentStatus,
    statusChanges,
    updateIncident,
    type IncidentMeta,
} from './db';

import type { Instruction } from '../../../shared/contract/incidents';
import { localDate } from '../../../shared/time';
import { actorName, deskTimeZone, iso, toUtc } from '../context';
import { escalationViews } from '../escalation/service';
import { activeDeadlines, insertDeadline, meetDeadline, supersedeDeadline } from "./deadlines-db";
import { attachmentsOf, getInstruction, insertFollowUp, insertInstruction, instructionsOf, instructionsWithFollowUp } from "./records-db";
import type { FollowUpState, OpenInstruction } from '../../../shared/contract/leader';
import { insertReport, reportsOf } from "./reports-db";
import { getEscalationSettings, getReportRules } from './settings';

export function mustIncident(ctx: Pick<ReadCtx, 'db'>, id: number): Incident {
  const i = getIncident(ctx.db, id);
  if (!i) throw new DomainError('NOT_FOUND', 'incidents.errors.incidentNotFound', { id });
  return i;
}

const isLeader = (ctx: Pick<ReadCtx, 'session'>): boolean => !!ctx.session?.roles.some((r) => r === 'leader' || r === 'admin');

function checkFields(f: IncidentFields): void {
  if (!isSubTypeOf(f.category, f.subType)) throw new DomainError('VALIDATION', 'incidents.errors.subTypeMismatch');
  if (Date.parse(f.learnedAt) < Date.parse(f.occurredAt)) throw new DomainError('VALIDATION', 'incidents.errors.learnedBeforeOccurred');
}

function suggestionOf(f: IncidentFields): Pick<IncidentMeta, 'suggestedLevel' | 'suggestedBasis'> {
  if (!isWorkSafetyGraded(f.category, f.subType)) return { suggestedLevel: null, suggestedBasis: [] };
  const g = gradeWorkSafety({ deaths: f.deaths, missing: f.missing, seriousInjuries: f.seriousInjuries, directLossYuan: f.directLossYuan });
  return { suggestedLevel: g.level, suggestedBasis: g.basis };
}

function supplementUntil(f: IncidentFields, rules: ReportRules): string | null {
  const end = supplementWindowEnd(f.category, f.subType, Date.parse(f.occurredAt), rules);
  return end === null ? null : iso(end);
}

const normalise = (f: IncidentFields): IncidentFields => ({ ...f, occurredAt: toUtc(f.occurredAt), learnedAt: toUtc(f.learnedAt) });

const subjectOf = (inc: Incident): DeadlineSubject => ({
  level: inc.level,
  category: inc.category,
  subType: inc.subType,
  occurredAt: Date.parse(inc.occurredAt),
  learnedAt: Date.parse(inc.learnedAt),
});

/**
 * Brings the first-report/written deadlines in line with the incident and the rules.
 *
 * A met deadline is history and stays. An unmet deadline already overdue is
 * never superseded — lowering the level must not hide a missed report. Other
 * unmet deadlines are replaced when the rule gives a different instant. A new
 * deadline that an earlier report already satisfies is recorded as met by it.
 */
export function syncDeadlines(ctx: WriteCtx, inc: Incident, rules: ReportRules): void {
  const at = iso(ctx.now);
  const specs = reportDeadlines(subjectOf(inc), rules);
  const active = activeDeadlines(ctx.db, inc.id, ctx.now);
  const reports = reportsOf(ctx.db, inc.id);
  for (const kind of ['phone', 'written'] as const) {
    const spec = specs.find((s) => s.kind === kind);
    const rows = active.filter((d) => d.kind === kind);
    if (rows.some((d) => d.metAt !== null)) continue;
    const keep = rows.filter((d) => d.state === 'overdue' || (spec && Date.parse(d.dueAt) === spec.dueAt));
    for (const d of rows) if (!keep.includes(d)) supersedeDeadline(ctx.db, d.id, at);
    if (!spec || keep.length > 0) continue;
    insertDeadline(ctx.db, inc.id, kind, iso(spec.dueAt), at, spec.basis);
    const met = reports.find((r) => meetsDeadline(kind, r.method));
    if (met) {
      const row = activeDeadlines(ctx.db, inc.id, ctx.now).find((d) => d.kind === kind && d.metAt === null)!;
      meetDeadline(ctx.db, row.id, met.id, met.sentAt);
    }
  }
}

/**
 * What today's rules would change on an open incident's unmet deadlines, or null.
 *
 * Deadlines are set when an incident is learned of (and when its level or
 * times change); a later change of the rules does not move them by itself —
 * the incident page shows the difference and a leader may re-apply.
 */
export function deadlineDrift(db: Db, inc: Incident, now: number): DeadlineDrift | null {
  if (inc.status === 'closed') return null;
  const specs = reportDeadlines(subjectOf(inc), getReportRules(db));
  const active = activeDeadlines(db, inc.id, now);
  const current: DeadlineDrift['current'] = [];
  const proposed: DeadlineDrift['proposed'] = [];
  for (const kind of ['phone', 'written'] as const) {
    const rows = active.filter((d) => d.kind === kind);
    // Met or missed deadlines are facts; re-applying would not move them.
    if (rows.some((d) => d.metAt !== null || d.state === 'overdue')) continue;
    const row = rows.at(-1) ?? null;
    const spec = specs.find((s) => s.kind === kind) ?? null;
    if (row?.dueAt === (spec ? iso(spec.dueAt) : undefined) || (!row && !spec)) continue;
    current.push({ kind, dueAt: row?.dueAt ?? null, basis: row?.basis ?? null });
    proposed.push({ kind, dueAt: spec ? iso(spec.dueAt) : null, basis: spec?.basis ?? null });
  }
  return current.length ? { current, proposed } : null;
}

/** A leader re-applies today's rules to an open incident's unmet deadlines, with a reason. */
export function reapplyDeadlines(ctx: WriteCtx, id: number, reason: string): void {
  const inc = mustIncident(ctx, id);
  const drift = deadlineDrift(ctx.db, inc, ctx.now);
  if (!drift) throw new DomainError('CONFLICT', 'incidents.errors.noDeadlineDrift');
  syncDeadlines(ctx, inc, getReportRules(ctx.db));
  ctx.audit({ action: 'incident.reapplyDeadlines', entity: 'incident', entityId: id, before: drift.current, after: drift.proposed, reason });
}

/** Open incidents whose deadlines today's rules would set differently. */
export function rulesDrift(ctx: ReadCtx): { id: number; no: string; title: string }[] {
  return openIncidents(ctx.db)
    .filter((inc) => deadlineDrift(ctx.db, inc, ctx.now) !== null)
    .map((inc) => ({ id: inc.id, no: inc.no, title: inc.title }));
}

export function createIncident(ctx: WriteCtx, input: Input<'incident.create'>): Incident {
  const { fromLogEntryId, levelReason, ...raw } = input;
  const f = normalise(fieldsOf(raw as IncidentFields));
  checkFields(f);
  const sug = suggestionOf(f);
  let override: IncidentMeta['levelOverride'] = null;
  if (sug.suggestedLevel !== null && f.level !== sug.suggestedLevel) {
    if (!isLeader(ctx)) throw new DomainError('FORBIDDEN', 'incidents.errors.overrideNeedsLeader');
    if (!levelReason) throw new DomainError('VALIDATION', 'incidents.errors.overrideNeedsReason');
    override = { by: actorName(ctx), reason: levelReason, at: iso(ctx.now) };
  }
  if (fromLogEntryId !== undefined) {
    const e = getLogEntry(ctx.db, fromLogEntryId);
    if (!e || e.voided) throw new DomainError('NOT_FOUND', 'incidents.errors.logNotFound', { id: fromLogEntryId });
    if (e.incidentId !== null) throw new DomainError('CONFLICT', 'incidents.errors.logAlreadyLinked', { incidentId: e.incidentId });
  }
  const rules = getReportRules(ctx.db);
  const year = localDate(Date.parse(f.learnedAt), deskTimeZone(ctx.db)).slice(0, 4);
  const at = iso(ctx.now);
  const inc = insertIncident(
    ctx.db,
    f,
    { ...sug, levelOverride: override, supplementUntil: supplementUntil(f, rules) },
    { no: nextIncidentNo(ctx.db, year), fromLogEntryId: fromLogEntryId ?? null },
    actorName(ctx),
    at,
  );
  if (fromLogEntryId !== undefined) linkLogEntry(ctx.db, fromLogEntryId, inc.id);
  syncDeadlines(ctx, inc, rules);
  ctx.audit({
    action: 'incident.create',
    entity: 'incident',
    entityId: inc.id,
    after: { ...f, no: inc.no, levelOverride: override, fromLogEntryId },
    reason: levelReason ?? null,
  });
  return getIncident(ctx.db, inc.id)!;
}

const casualtyKeys = ['deaths', 'missing', 'seriousInjuries', 'injuries'] as const;

export function updateIncidentFields(ctx: WriteCtx, input: Input<'incident.update'>): Incident {
  const { id, expectedVersion, reason, ...patch } = input;
  const cur = mustIncident(ctx, id);
  if (cur.version !== expectedVersion) throw new DomainError('CONFLICT', 'incidents.errors.versionConflict', { current: cur.version });
  const before = fieldsOf(cur);
  const merged: IncidentFields = { ...before };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v;
  const f = normalise(merged);
  checkFields(f);
  const sug = suggestionOf(f);
  let override = cur.levelOverride;
  if (sug.suggestedLevel === null) override = null;
  else if (!override)
    f.level = sug.suggestedLevel; // the grade follows the figures unless a leader overrode it
  else if (override && f.level === sug.suggestedLevel) override = null;
  const changed = (Object.keys(f) as (keyof IncidentFields)[]).filter((k) => f[k] !== before[k]);
  if (changed.length === 0) throw new DomainError('VALIDATION', 'incidents.errors.noChange');
  const rules = getReportRules(ctx.db);
  const after = updateIncident(
    ctx.db,
    id,
    cur.version + 1,
    f,
    { ...sug, levelOverride: override, supplementUntil: supplementUntil(f, rules) },
    reason,
    actorName(ctx),
    iso(ctx.now),
  );
  if ((['level', 'learnedAt', 'occurredAt', 'category', 'subType'] as const).some((k) => changed.includes(k))) syncDeadlines(ctx, after, rules);
  // Art. 13: a change of casualty figures inside the window is reported again (补报).
  if (casualtyKeys.some((k) => changed.includes(k)) && reportsOf(ctx.db, id).length > 0) {
    const due = supplementDeadline(after.supplementUntil ? Date.parse(after.supplementUntil) : null, ctx.now, rules);
    const pending = activeDeadlines(ctx.db, id, ctx.now).some((d) => d.kind === 'supplement' && d.metAt === null);
    if (due !== null && !pending) insertDeadline(ctx.db, id, 'supplement', iso(due), iso(ctx.now), 'order493Art13');
  }
  // The override travels with the fields: an edit that brings the figures back to the suggestion clears it.
  ctx.audit({ action: 'incident.update', entity: 'incident', entityId: id, before, after: { ...fieldsOf(after), levelOverride: after.levelOverride }, reason });
  return getIncident(ctx.db, id)!;
}

export function setIncidentLevel(ctx: WriteCtx, id: number, level: IncidentLevel, reason: string): Incident {
  const cur = mustIncident(ctx, id);
  if (cur.level === level) throw new DomainError('VALIDATION', 'incidents.errors.noChange');
  const f = { ...fieldsOf(cur), level };
  const override = cur.suggestedLevel !== null && level !== cur.suggestedLevel ? { by: actorName(ctx), reason, at: iso(ctx.now) } : null;
  const rules = getReportRules(ctx.db);
  const after = updateIncident(
    ctx.db,
    id,
    cur.version + 1,
    f,
    {
      suggestedLevel: cur.suggestedLevel,
      suggestedBasis: cur.suggestedBasis,
      levelOverride: override,
      supplementUntil: cur.supplementUntil,
    },
    reason,
    actorName(ctx),
    iso(ctx.now),
  );
  syncDeadlines(ctx, after, rules);
  ctx.audit({
    action: 'incident.setLevel',
    entity: 'incident',
    entityId: id,
    before: { level: cur.level },
    after: { level, suggestedLevel: cur.suggestedLevel, levelOverride: override },
    reason,
  });
  return getIncident(ctx.db, id)!;
}

export function setStatus(ctx: WriteCtx, id: number, to: IncidentStatus, reason: string | null): Incident {
  const cur = mustIncident(ctx, id);
  if (!canMoveStatus(cur.status, to)) throw new DomainError('CONFLICT', 'incidents.errors.statusMove', { from: cur.status, to });
  if (cur.status === 'closed' && !reason) throw new DomainError('VALIDATION', 'incidents.errors.reopenNeedsReason');
  const after = setIncidentStatus(ctx.db, id, cur.status, to, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({
    action: 'incident.setStatus',
    entity: 'incident',
    entityId: id,
    before: { status: cur.status },
    after: { status: to },
    reason,
  });
  return after;
}

/** Files a report; marks the deadlines it meets, late or not, once and for all. */
export function fileReport(ctx: WriteCtx, input: Input<'report.file'>): Report {
  const inc = mustIncident(ctx, input.incidentId);
  const existing = reportsOf(ctx.db, inc.id);
  if (!nextReportKinds(existing).includes(input.kind)) throw new DomainError('CONFLICT', 'incidents.errors.reportOrder');
  const sentAt = input.sentAt ? toUtc(input.sentAt) : iso(ctx.now);
  const sentMs = Date.parse(sentAt);
  if (sentMs > ctx.now + 60_000) throw new DomainError('VALIDATION', 'incidents.errors.sentInFuture');
  if (sentMs < Date.parse(inc.learnedAt)) throw new DomainError('VALIDATION', 'incidents.errors.sentBeforeLearned');
  const followupNo = input.kind === 'followup' ? existing.filter((r) => r.kind === 'followup').length + 1 : null;
  const open = activeDeadlines(ctx.db, inc.id, ctx.now).filter(
    (d) => d.metAt === null && meetsDeadline(d.kind, input.method) && (d.kind !== 'supplement' || Date.parse(d.createdAt) <= sentMs),
  );
  const met = open.map((d) => ({ kind: d.kind, dueAt: d.dueAt, late: sentMs > Date.parse(d.dueAt) }));
  const report = insertReport(ctx.db, {
    incidentId: inc.id,
    kind: input.kind,
    followupNo,
    content: input.content,
    recipient: input.recipient,
    method: input.method,
    sentAt,
    signedBy: input.signedBy ?? null,
    recordedAt: iso(ctx.now),
    recordedBy: actorName(ctx),
    incidentVersion: inc.version,
    met,
    late: met.some((m) => m.late),
  });
  for (const d of open) meetDeadline(ctx.db, d.id, report.id, sentAt);
  // The first report filed means the desk is handling it: 新接报 → 处置中.
  if (inc.status === 'open') setStatus(ctx, inc.id, 'handling', null);
  ctx.audit({
    action: 'report.file',
    entity: 'report',
    entityId: report.id,
    // The content by its hash (a report can be 20,000 characters): the chain holds what was sent, records are reconciled with it.
    after: {
      incidentId: inc.id,
      kind: report.kind,
      title: report.title,
      method: report.method,
      sentAt,
      recipient: report.recipient,
      signedBy: report.signedBy,
      contentSha256: crypto.createHash('sha256').update(report.content, 'utf8').digest('hex'),
      met,
      late: report.late,
    },
  });
  return report;
}

export function reportTemplate(
  ctx: ReadCtx,
  incidentId: number,
  kind: ReportKind,
): { kind: ReportKind; title: string; content: string; recipient: string } {
  const inc = mustIncident(ctx, incidentId);
  const reports = reportsOf(ctx.db, incidentId);
  const last = reports.at(-1);
  const tz = deskTimeZone(ctx.db);
  const esc = getEscalationSettings(ctx.db);
  const superior = esc.superiorContactId ? getContact(ctx.db, esc.superiorContactId) : null;
  const recipient = last?.recipient ?? superior?.name ?? '';
  const followupNo = kind === 'followup' ? reports.filter((r) => r.kind === 'followup').length + 1 : null;
  const title = reportTitle(kind, followupNo);
  if (kind === 'first' || !last) return { kind, title, content: firstReportText(inc, tz), recipient };
  const prev = incidentVersion(ctx.db, incidentId, last.incidentVersion) ?? fieldsOf(inc);
  const instructions = instructionsOf(ctx.db, incidentId).filter((i) => i.recordedAt > last.recordedAt);
  return { kind, title, content: followupReportText(prev, inc, { final: kind === 'final', instructions }), recipient };
}

export function incidentDetail(ctx: ReadCtx, id: number): IncidentDetail {
  const incident = mustIncident(ctx, id);
  const versions = incidentVersions(ctx.db, id);
  const reports = reportsOf(ctx.db, id);
  const deadlines: Deadline[] = activeDeadlines(ctx.db, id, ctx.now);
  const escalations = escalationViews(ctx, id);
  const instructions = instructionsOf(ctx.db, id);
  const attachments = attachmentsOf(ctx.db, id);
  const logEntries = logEntriesOfIncident(ctx.db, id);

  const timeline: TimelineItem[] = [{ type: 'created', at: incident.createdAt, by: incident.createdBy }];
  for (let n = 1; n < versions.length; n += 1) {
    const v = versions[n]!;
    const p = versions[n - 1]!;
    const changed = (Object.keys(v.fields) as (keyof IncidentFields)[]).filter((k) => v.fields[k] !== p.fields[k]);
    timeline.push({ type: 'edited', at: v.at, by: v.by, version: v.version, reason: v.reason, changed });
  }
  for (const s of statusChanges(ctx.db, id))
    timeline.push({ type: 'status', at: s.at, by: s.by, from: s.from_status, to: s.to_status, reason: s.reason });
  for (const r of reports) timeline.push({ type: 'report', at: r.sentAt, by: r.recordedBy, reportId: r.id, title: r.title, late: r.late });
  for (const e of escalations) {
    timeline.push({ type: 'escalationStarted', at: e.startedAt, by: e.startedBy, escalationId: e.id });
    for (const c of e.contacts)
      timeline.push({
        type: 'contact',
        at: c.at,
        by: c.by,
        escalationId: e.id,
        target: c.target,
        targetName: c.targetName,
        method: c.method,
      });
    if (e.acknowledgedAt) timeline.push({ type: 'acknowledged', at: e.acknowledgedAt, by: e.acknowledgedBy ?? '', escalationId: e.id });
    if (e.cancelledAt)
      timeline.push({ type: 'escalationCancelled', at: e.cancelledAt, by: '', escalationId: e.id, reason: e.cancelReason });
  }
  for (const i of instructions)
    timeline.push({ type: 'instruction', at: i.givenAt, by: i.recordedBy, leaderName: i.leaderName, text: i.text });
  for (const a of attachments) timeline.push({ type: 'attachment', at: a.addedAt, by: a.addedBy, name: a.name });
  for (const e of logEntries) timeline.push({ type: 'logEntry', at: e.occurredAt, by: e.recordedBy, entryId: e.id, summary: e.summary });
  timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  return {
    incident,
    versions,
    reports,
    deadlines,
    escalations,
    instructions,
    attachments,
    logEntries,
    timeline,
    deadlineDrift: deadlineDrift(ctx.db, incident, ctx.now),
    nextReportKinds: nextReportKinds(reports),
  };
}

/** Records a leader's instruction (批示) on an incident, given directly or with an escalation's acknowledgement. */
export function addInstruction(
  ctx: WriteCtx,
  i: { incidentId: number; leaderName: string; text: string; givenAt: string; escalationId: number | null },
): Instruction {
  const ins = insertInstruction(ctx.db, { ...i, recordedAt: iso(ctx.now), recordedBy: actorName(ctx) });
  ctx.audit({ action: 'instruction.create', entity: 'instruction', entityId: ins.id, after: ins });
  return ins;
}

// ── follow-up (落实) of instructions ──────────────────────────────────────────

/** Allowed follow-up moves: 待落实 → 落实中 → 已落实; a step may be skipped, never taken back once done. */
const followUpOrder: Record<FollowUpState, number> = { pending: 0, inProgress: 1, done: 2 };

/** Records the next follow-up state of an instruction (落实): what was done and by whom; audited. */
export function followUpInstruction(
  ctx: WriteCtx,
  input: { instructionId: number; state: FollowUpState; note: string | null; doneBy: string | null },
): OpenInstruction {
  const ins = getInstruction(ctx.db, input.instructionId);
  if (!ins) throw new DomainError('NOT_FOUND', 'leader.errors.instructionNotFound', { id: input.instructionId });
  const [cur] = instructionsWithFollowUp(ctx.db, { ids: [ins.id] });
  const from = cur?.state ?? 'pending';
  if (from === 'done') throw new DomainError('CONFLICT', 'leader.errors.followUpDone');
  if (followUpOrder[input.state] < followUpOrder[from]) throw new DomainError('CONFLICT', 'leader.errors.followUpBackwards');
  const f = insertFollowUp(ctx.db, ins.id, {
    state: input.state,
    note: input.note,
    doneBy: input.doneBy ?? (input.state === 'done' ? actorName(ctx) : null),
    at: iso(ctx.now),
    by: actorName(ctx),
  });
  ctx.audit({ action: 'instruction.followUp', entity: 'instruction', entityId: ins.id, before: { state: from }, after: f });
  return instructionsWithFollowUp(ctx.db, { ids: [ins.id] })[0]!;
}

/** Open instructions (待落实 / 落实中), or all with `includeDone`. */
export const openInstructions = (ctx: Pick<ReadCtx, 'db'>, includeDone = false): OpenInstruction[] =>
  instructionsWithFollowUp(ctx.db, { includeDone });
