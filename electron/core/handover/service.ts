/** The handover (交接班): one per shift change, a form prefilled from the outgoing shift, submitted by the outgoing officer, confirmed ("同意接班") or returned by the incoming one; escalated when nobody accepts it, acknowledged by the leader (已知悉); items carried over until closed. */
import type { DueItem } from '../../../shared/contract/escalation';
import type { ReportSection } from '../../../shared/contract/reports';
import {
  handoverSettingsSchema,
  type DutyTodo,
  type Handover,
  type HandoverAck,
  type HandoverContent,
  type HandoverPrint,
  type HandoverSettings,
  type HandoverSnapshot,
  type HandoverView,
} from '../../../shared/contract/handover';
import { escalationState } from '../../../shared/domain/escalation';
import { shiftChanges, type ShiftChange, type ShiftOfDay } from '../../../shared/domain/shift';
import type { LogKind } from '../../../shared/domain/log';
import { DomainError } from '../../../shared/errors';
import { addDays, localParts } from '../../../shared/time';
import { coversOf } from '../attendance/service';
import { backupAfterHandover } from '../backup/service';
import type { ReadCtx, WriteCtx } from '../context';
import { actorName, deskTimeZone, iso } from '../context';
import { getDesk } from '../desk/db';
import { deskDutyDate, deskDutyDayBounds, deskHandoverMinutes } from '../duty/day';
import { dutyDays } from '../duty/service';
import { pendingEscalations } from '../escalation/db';
import { escalationView, resolveTarget } from '../escalation/service';
import { getIncident, listIncidents } from '../incidents/db';
import { openInstructions } from '../incidents/service';
import { getEscalationSettings } from '../incidents/settings';
import { getLogEntry, listLogEntries } from '../log/db';
import { listShifts } from '../roster/db';
import type { Db } from '../store/connection';
import { defineSetting, readSetting, writeSetting } from '../store/settings';
import {
  closeTodoRow,
  getAck,
  getHandover,
  handoversBetween,
  getTodo,
  handoverVersions,
  insertAck,
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
/** How long after its shift change a previous handover stays the one in play (unless it was started): six hours, or half the running shift. */
const inPlayMs = 6 * hour;
/** How long before the shift change the confirmation appears in "Due next". */
const dueLeadMs = 2 * hour;

// ── shift changes ────────────────────────────────────────────────────────────

/** The desk's shifts as the handover sees them: its active templates, or one 24-hour shift from the handover minute. */
function shiftsOfDesk(db: Db): ShiftOfDay[] {
  const active = listShifts(db);
  return active.length ? active : [{ id: 0, name: '', startMinutes: deskHandoverMinutes(db), durationMinutes: 1440, sortOrder: 0 }];
}

/** The shift changes of the outgoing shifts on duty days [from, to], in time order. */
export const shiftChangesBetween = (db: Db, from: string, to: string): ShiftChange[] => shiftChanges(shiftsOfDesk(db), from, to, deskTimeZone(db));

/** A handover of a shift no longer among the templates keeps its own times. */
function changeOfRecord(rec: HandoverRecord): ShiftChange {
  const end = Date.parse(rec.handoverAt);
  const start = rec.snapshot ? Date.parse(rec.snapshot.start) : end - 24 * hour;
  const inc = rec.snapshot?.incoming;
  return { dutyDate: rec.dutyDate, shiftId: rec.shiftId, shiftName: rec.shiftName, start, end, incoming: { dutyDate: inc?.dutyDate ?? addDays(rec.dutyDate, 1), shiftId: 0, shiftName: inc?.shiftName ?? '', start: end } };
}

/**
 * The shift change of an outgoing shift of a duty day. Without a shift, the
 * one handing over at the duty day's end (the desk's one shift; with
 * 白班/夜班, the 夜班).
 */
export function changeOf(db: Db, dutyDate: string, shiftId?: number): ShiftChange {
  const day = shiftChangesBetween(db, dutyDate, dutyDate);
  if (shiftId === undefined) {
    const end = deskDutyDayBounds(db, dutyDate).end;
    return day.find((c) => c.end === end) ?? day.at(-1)!;
  }
  const c = day.find((x) => x.shiftId === shiftId);
  if (c) return c;
  const rec = getHandover(db, dutyDate, shiftId);
  if (rec) return changeOfRecord(rec);
  throw new DomainError('NOT_FOUND', 'handover.errors.noShift', { dutyDate });
}

/** When a shift change hands over (as written on its form, once begun) and by when the incoming officer confirms. */
export function handoverTimes(db: Db, c: ShiftChange, rec: HandoverRecord | null = getHandover(db, c.dutyDate, c.shiftId)): { handoverAt: number; confirmBy: number } {
  const handoverAt = rec ? Date.parse(rec.handoverAt) : c.end;
  return { handoverAt, confirmBy: handoverAt + getHandoverSettings(db).confirmMinutes * minute };
}

/** The shift change just past at `now` and the one still ahead (the running shift's). */
function changesAround(db: Db, now: number): { prev: ShiftChange | null; cur: ShiftChange; all: ShiftChange[] } {
  const today = deskDutyDate(db, now);
  const all = shiftChangesBetween(db, addDays(today, -2), addDays(today, 1));
  const i = all.findIndex((c) => c.end > now);
  return { prev: i > 0 ? all[i - 1]! : null, cur: all[i]!, all };
}

/**
 * The shift change whose handover is in play at `now`: the one just past
 * while it is not confirmed (started, or owed and within six hours — at most
 * half the running shift — of its time), else the running shift's own.
 */
export function changeInPlay(db: Db, now: number): ShiftChange {
  const { prev, cur } = changesAround(db, now);
  if (!prev) return cur;
  const rec = getHandover(db, prev.dutyDate, prev.shiftId);
  if (rec?.state === 'confirmed') return cur;
  if (rec) return prev;
  // Not begun: in play for a while after its time, if anyone owed it (rostered, after the desk was set up).
  return now < prev.end + Math.min(inPlayMs, (cur.end - prev.end) / 2) && isOwed(db, prev, null) ? prev : cur;
}

/** Who was rostered on a shift of a duty day (names). */
function rosterNames(db: Db, c: Pick<ShiftChange, 'dutyDate' | 'shiftId'>, role: 'leader' | 'officer'): string[] {
  const shifts = dutyDays(db, c.dutyDate, 1)[0]?.shifts.filter((s) => s.shiftId === c.shiftId) ?? [];
  return [...new Set(shifts.flatMap((s) => s[role].map((p) => p.name)))];
}

/**
 * The officers of a shift: those rostered on it and whoever signed in
 * covering (替班). Only they hand it over (outgoing) or accept it (incoming).
 */
export function officersOfShift(db: Db, dutyDate: string, shiftId: number): { ids: Set<number>; names: string[] } {
  const shifts = dutyDays(db, dutyDate, 1)[0]?.shifts.filter((s) => s.shiftId === shiftId) ?? [];
  const people = shifts.flatMap((s) => s.officer);
  const rostered = new Set(shifts.flatMap((s) => [...s.leader, ...s.officer, ...s.standby].map((p) => p.personId)));
  const all = [...people.map((p) => ({ personId: p.personId, name: p.name })), ...coversOf(db, dutyDate, shiftId, rostered)];
  return { ids: new Set(all.map((p) => p.personId)), names: [...new Set(all.map((p) => p.name))] };
}

type Side = 'outgoing' | 'incoming';
const sideShift = (c: ShiftChange, side: Side) => (side === 'outgoing' ? { dutyDate: c.dutyDate, shiftId: c.shiftId } : { dutyDate: c.incoming.dutyDate, shiftId: c.incoming.shiftId });

/**
 * Whether the logged-in person acts for a side of a shift change: an
 * officer's login (a leader or admin login never hands over or accepts),
 * whose person is among that shift's officers — or any officer when the
 * roster names none (a day without a roster still hands over).
 */
function sideOf(ctx: Pick<ReadCtx, 'db' | 'session'>, c: ShiftChange, side: Side): { names: string[]; isMe: boolean } {
  const { dutyDate, shiftId } = sideShift(c, side);
  const { ids, names } = officersOfShift(ctx.db, dutyDate, shiftId);
  const s = ctx.session;
  const isOfficer = s?.roles.includes('officer') ?? false;
  return { names, isMe: isOfficer && (ids.size === 0 || (s!.personId !== null && ids.has(s!.personId))) };
}

/** Refuses anyone but the side's officers, naming them (a call without a session — the seeder, a tool — is not a person). */
function mustActFor(ctx: ReadCtx, c: ShiftChange, side: Side): void {
  if (!ctx.session) return;
  const { names, isMe } = sideOf(ctx, c, side);
  if (isMe) return;
  const key = side === 'outgoing' ? 'handover.errors.notOutgoing' : 'handover.errors.notIncoming';
  throw new DomainError('FORBIDDEN', key, { names: names.join('、') || '—' });
}

const isRostered = (db: Db, c: Pick<ShiftChange, 'dutyDate' | 'shiftId'>): boolean =>
  (dutyDays(db, c.dutyDate, 1)[0]?.shifts ?? []).some((s) => s.shiftId === c.shiftId);

/** What the shift held, for the form: its log by kind, open incidents, pending escalations, open items and instructions, who was rostered. */
export function shiftSnapshot(ctx: Pick<ReadCtx, 'db' | 'now'>, c: ShiftChange): HandoverSnapshot {
  const startIso = iso(c.start);
  const endIso = iso(c.end);
  // A shift lies in its duty day; the days around it are read so a shift starting before the handover minute is whole.
  const entries = listLogEntries(ctx.db, { fromDate: addDays(c.dutyDate, -1), toDate: addDays(c.dutyDate, 1), includeVoided: false, limit: 3000 })
    .filter((e) => e.occurredAt >= startIso && e.occurredAt < endIso)
    .reverse();
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
  return {
    dutyDate: c.dutyDate,
    shiftId: c.shiftId,
    shiftName: c.shiftName,
    incoming: { dutyDate: c.incoming.dutyDate, shiftName: c.incoming.shiftName },
    start: startIso,
    end: endIso,
    logCounts,
    logTotal: entries.length,
    entries: entries.map((e) => ({ id: e.id, occurredAt: e.occurredAt, kind: e.kind, summary: e.summary, unfinished: unfinished.has(e.id) })),
    incidents,
    escalations,
    todos,
    instructions: openInstructions(ctx),
    leaders: rosterNames(ctx.db, c, 'leader'),
    officers: rosterNames(ctx.db, c, 'officer'),
  };
}

/** Where the escalation of an unaccepted handover stands (frozen at the leader's acknowledgement), or null before its limit. */
function escalationOf(ctx: Pick<ReadCtx, 'db' | 'now'>, c: ShiftChange, rec: HandoverRecord | null, ack: HandoverAck | null) {
  if (rec?.state === 'confirmed') return null;
  const { confirmBy } = handoverTimes(ctx.db, c, rec);
  if (ctx.now < confirmBy) return null;
  const st = escalationState(getEscalationSettings(ctx.db).policy, confirmBy, ctx.now, { acknowledgedAt: ack ? Date.parse(ack.at) : null });
  // The shift handing over stays responsible until accepted: its leader is asked when nobody leads the running shift.
  return { state: st, who: resolveTarget(ctx, st.target, ack ? Date.parse(ack.at) : ctx.now, { shift: { dutyDate: c.dutyDate, shiftId: c.shiftId } }) };
}

function responsibilityOf(db: Db, now: number): HandoverView['responsibility'] {
  const c = changeInPlay(db, now);
  if (c.end > now) return null;
  const rec = getHandover(db, c.dutyDate, c.shiftId);
  const { confirmBy } = handoverTimes(db, c, rec);
  const outgoing = rec?.outgoingName ? [rec.outgoingName] : rosterNames(db, c, 'officer');
  return {
    dutyDate: c.dutyDate,
    shiftId: c.shiftId,
    shiftName: c.shiftName,
    state: rec?.state ?? 'none',
    outgoing,
    confirmBy: iso(confirmBy),
    overdue: now >= confirmBy,
    acknowledgement: getAck(db, c.dutyDate, c.shiftId),
  };
}

export function handoverView(ctx: ReadCtx, dutyDate?: string, shiftId?: number): HandoverView {
  const c = dutyDate ? changeOf(ctx.db, dutyDate, shiftId) : changeInPlay(ctx.db, ctx.now);
  const rec = getHandover(ctx.db, c.dutyDate, c.shiftId);
  const { handoverAt, confirmBy } = handoverTimes(ctx.db, c, rec);
  const ack = getAck(ctx.db, c.dutyDate, c.shiftId);
  const esc = escalationOf(ctx, c, rec, ack);
  // Paging: the shift changes around this one (over the days before and after).
  const around = shiftChangesBetween(ctx.db, addDays(c.dutyDate, -1), addDays(c.dutyDate, 1));
  const i = around.findIndex((x) => x.dutyDate === c.dutyDate && x.shiftId === c.shiftId);
  const keyOf = (x: ShiftChange | undefined, fallback: string) => (x ? { dutyDate: x.dutyDate, shiftId: x.shiftId } : { dutyDate: fallback, shiftId: c.shiftId });
  return {
    now: iso(ctx.now),
    outgoing: sideOf(ctx, c, 'outgoing'),
    incomingOfficers: sideOf(ctx, c, 'incoming'),
    dutyDate: c.dutyDate,
    shiftId: c.shiftId,
    shiftName: c.shiftName,
    incoming: { dutyDate: c.incoming.dutyDate, shiftId: c.incoming.shiftId, shiftName: c.incoming.shiftName },
    prev: keyOf(i > 0 ? around[i - 1] : undefined, addDays(c.dutyDate, -1)),
    next: keyOf(i >= 0 ? around[i + 1] : undefined, addDays(c.dutyDate, 1)),
    handoverAt: iso(handoverAt),
    confirmBy: iso(confirmBy),
    record: rec ? publicHandover(rec) : null,
    live: shiftSnapshot(ctx, c),
    objectsTemplate: getHandoverSettings(ctx.db).objects,
    escalation: esc
      ? {
          round: esc.state.round,
          stepIndex: esc.state.stepIndex,
          target: esc.state.target,
          targetName: esc.who.name,
          targetPhone: esc.who.phone,
          targetFallback: esc.who.fallback ?? null,
          exhausted: esc.state.status === 'exhausted',
        }
      : null,
    acknowledgement: ack,
    responsibility: responsibilityOf(ctx.db, ctx.now),
    todos: listTodos(ctx.db),
    instructions: openInstructions(ctx),
  };
}

/** A shift not yet begun has nothing to hand over. */
function mustHaveBegun(ctx: ReadCtx, c: ShiftChange): void {
  if (c.start > ctx.now) throw new DomainError('VALIDATION', 'handover.errors.futureDay');
}

function checkVersion(rec: HandoverRecord | null, expected: number): void {
  const current = rec?.version ?? 0;
  if (current !== expected) throw new DomainError('CONFLICT', 'incidents.errors.versionConflict', { current });
}

export interface HandoverKeyInput {
  dutyDate: string;
  shiftId?: number | undefined;
}

const newRecordOf = (c: ShiftChange) => ({ dutyDate: c.dutyDate, shiftId: c.shiftId, shiftName: c.shiftName, handoverAt: iso(c.end) });

/** Saves the form as a draft (a new version); a submitted or confirmed form cannot be edited. */
export function saveHandover(ctx: WriteCtx, key: HandoverKeyInput, expectedVersion: number, content: HandoverContent): Handover {
  const c = changeOf(ctx.db, key.dutyDate, key.shiftId);
  mustHaveBegun(ctx, c);
  mustActFor(ctx, c, 'outgoing');
  const rec = getHandover(ctx.db, c.dutyDate, c.shiftId);
  checkVersion(rec, expectedVersion);
  if (rec && rec.state !== 'draft' && rec.state !== 'returned') throw new DomainError('CONFLICT', 'handover.errors.notEditable');
  const at = iso(ctx.now);
  const by = actorName(ctx);
  const after = rec ? updateHandover(ctx.db, rec, { content }, null, by, at) : insertHandover(ctx.db, newRecordOf(c), content, by, at);
  ctx.audit({ action: 'handover.save', entity: 'handover', entityId: after.id, before: rec?.content ?? null, after: { dutyDate: c.dutyDate, shift: c.shiftName, content } });
  return publicHandover(after);
}

/** 已交班: the outgoing officer submits the form; the shift's record is frozen into it. */
export function submitHandover(ctx: WriteCtx, key: HandoverKeyInput, expectedVersion: number, content: HandoverContent): Handover {
  const c = changeOf(ctx.db, key.dutyDate, key.shiftId);
  mustHaveBegun(ctx, c);
  mustActFor(ctx, c, 'outgoing');
  let rec = getHandover(ctx.db, c.dutyDate, c.shiftId);
  checkVersion(rec, expectedVersion);
  if (rec && rec.state !== 'draft' && rec.state !== 'returned') throw new DomainError('CONFLICT', 'handover.errors.notEditable');
  const at = iso(ctx.now);
  const by = actorName(ctx);
  rec ??= insertHandover(ctx.db, newRecordOf(c), content, by, at);
  const snapshot = shiftSnapshot(ctx, c);
  const after = updateHandover(
    ctx.db,
    rec,
    { state: 'submitted', content, snapshot, outgoingUserId: ctx.session?.userId ?? null, outgoingName: by, submittedAt: at, returnedAt: null, returnNote: null },
    null,
    by,
    at,
  );
  ctx.audit({
    action: 'handover.submit',
    entity: 'handover',
    entityId: after.id,
    after: { dutyDate: c.dutyDate, shift: c.shiftName, content, logTotal: snapshot.logTotal, todos: snapshot.todos.length },
  });
  return publicHandover(after);
}

function mustSubmitted(ctx: ReadCtx, key: HandoverKeyInput, expectedVersion: number): HandoverRecord {
  const c = changeOf(ctx.db, key.dutyDate, key.shiftId);
  const rec = getHandover(ctx.db, c.dutyDate, c.shiftId);
  if (!rec) throw new DomainError('NOT_FOUND', 'handover.errors.notFound', { dutyDate: key.dutyDate });
  checkVersion(rec, expectedVersion);
  if (rec.state !== 'submitted') throw new DomainError('CONFLICT', 'handover.errors.notSubmitted');
  // Face to face, each as themself: the outgoing officer cannot accept their own shift.
  if (ctx.session && rec.outgoingUserId === ctx.session.userId) throw new DomainError('FORBIDDEN', 'handover.errors.sameOfficer');
  mustActFor(ctx, c, 'incoming');
  return rec;
}

/**
 * 已接班确认: the incoming officer, signed in as themself, writes "同意接班".
 * The audit chain head at that moment is kept on the record; the automatic
 * backup runs after the commit.
 */
export function confirmHandover(ctx: WriteCtx, key: HandoverKeyInput, expectedVersion: number, note: string | null): Handover {
  const rec = mustSubmitted(ctx, key, expectedVersion);
  const at = iso(ctx.now);
  const by = actorName(ctx);
  const confirmNote = note ?? '同意接班';
  const ev = ctx.audit({
    action: 'handover.confirm',
    entity: 'handover',
    entityId: rec.id,
    before: { state: rec.state },
    after: { dutyDate: rec.dutyDate, shift: rec.shiftName, incoming: by, note: confirmNote, at },
  });
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
export function returnHandover(ctx: WriteCtx, key: HandoverKeyInput, expectedVersion: number, note: string): Handover {
  const rec = mustSubmitted(ctx, key, expectedVersion);
  const at = iso(ctx.now);
  const by = actorName(ctx);
  const after = updateHandover(ctx.db, rec, { state: 'returned', returnedAt: at, returnNote: note, incomingName: by }, note, by, at);
  ctx.audit({ action: 'handover.return', entity: 'handover', entityId: rec.id, before: { state: rec.state }, after: { dutyDate: rec.dutyDate, shift: rec.shiftName, by, note }, reason: note });
  return publicHandover(after);
}

/** Whether a shift change is a handover someone owes: begun as a form, or rostered and after the desk was set up. */
function isOwed(db: Db, c: ShiftChange, rec: HandoverRecord | null): boolean {
  if (rec) return true;
  const setUpAt = Date.parse(getDesk(db)?.createdAt ?? iso(0));
  return c.end > setUpAt && isRostered(db, c);
}

/**
 * 带班领导已知悉: the leader, from the leader's own login, acknowledges the
 * escalation of a handover nobody has accepted. The escalation stops at that
 * step (it no longer rings or moves on); the handover stays listed, overdue,
 * and the outgoing shift stays responsible until the incoming officer accepts.
 */
export function acknowledgeHandover(ctx: WriteCtx, key: HandoverKeyInput, note: string | null): HandoverAck {
  const c = changeOf(ctx.db, key.dutyDate, key.shiftId);
  const rec = getHandover(ctx.db, c.dutyDate, c.shiftId);
  if (rec?.state === 'confirmed') throw new DomainError('CONFLICT', 'handover.errors.alreadyConfirmed');
  if (getAck(ctx.db, c.dutyDate, c.shiftId)) throw new DomainError('CONFLICT', 'handover.errors.alreadyAcknowledged');
  const esc = isOwed(ctx.db, c, rec) ? escalationOf(ctx, c, rec, null) : null;
  if (!esc) throw new DomainError('CONFLICT', 'handover.errors.notEscalated');
  const ack = insertAck(
    ctx.db,
    { dutyDate: c.dutyDate, shiftId: c.shiftId, round: esc.state.round, stepIndex: esc.state.stepIndex, target: esc.state.target, byName: actorName(ctx), at: iso(ctx.now), note },
    ctx.session?.userId ?? null,
  );
  ctx.audit({ action: 'handover.acknowledge', entity: 'handover', entityId: rec?.id ?? null, after: { ...ack, shift: c.shiftName, state: rec?.state ?? 'none' } });
  return ack;
}

export function handoverPrint(ctx: ReadCtx, key: HandoverKeyInput): HandoverPrint {
  const c = changeOf(ctx.db, key.dutyDate, key.shiftId);
  const rec = getHandover(ctx.db, c.dutyDate, c.shiftId);
  if (!rec || !rec.snapshot) throw new DomainError('NOT_FOUND', 'handover.errors.notFound', { dutyDate: key.dutyDate });
  return {
    unitName: getDesk(ctx.db)?.unitName ?? '',
    deskId: ctx.core.deskId() ?? '',
    timeZone: deskTimeZone(ctx.db),
    handover: publicHandover(rec),
    snapshot: rec.snapshot,
    acknowledgement: getAck(ctx.db, c.dutyDate, c.shiftId),
  };
}

export function handoverHistory(ctx: ReadCtx, key: HandoverKeyInput) {
  const c = changeOf(ctx.db, key.dutyDate, key.shiftId);
  const rec = getHandover(ctx.db, c.dutyDate, c.shiftId);
  if (!rec) throw new DomainError('NOT_FOUND', 'handover.errors.notFound', { dutyDate: key.dutyDate });
  return handoverVersions(ctx.db, rec.id);
}

/** The handovers of the shift changes in (start, end], for the daily report: one per duty day by default, one per shift change with 白班/夜班. */
export function handoversIn(db: Db, start: number, end: number) {
  const tz = deskTimeZone(db);
  const from = addDays(localParts(start, tz).date, -2);
  const to = localParts(end, tz).date;
  const changes = shiftChangesBetween(db, from, to).filter((c) => c.end > start && c.end <= end);
  const records = handoversBetween(db, from, to).filter((h) => Date.parse(h.handoverAt) > start && Date.parse(h.handoverAt) <= end);
  const keys = new Set(changes.map((c) => `${c.dutyDate}|${c.shiftId}`));
  const rows = [
    ...changes.map((c) => ({ c, rec: records.find((r) => r.dutyDate === c.dutyDate && r.shiftId === c.shiftId) ?? null })),
    // A form of a shift since retired is still reported.
    ...records.filter((r) => !keys.has(`${r.dutyDate}|${r.shiftId}`)).map((r) => ({ c: changeOfRecord(r), rec: r })),
  ].sort((a, b) => a.c.end - b.c.end);
  return rows.map(({ c, rec }) => ({
    dutyDate: c.dutyDate,
    shiftId: c.shiftId,
    shiftName: c.shiftName,
    handoverAt: rec?.handoverAt ?? iso(c.end),
    state: rec?.state ?? ('none' as const),
    outgoing: rec?.outgoingName ?? null,
    incoming: rec?.incomingName ?? null,
  }));
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
 * The handover confirmations for "Due next": the running shift's from two
 * hours before its shift change, the one just past until confirmed, and any
 * older submitted or returned form. Past its limit an unconfirmed handover
 * escalates along the desk's escalation policy (leader on duty first); each
 * step is its own item, so the due scheduler rings at every step — until the
 * leader acknowledges (已知悉): then it stays listed and red, and rings no more.
 */
export function handoverDueItems(ctx: Pick<ReadCtx, 'db' | 'now'>): DueItem[] {
  const { prev, cur, all } = changesAround(ctx.db, ctx.now);
  const changes: ShiftChange[] = [];
  for (const rec of unconfirmedBefore(ctx.db, iso(prev?.end ?? ctx.now))) {
    changes.push(all.find((c) => c.dutyDate === rec.dutyDate && c.shiftId === rec.shiftId) ?? changeOfRecord(rec));
  }
  if (prev) changes.push(prev);
  if (ctx.now >= cur.end - dueLeadMs) changes.push(cur);
  const items: DueItem[] = [];
  for (const c of changes) {
    const rec = getHandover(ctx.db, c.dutyDate, c.shiftId);
    if (rec?.state === 'confirmed') continue;
    // A shift change before this desk was set up, or one with neither roster nor form, is not a handover anyone owes.
    if (!isOwed(ctx.db, c, rec)) continue;
    const { confirmBy } = handoverTimes(ctx.db, c, rec);
    const ack = getAck(ctx.db, c.dutyDate, c.shiftId);
    const key = `handover-${c.dutyDate}-${c.shiftId}`;
    const base = { kind: 'handover' as const, dutyDate: c.dutyDate, shiftId: c.shiftId, shiftName: c.shiftName, state: rec?.state ?? ('none' as const) };
    const esc = escalationOf(ctx, c, rec, ack);
    if (!esc) {
      items.push({ ...base, id: key, dueAt: iso(confirmBy), overdue: false, escalation: null, acknowledged: null });
      continue;
    }
    const st = esc.state;
    items.push({
      ...base,
      id: ack ? `${key}-ack` : `${key}-${st.round}-${st.stepIndex}`,
      dueAt: ack ? iso(confirmBy) : iso(st.dueAt),
      overdue: true,
      escalation: { round: st.round, stepIndex: st.stepIndex, target: st.target, targetName: esc.who.name, targetPhone: esc.who.phone, targetFallback: esc.who.fallback ?? null, exhausted: st.status === 'exhausted' },
      acknowledged: ack ? { byName: ack.byName, at: ack.at } : null,
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
    // The table's 数量 is the items raised in the period (never 0 beside "新增 1").
    count: raised.length,
  };
}
