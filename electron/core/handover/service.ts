/** The handover (交接班): a form prefilled from the shift, submitted by the outgoing officer, confirmed ("同意接班") or returned by the incoming one; items carried over until closed. */
import type { DueItem } from '../../../shared/contract/escalation';
import type { ReportSection } from '../../../shared/contract/reports';
import {
  handoverSettingsSchema,
  type DutyTodo,
  type Handover,
  type HandoverContent,
  type HandoverPrint,
  type HandoverSettings,
  type HandoverSnapshot,
  type HandoverView,
} from '../../../shared/contract/handover';
import { escalationState } from '../../../shared/domain/escalation';
import type { LogKind } from '../../../shared/domain/log';
import { DomainError } from '../../../shared/errors';
import { addDays } from '../../../shared/time';
import { backupAfterHandover } from '../backup/service';
import type { ReadCtx, WriteCtx } from '../context';
import { actorName, deskTimeZone, iso } from '../context';
import { getDesk } from '../desk/db';
import { deskDutyDate, deskDutyDayBounds } from '../duty/day';
import { dutyDays } from '../duty/service';
import { pendingEscalations } from '../escalation/db';
import { escalationView, resolveTarget } from '../escalation/service';
import { getIncident, listIncidents } from '../incidents/db';
import { openInstructions } from '../incidents/service';
import { getEscalationSettings } from '../incidents/settings';
import { getLogEntry, listLogEntries } from '../log/db';
import type { Db } from '../store/connection';
import { defineSetting, readSetting, writeSetting } from '../store/settings';
import {
  closeTodoRow,
  getHandover,
  getTodo,
  handoverVersions,
  insertHandover,
  insertTodo,
  listTodos,
  publicHandover,
  todosInPeriod,
  unconfirmedBefore,
  updateHandover,
  type HandoverRecord,
} from './db';

export const defaultHandoverSettings: HandoverSettings = {
  confirmMinutes: 30,
  objects: ['值班室钥匙', '值班电话', '印章', '值班记录本', '文件资料'],
};
export const handoverSetting = defineSetting<HandoverSettings>('handover.settings', handoverSettingsSchema, defaultHandoverSettings);
export const getHandoverSettings = (db: Db): HandoverSettings => readSetting(db, handoverSetting);

export function setHandoverSettings(ctx: WriteCtx, s: HandoverSettings): HandoverSettings {
  const { before, after } = writeSetting(ctx.db, handoverSetting, s);
  ctx.audit({ action: 'settings.update', entity: 'settings', entityId: 'handover.settings', before, after });
  return after;
}

const hour = 3_600_000;
const minute = 60_000;
/** How long after its handover minute a previous day's form stays the one in play (unless it was started). */
const inPlayMs = 6 * hour;
/** How long before the handover minute the confirmation appears in "Due next". */
const dueLeadMs = 2 * hour;

/** When a duty day hands over and by when the incoming officer confirms. */
export function handoverTimes(db: Db, dutyDate: string): { handoverAt: number; confirmBy: number } {
  const handoverAt = deskDutyDayBounds(db, dutyDate).end;
  return { handoverAt, confirmBy: handoverAt + getHandoverSettings(db).confirmMinutes * minute };
}

/**
 * The duty day whose handover is in play at `now`: the previous one while it
 * is not confirmed (started, or within six hours of its handover minute),
 * else the current one.
 */
export function handoverDateInPlay(db: Db, now: number): string {
  const today = deskDutyDate(db, now);
  const prev = addDays(today, -1);
  const rec = getHandover(db, prev);
  if (rec?.state === 'confirmed') return today;
  if (rec || now < handoverTimes(db, prev).handoverAt + inPlayMs) return prev;
  return today;
}

/** What the shift held, for the form: the log by kind, open incidents, pending escalations, open items and instructions, who was rostered. */
export function shiftSnapshot(ctx: Pick<ReadCtx, 'db' | 'now'>, dutyDate: string): HandoverSnapshot {
  const { start, end } = deskDutyDayBounds(ctx.db, dutyDate);
  const entries = listLogEntries(ctx.db, { fromDate: dutyDate, toDate: dutyDate, includeVoided: false, limit: 1000 }).reverse();
  const todos = listTodos(ctx.db);
  const unfinished = new Set(todos.map((t) => t.logEntryId).filter((id): id is number => id !== null));
  const logCounts: Partial<Record<LogKind, number>> = {};
  for (const e of entries) logCounts[e.kind] = (logCounts[e.kind] ?? 0) + 1;
  const incidents = listIncidents(ctx.db, { status: ['open', 'handling'], limit: 200 }, ctx.now).map((i) => ({
    id: i.id,
    no: i.no,
    title: i.title,
    level: i.level,
    status: i.status,
    nextDeadline: i.nextDeadline,
    lastInstruction: i.lastInstruction,
  }));
  const escalations = pendingEscalations(ctx.db).flatMap((rec) => {
    const inc = getIncident(ctx.db, rec.incidentId);
    if (!inc) return [];
    const v = escalationView(ctx, rec);
    return [{ id: rec.id, incidentNo: inc.no, title: inc.title, target: v.state.target, targetName: v.currentTarget.name, dueAt: v.state.dueAt, exhausted: v.state.status === 'exhausted' }];
  });
  const day = dutyDays(ctx.db, dutyDate, 1)[0];
  const names = (role: 'leader' | 'officer') => [...new Set(day?.shifts.flatMap((s) => s[role].map((p) => p.name)) ?? [])];
  return {
    dutyDate,
    start: iso(start),
    end: iso(end),
    logCounts,
    logTotal: entries.length,
    entries: entries.map((e) => ({ id: e.id, occurredAt: e.occurredAt, kind: e.kind, summary: e.summary, unfinished: unfinished.has(e.id) })),
    incidents,
    escalations,
    todos,
    instructions: openInstructions(ctx),
    leaders: names('leader'),
    officers: names('officer'),
  };
}

function responsibilityOf(db: Db, now: number): HandoverView['responsibility'] {
  const today = deskDutyDate(db, now);
  const prev = addDays(today, -1);
  if (handoverDateInPlay(db, now) !== prev) return null;
  const rec = getHandover(db, prev);
  const { confirmBy } = handoverTimes(db, prev);
  const day = dutyDays(db, prev, 1)[0];
  const outgoing = rec?.outgoingName ? [rec.outgoingName] : [...new Set(day?.shifts.flatMap((s) => s.officer.map((p) => p.name)) ?? [])];
  return { dutyDate: prev, state: rec?.state ?? 'none', outgoing, confirmBy: iso(confirmBy), overdue: now >= confirmBy };
}

export function handoverView(ctx: ReadCtx, dutyDate?: string): HandoverView {
  const date = dutyDate ?? handoverDateInPlay(ctx.db, ctx.now);
  const { handoverAt, confirmBy } = handoverTimes(ctx.db, date);
  const rec = getHandover(ctx.db, date);
  return {
    now: iso(ctx.now),
    dutyDate: date,
    handoverAt: iso(handoverAt),
    confirmBy: iso(confirmBy),
    record: rec ? publicHandover(rec) : null,
    live: shiftSnapshot(ctx, date),
    objectsTemplate: getHandoverSettings(ctx.db).objects,
    responsibility: responsibilityOf(ctx.db, ctx.now),
    todos: listTodos(ctx.db),
    instructions: openInstructions(ctx),
  };
}

function mustBeCurrentOrPast(ctx: ReadCtx, dutyDate: string): void {
  if (dutyDate > deskDutyDate(ctx.db, ctx.now)) throw new DomainError('VALIDATION', 'handover.errors.futureDay');
}

function checkVersion(rec: HandoverRecord | null, expected: number): void {
  const current = rec?.version ?? 0;
  if (current !== expected) throw new DomainError('CONFLICT', 'incidents.errors.versionConflict', { current });
}

/** Saves the form as a draft (a new version); a submitted or confirmed form cannot be edited. */
export function saveHandover(ctx: WriteCtx, dutyDate: string, expectedVersion: number, content: HandoverContent): Handover {
  mustBeCurrentOrPast(ctx, dutyDate);
  const rec = getHandover(ctx.db, dutyDate);
  checkVersion(rec, expectedVersion);
  if (rec && rec.state !== 'draft' && rec.state !== 'returned') throw new DomainError('CONFLICT', 'handover.errors.notEditable');
  const at = iso(ctx.now);
  const by = actorName(ctx);
  const after = rec ? updateHandover(ctx.db, rec, { content }, null, by, at) : insertHandover(ctx.db, dutyDate, content, by, at);
  ctx.audit({ action: 'handover.save', entity: 'handover', entityId: after.id, before: rec?.content ?? null, after: { dutyDate, content } });
  return publicHandover(after);
}

/** 已交班: the outgoing officer submits the form; the shift's record is frozen into it. */
export function submitHandover(ctx: WriteCtx, dutyDate: string, expectedVersion: number, content: HandoverContent): Handover {
  mustBeCurrentOrPast(ctx, dutyDate);
  let rec = getHandover(ctx.db, dutyDate);
  checkVersion(rec, expectedVersion);
  if (rec && rec.state !== 'draft' && rec.state !== 'returned') throw new DomainError('CONFLICT', 'handover.errors.notEditable');
  const at = iso(ctx.now);
  const by = actorName(ctx);
  rec ??= insertHandover(ctx.db, dutyDate, content, by, at);
  const snapshot = shiftSnapshot(ctx, dutyDate);
  const after = updateHandover(
    ctx.db,
    rec,
    { state: 'submitted', content, snapshot, outgoingUserId: ctx.session?.userId ?? null, outgoingName: by, submittedAt: at, returnedAt: null, returnNote: null },
    null,
    by,
    at,
  );
  ctx.audit({ action: 'handover.submit', entity: 'handover', entityId: after.id, after: { dutyDate, content, logTotal: snapshot.logTotal, todos: snapshot.todos.length } });
  return publicHandover(after);
}

function mustSubmitted(ctx: ReadCtx, dutyDate: string, expectedVersion: number): HandoverRecord {
  const rec = getHandover(ctx.db, dutyDate);
  if (!rec) throw new DomainError('NOT_FOUND', 'handover.errors.notFound', { dutyDate });
  checkVersion(rec, expectedVersion);
  if (rec.state !== 'submitted') throw new DomainError('CONFLICT', 'handover.errors.notSubmitted');
  // Face to face, each as themself: the outgoing officer cannot accept their own shift.
  if (ctx.session && rec.outgoingUserId === ctx.session.userId) throw new DomainError('FORBIDDEN', 'handover.errors.sameOfficer');
  return rec;
}

/**
 * 已接班确认: the incoming officer, signed in as themself, writes "同意接班".
 * The audit chain head at that moment is kept on the record; the automatic
 * backup runs after the commit.
 */
export function confirmHandover(ctx: WriteCtx, dutyDate: string, expectedVersion: number, note: string | null): Handover {
  const rec = mustSubmitted(ctx, dutyDate, expectedVersion);
  const at = iso(ctx.now);
  const by = actorName(ctx);
  const confirmNote = note ?? '同意接班';
  const ev = ctx.audit({ action: 'handover.confirm', entity: 'handover', entityId: rec.id, before: { state: rec.state }, after: { dutyDate, incoming: by, note: confirmNote, at } });
  const after = updateHandover(
    ctx.db,
    rec,
    { state: 'confirmed', incomingUserId: ctx.session?.userId ?? null, incomingName: by, confirmedAt: at, confirmNote, chainSeq: ev.seq, chainHash: ev.hash },
    null,
    by,
    at,
  );
  const core = ctx.core;
  // After the commit, never inside it; a failed backup is reported by the backup status, not here.
  setTimeout(() => void backupAfterHandover(core).catch(() => undefined), 0).unref?.();
  return publicHandover(after);
}

/** 有异议: the incoming officer returns the form with a note; the outgoing officer corrects and submits again. */
export function returnHandover(ctx: WriteCtx, dutyDate: string, expectedVersion: number, note: string): Handover {
  const rec = mustSubmitted(ctx, dutyDate, expectedVersion);
  const at = iso(ctx.now);
  const by = actorName(ctx);
  const after = updateHandover(ctx.db, rec, { state: 'returned', returnedAt: at, returnNote: note, incomingName: by }, note, by, at);
  ctx.audit({ action: 'handover.return', entity: 'handover', entityId: rec.id, before: { state: rec.state }, after: { dutyDate, by, note }, reason: note });
  return publicHandover(after);
}

export function handoverPrint(ctx: ReadCtx, dutyDate: string): HandoverPrint {
  const rec = getHandover(ctx.db, dutyDate);
  if (!rec || !rec.snapshot) throw new DomainError('NOT_FOUND', 'handover.errors.notFound', { dutyDate });
  return { unitName: getDesk(ctx.db)?.unitName ?? '', deskId: ctx.core.deskId() ?? '', timeZone: deskTimeZone(ctx.db), handover: publicHandover(rec), snapshot: rec.snapshot };
}

export function handoverHistory(ctx: ReadCtx, dutyDate: string) {
  const rec = getHandover(ctx.db, dutyDate);
  if (!rec) throw new DomainError('NOT_FOUND', 'handover.errors.notFound', { dutyDate });
  return handoverVersions(ctx.db, rec.id);
}

// ── items carried over ───────────────────────────────────────────────────────

export function addTodo(ctx: WriteCtx, input: { kind: DutyTodo['kind']; text: string; logEntryId?: number | undefined }): DutyTodo {
  if (input.logEntryId !== undefined && !getLogEntry(ctx.db, input.logEntryId)) {
    throw new DomainError('NOT_FOUND', 'incidents.errors.logNotFound', { id: input.logEntryId });
  }
  const t = insertTodo(ctx.db, { kind: input.kind, text: input.text, dutyDate: deskDutyDate(ctx.db, ctx.now), logEntryId: input.logEntryId ?? null }, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'todo.add', entity: 'todo', entityId: t.id, after: t });
  return t;
}

export function closeTodo(ctx: WriteCtx, id: number, note: string): DutyTodo {
  const cur = getTodo(ctx.db, id);
  if (!cur) throw new DomainError('NOT_FOUND', 'handover.errors.todoNotFound', { id });
  if (cur.closedAt) throw new DomainError('CONFLICT', 'handover.errors.todoClosed');
  const after = closeTodoRow(ctx.db, id, note, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'todo.close', entity: 'todo', entityId: id, before: cur, after, reason: note });
  return after;
}

// ── due next and escalation ──────────────────────────────────────────────────

/**
 * The handover confirmations for "Due next": the current duty day's from two
 * hours before its handover, the previous day's until confirmed, and any older
 * submitted or returned form. Past its limit an unconfirmed handover
 * escalates along the desk's escalation policy (leader on duty first); each
 * step is its own item, so the due scheduler rings at every step.
 */
export function handoverDueItems(ctx: Pick<ReadCtx, 'db' | 'now'>): DueItem[] {
  const today = deskDutyDate(ctx.db, ctx.now);
  const dates = new Set<string>(unconfirmedBefore(ctx.db, addDays(today, -1)).map((h) => h.dutyDate));
  dates.add(addDays(today, -1));
  const cur = handoverTimes(ctx.db, today);
  if (ctx.now >= cur.handoverAt - dueLeadMs) dates.add(today);
  const items: DueItem[] = [];
  const { policy } = getEscalationSettings(ctx.db);
  const setUpAt = Date.parse(getDesk(ctx.db)?.createdAt ?? iso(0));
  for (const date of [...dates].sort()) {
    const rec = getHandover(ctx.db, date);
    if (rec?.state === 'confirmed') continue;
    const { handoverAt, confirmBy } = handoverTimes(ctx.db, date);
    // A day handed over before this desk was set up, or one with neither roster nor form, is not a handover anyone owes.
    if (!rec && (handoverAt <= setUpAt || dutyDays(ctx.db, date, 1)[0]?.shifts.length === 0)) continue;
    const base = { kind: 'handover' as const, dutyDate: date, state: rec?.state ?? ('none' as const) };
    if (ctx.now < confirmBy) {
      items.push({ ...base, id: `handover-${date}`, dueAt: iso(confirmBy), overdue: false, escalation: null });
      continue;
    }
    const st = escalationState(policy, confirmBy, ctx.now);
    const who = resolveTarget(ctx, st.target, ctx.now);
    items.push({
      ...base,
      id: `handover-${date}-${st.round}-${st.stepIndex}`,
      dueAt: iso(st.dueAt),
      overdue: true,
      escalation: { round: st.round, stepIndex: st.stepIndex, target: st.target, targetName: who.name, targetPhone: who.phone, exhausted: st.status === 'exhausted' },
    });
  }
  return items;
}

// ── the daily report's section ───────────────────────────────────────────────

/** The carried-over items in a report period: raised, closed, still open (routine: nothing reportable). */
export function handoverReportSection(db: Db, period: { start: number; end: number }): ReportSection | null {
  const { raised, closed } = todosInPeriod(db, iso(period.start), iso(period.end));
  const open = listTodos(db).length;
  if (raised.length === 0 && closed.length === 0 && open === 0) return null;
  return {
    key: 'todos',
    titleKey: 'handover.section.title',
    rows: [
      { labelKey: 'handover.section.raised', value: raised.length },
      { labelKey: 'handover.section.closed', value: closed.length },
      { labelKey: 'handover.section.open', value: open },
    ],
    reportable: 0,
  };
}
