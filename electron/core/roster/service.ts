/**
 * Roster services: plan detail and conflicts, generation, publication with
 * versions and change lists, swaps, and who is on duty.
 *
 * Mutating functions run inside the caller's transaction (`WriteCtx`) and
 * audit every change; readers take a `Db`.
 */
import { DomainError } from '../../../shared/errors';
import type { DutyRole } from '../../../shared/roles';
import type { Calendar, DayInfo } from '../../../shared/domain/calendar';
import { addDays, datesBetween } from '../../../shared/domain/calendar-dates';
import { checkRoster, slotId, slotsFor, type Assignment, type Conflict, type SlotKey } from '../../../shared/domain/roster-rules';
import { fairnessReport, generateRoster, type HistoryDuty } from '../../../shared/domain/roster-generate';
import { dutyDayAt, minutesUntil, shiftInterval } from '../../../shared/domain/shift';
import type {
  DutyDay,
  DutyNow,
  DutyPerson,
  DutyShift,
  GenerateOutcome,
  MyDuty,
  RosterDetail,
  RosterPerson,
  RosterPlan,
  SlotChange,
  SwapRequest,
} from '../../../shared/contract/roster';
import type { Person } from '../../../shared/contract';
import type { Db } from '../store/connection';
import type { WriteCtx } from '../context';
import { getDesk } from '../desk/db';
import { getPerson, listPeople } from '../directory/people-db';
import { loadCalendar } from '../calendar/db';
import {
  decideSwap,
  getDraft,
  getPlan,
  getRules,
  getSwap,
  getVersionAssignments,
  insertNotice,
  insertSwap,
  insertVersion,
  listLeave,
  listNotices,
  listShifts,
  liveAt,
  liveBetween,
  liveForPerson,
  liveNextAfter,
  overlappingPublished,
  replaceDraft,
  setDraftSlot,
  updatePlan,
  type LiveRow,
  type TimedAssignment,
} from './db';

export const iso = (ms: number): string => new Date(ms).toISOString();
export const deskTimeZone = (db: Db): string => getDesk(db)?.timeZone ?? 'Asia/Shanghai';

export function mustPlan(db: Db, planId: number): RosterPlan {
  const p = getPlan(db, planId);
  if (!p) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', { entity: 'roster_plan', id: planId });
  return p;
}

function mustLivePlan(db: Db, planId: number): RosterPlan {
  const p = mustPlan(db, planId);
  if (p.state === 'voided') throw new DomainError('CONFLICT', 'roster.errors.planVoided');
  return p;
}

/** Blocks planning in a year without official holiday data (DOMAIN §5). */
export function assertYearsKnown(cal: Calendar, from: string, to: string): void {
  const missing = cal.missingYears(from, to);
  if (missing.length) throw new DomainError('CONFLICT', 'roster.errors.noHolidayData', { year: missing.join('、') });
}

const toRosterPerson = (p: Person): RosterPerson => ({
  id: p.id,
  name: p.name,
  roles: p.roles,
  department: p.department,
  mobile: p.mobile,
  officePhone: p.officePhone,
  active: p.active,
});

/** Published duties in the 12 months before `from` (fairness history and the rest rule at the edge). */
export function historyBefore(db: Db, cal: Calendar, from: string, exceptPlan: number | null): HistoryDuty[] {
  return liveBetween(db, addDays(from, -365), addDays(from, -1))
    .filter((r) => r.plan_id !== exceptPlan)
    .map((r) => ({ personId: r.person_id, role: r.role, dayType: cal.dayInfo(r.date).type, date: r.date }));
}

export function planDays(cal: Calendar, plan: { from: string; to: string }): DayInfo[] {
  return datesBetween(plan.from, plan.to).map((d) => cal.dayInfo(d));
}

function conflictsOf(db: Db, plan: RosterPlan, days: DayInfo[], assignments: Assignment[], people: Person[]): Conflict[] {
  const rules = getRules(db);
  const edge = rules.minRestDays;
  const outside = [...liveBetween(db, addDays(plan.from, -edge), addDays(plan.from, -1)), ...liveBetween(db, addDays(plan.to, 1), addDays(plan.to, edge))]
    .filter((r) => r.plan_id !== plan.id)
    .map((r) => ({ personId: r.person_id, date: r.date }));
  return checkRoster({
    days,
    shifts: listShifts(db),
    people: people.filter((p) => p.active),
    unavailability: listLeave(db, plan.from, plan.to),
    assignments,
    rules,
    outside,
  });
}

export function rosterDetail(db: Db, planId: number): RosterDetail {
  const plan = mustPlan(db, planId);
  const cal = loadCalendar(db);
  const days = planDays(cal, plan);
  const shifts = listShifts(db);
  const people = listPeople(db, { includeInactive: true });
  const assignments = getDraft(db, planId);
  return {
    plan,
    days,
    shifts,
    slots: slotsFor(days, shifts),
    assignments,
    conflicts: conflictsOf(db, plan, days, assignments, people),
    people: people.filter((p) => p.active || assignments.some((a) => a.personId === p.id)).map(toRosterPerson),
    leave: listLeave(db, plan.from, plan.to),
    missingYears: cal.missingYears(plan.from, plan.to),
  };
}

const compact = (a: readonly Assignment[]): string[] => a.filter((x) => x.personId !== null).map((x) => `${slotId(x)}|${x.personId}${x.pinned ? '*' : ''}`);

export function generate(ctx: WriteCtx, planId: number): GenerateOutcome {
  const plan = mustLivePlan(ctx.db, planId);
  const cal = loadCalendar(ctx.db);
  assertYearsKnown(cal, plan.from, plan.to);
  const rules = getRules(ctx.db);
  const before = getDraft(ctx.db, planId);
  const people = listPeople(ctx.db);
  const input = {
    days: planDays(cal, plan),
    shifts: listShifts(ctx.db),
    people: people.map((p) => ({ id: p.id, roles: p.roles })),
    unavailability: listLeave(ctx.db, plan.from, plan.to),
    pins: before.filter((a) => a.pinned),
    history: historyBefore(ctx.db, cal, plan.from, plan.id),
    rules,
  };
  const result = generateRoster(input);
  replaceDraft(ctx.db, planId, result.assignments);
  updatePlan(ctx.db, planId, { dirty: true }, iso(ctx.now));
  ctx.audit({
    action: 'roster.generate',
    entity: 'roster_plan',
    entityId: planId,
    before: { assignments: compact(before) },
    after: { assignments: compact(result.assignments), unfilled: result.unfilled.length },
  });
  return { detail: rosterDetail(ctx.db, planId), unfilled: result.unfilled, fairness: fairnessReport(input, result.assignments) };
}

export function assign(ctx: WriteCtx, input: SlotKey & { planId: number; personId: number | null; pinned?: boolean }): RosterDetail {
  const plan = mustLivePlan(ctx.db, input.planId);
  if (input.date < plan.from || input.date > plan.to) throw new DomainError('CONFLICT', 'roster.errors.outsidePlan');
  const cal = loadCalendar(ctx.db);
  assertYearsKnown(cal, input.date, input.date);
  if (!listShifts(ctx.db, true).some((s) => s.id === input.shiftId)) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', { entity: 'shift' });
  if (input.personId !== null) {
    const p = getPerson(ctx.db, input.personId);
    if (!p || !p.active) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', { entity: 'person' });
  }
  const slot: SlotKey = { date: input.date, shiftId: input.shiftId, role: input.role, index: input.index };
  const before = getDraft(ctx.db, input.planId).find((a) => slotId(a) === slotId(slot)) ?? null;
  const pinned = input.personId !== null && (input.pinned ?? true);
  setDraftSlot(ctx.db, input.planId, slot, input.personId, pinned);
  updatePlan(ctx.db, input.planId, { dirty: true }, iso(ctx.now));
  ctx.audit({
    action: 'roster.assign',
    entity: 'roster_plan',
    entityId: input.planId,
    before,
    after: input.personId === null ? null : { ...slot, personId: input.personId, pinned },
  });
  return rosterDetail(ctx.db, input.planId);
}

/** Slot-by-slot difference between two rosters. */
export function diffAssignments(before: readonly Assignment[], after: readonly Assignment[]): SlotChange[] {
  const a = new Map(before.filter((x) => x.personId !== null).map((x) => [slotId(x), x]));
  const b = new Map(after.filter((x) => x.personId !== null).map((x) => [slotId(x), x]));
  const out: SlotChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (x?.personId === y?.personId) continue;
    const s = (x ?? y)!;
    out.push({ date: s.date, shiftId: s.shiftId, role: s.role, index: s.index, from: x?.personId ?? null, to: y?.personId ?? null });
  }
  return out.sort((p, q) => p.date.localeCompare(q.date) || p.shiftId - q.shiftId || p.role.localeCompare(q.role) || p.index - q.index);
}

function timed(db: Db, assignments: readonly Assignment[]): TimedAssignment[] {
  const tz = deskTimeZone(db);
  const shifts = new Map(listShifts(db, true).map((s) => [s.id, s]));
  return assignments.map((a) => {
    const { start, end } = shiftInterval(a.date, shifts.get(a.shiftId)!, tz);
    return { ...a, startAt: iso(start), endAt: iso(end) };
  });
}

/** Writes version n+1 of a plan from `assignments`, makes it live, and audits it. */
function writeVersion(ctx: WriteCtx, plan: RosterPlan, assignments: readonly Assignment[], reason: string | null, action: string): RosterPlan {
  const prev = plan.version > 0 ? getVersionAssignments(ctx.db, plan.id, plan.version) : [];
  const changes = diffAssignments(prev, assignments);
  if (plan.version > 0 && changes.length === 0) throw new DomainError('CONFLICT', 'roster.errors.noChanges');
  const clash = overlappingPublished(ctx.db, plan.from, plan.to, plan.id);
  if (clash.length) throw new DomainError('CONFLICT', 'roster.errors.overlap', { title: clash[0]!.title });
  const version = plan.version + 1;
  insertVersion(
    ctx.db,
    { planId: plan.id, version, publishedAt: iso(ctx.now), publishedBy: ctx.session?.login ?? 'system', reason, changes },
    timed(ctx.db, assignments),
  );
  const after = updatePlan(ctx.db, plan.id, { version }, iso(ctx.now));
  ctx.audit({ action, entity: 'roster_plan', entityId: plan.id, before: { version: plan.version }, after: { version, changes }, reason });
  return after;
}

export function publish(ctx: WriteCtx, planId: number, reason: string | null, acceptWarnings: boolean): RosterPlan {
  const plan = mustLivePlan(ctx.db, planId);
  if (plan.version > 0 && !reason) throw new DomainError('CONFLICT', 'roster.errors.reasonRequired');
  const detail = rosterDetail(ctx.db, planId);
  if (detail.missingYears.length) throw new DomainError('CONFLICT', 'roster.errors.noHolidayData', { year: detail.missingYears.join('、') });
  if (detail.conflicts.length && !acceptWarnings) throw new DomainError('CONFLICT', 'roster.errors.hasConflicts', { count: detail.conflicts.length });
  writeVersion(ctx, plan, detail.assignments, reason, plan.version > 0 ? 'roster.amend' : 'roster.publish');
  return updatePlan(ctx.db, planId, { dirty: false }, iso(ctx.now));
}

// ── swaps ─────────────────────────────────────────────────────────────────────

interface SwapInput {
  planId: number;
  kind: 'swap' | 'cover';
  personA: number;
  dateA: string;
  personB: number;
  dateB: string | null;
}

/** The published roster after applying a swap, or an error key when it cannot apply. */
function applySwap(published: readonly Assignment[], s: SwapInput): { next: Assignment[]; changed: SlotChange[] } {
  const next = published.map((a) => ({ ...a }));
  const slotA = next.find((a) => a.date === s.dateA && a.personId === s.personA);
  if (!slotA) throw new DomainError('CONFLICT', 'roster.errors.notOnDuty', { date: s.dateA });
  if (s.kind === 'swap') {
    if (!s.dateB) throw new DomainError('VALIDATION', 'roster.errors.swapNeedsDate');
    const slotB = next.find((a) => a.date === s.dateB && a.personId === s.personB);
    if (!slotB) throw new DomainError('CONFLICT', 'roster.errors.notOnDuty', { date: s.dateB });
    slotB.personId = s.personA;
  }
  slotA.personId = s.personB;
  return { next, changed: diffAssignments(published, next) };
}

function swapWarnings(db: Db, plan: RosterPlan, s: SwapInput): Conflict[] {
  const published = getVersionAssignments(db, plan.id, plan.version);
  const { next } = applySwap(published, s);
  const cal = loadCalendar(db);
  const all = conflictsOf(db, plan, planDays(cal, plan), next, listPeople(db, { includeInactive: true }));
  const before = new Set(conflictsOf(db, plan, planDays(cal, plan), published, listPeople(db, { includeInactive: true })).map((c) => `${c.kind}|${c.date}|${c.personId}`));
  return all.filter((c) => !before.has(`${c.kind}|${c.date}|${c.personId}`) && (c.personId === s.personA || c.personId === s.personB));
}

export function withWarnings(db: Db, s: Omit<SwapRequest, 'warnings'>): SwapRequest {
  if (s.state !== 'requested') return { ...s, warnings: [] };
  const plan = getPlan(db, s.planId);
  if (!plan || plan.version === 0) return { ...s, warnings: [] };
  try {
    return { ...s, warnings: swapWarnings(db, plan, s) };
  } catch {
    // The roster changed since the request: approving it will say why.
    return { ...s, warnings: [] };
  }
}

export function requestSwap(ctx: WriteCtx, input: SwapInput & { reason: string }): SwapRequest {
  const plan = mustLivePlan(ctx.db, input.planId);
  if (plan.version === 0) throw new DomainError('CONFLICT', 'roster.errors.notPublished');
  if (input.personA === input.personB) throw new DomainError('VALIDATION', 'roster.errors.samePerson');
  for (const id of [input.personA, input.personB]) {
    const p = getPerson(ctx.db, id);
    if (!p || !p.active) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', { entity: 'person' });
  }
  const dateB = input.kind === 'swap' ? (input.dateB ?? null) : null;
  const s = { ...input, dateB };
  // Throws when A is not on duty on dateA (or B on dateB).
  applySwap(getVersionAssignments(ctx.db, plan.id, plan.version), s);
  const row = insertSwap(ctx.db, { ...s, requestedBy: ctx.session?.login ?? 'system' }, iso(ctx.now));
  const nameA = getPerson(ctx.db, input.personA)!.name;
  insertNotice(ctx.db, { personId: input.personB, kind: 'swapRequested', swapId: row.id, params: { name: nameA, date: input.dateA } }, iso(ctx.now));
  ctx.audit({ action: 'swap.request', entity: 'roster_swap', entityId: row.id, after: row, reason: input.reason });
  return withWarnings(ctx.db, row);
}

export function decide(ctx: WriteCtx, id: number, approve: boolean, note: string | null): SwapRequest {
  const s = getSwap(ctx.db, id);
  if (!s) throw new DomainError('NOT_FOUND');
  if (s.state !== 'requested') throw new DomainError('CONFLICT', 'roster.errors.swapClosed');
  const plan = mustLivePlan(ctx.db, s.planId);
  const by = ctx.session?.login ?? 'system';
  const at = iso(ctx.now);
  let version: number | null = null;
  const dates = [s.dateA, ...(s.dateB ? [s.dateB] : [])];
  if (approve) {
    const published = getVersionAssignments(ctx.db, plan.id, plan.version);
    const { next, changed } = applySwap(published, s);
    const reason = `${s.kind === 'swap' ? '换班' : '替班'}#${s.id}：${s.reason}`;
    const after = writeVersion(ctx, plan, next, reason, 'roster.amend');
    version = after.version;
    // Carry the change into the working copy where it still holds the old person.
    const draft = new Map(getDraft(ctx.db, plan.id).map((a) => [slotId(a), a]));
    for (const c of changed) {
      const d = draft.get(slotId(c));
      if (d && d.personId === c.from) setDraftSlot(ctx.db, plan.id, c, c.to, d.pinned);
    }
  }
  decideSwap(ctx.db, id, { state: approve ? 'approved' : 'rejected', by, at, note, version });
  // Both people, and the leaders on duty on the dates concerned, see it on their consoles.
  const notify = new Set([s.personA, s.personB]);
  if (approve) for (const r of liveBetween(ctx.db, dates[0]!, dates[0]!).concat(s.dateB ? liveBetween(ctx.db, s.dateB, s.dateB) : [])) if (r.role === 'leader') notify.add(r.person_id);
  const params = { a: getPerson(ctx.db, s.personA)!.name, b: getPerson(ctx.db, s.personB)!.name, date: dates.join('、'), version: version ?? 0 };
  for (const p of notify) insertNotice(ctx.db, { personId: p, kind: approve ? 'swapApproved' : 'swapRejected', swapId: id, params }, at);
  const row = getSwap(ctx.db, id)!;
  ctx.audit({ action: approve ? 'swap.approve' : 'swap.reject', entity: 'roster_swap', entityId: id, before: s, after: row, reason: note });
  return { ...row, warnings: [] };
}

export function cancelSwap(ctx: WriteCtx, id: number, reason: string): SwapRequest {
  const s = getSwap(ctx.db, id);
  if (!s) throw new DomainError('NOT_FOUND');
  if (s.state !== 'requested') throw new DomainError('CONFLICT', 'roster.errors.swapClosed');
  const session = ctx.session;
  const isOwner = session?.login === s.requestedBy || (session?.personId != null && (session.personId === s.personA || session.personId === s.personB));
  if (!isOwner && !session?.roles.includes('admin')) throw new DomainError('FORBIDDEN');
  decideSwap(ctx.db, id, { state: 'cancelled', by: session?.login ?? 'system', at: iso(ctx.now), note: reason, version: null });
  const row = getSwap(ctx.db, id)!;
  ctx.audit({ action: 'swap.cancel', entity: 'roster_swap', entityId: id, before: s, after: row, reason });
  return { ...row, warnings: [] };
}

// ── who is on duty ────────────────────────────────────────────────────────────

function shiftsOf(db: Db, rows: readonly LiveRow[]): DutyShift[] {
  const names = new Map(listShifts(db, true).map((s) => [s.id, s.name]));
  const people = new Map<number, Person | null>();
  const person = (id: number) => {
    if (!people.has(id)) people.set(id, getPerson(db, id));
    return people.get(id)!;
  };
  const out = new Map<string, DutyShift>();
  for (const r of rows) {
    const key = `${r.date}|${r.shift_id}`;
    let s = out.get(key);
    if (!s) {
      s = { date: r.date, shiftId: r.shift_id, shiftName: names.get(r.shift_id) ?? '', start: r.start_at, end: r.end_at, leader: [], officer: [], standby: [] };
      out.set(key, s);
    }
    const p = person(r.person_id);
    const dp: DutyPerson = {
      personId: r.person_id,
      name: p?.name ?? '?',
      role: r.role,
      mobile: p?.mobile ?? null,
      officePhone: p?.officePhone ?? null,
      department: p?.department ?? null,
      title: p?.title ?? null,
    };
    s[r.role].push(dp);
  }
  return [...out.values()];
}

export function dutyNow(db: Db, now: number): DutyNow {
  const desk = getDesk(db);
  const tz = desk?.timeZone ?? 'Asia/Shanghai';
  const at = iso(now);
  const current = shiftsOf(db, liveAt(db, at));
  const handover = current.length ? current.map((s) => s.end).sort()[0]! : null;
  const nextRows = liveNextAfter(db, current.length ? current.map((s) => s.start).sort().at(-1)! : at);
  const next = shiftsOf(db, nextRows)[0] ?? null;
  const dutyDate = current[0]?.date ?? dutyDayAt(now, tz);
  return {
    now: at,
    dutyDate,
    day: loadCalendar(db).dayInfo(dutyDate),
    unitName: desk?.unitName ?? '',
    dutyPhone: desk?.dutyPhone ?? null,
    fax: desk?.fax ?? null,
    current,
    next,
    handoverAt: handover,
    minutesToHandover: handover ? minutesUntil(now, Date.parse(handover)) : null,
  };
}

export function dutyDays(db: Db, from: string, n: number): DutyDay[] {
  const cal = loadCalendar(db);
  const to = addDays(from, n - 1);
  const shifts = shiftsOf(db, liveBetween(db, from, to));
  return datesBetween(from, to).map((date) => ({ date, day: cal.dayInfo(date), shifts: shifts.filter((s) => s.date === date) }));
}

export function myDuty(db: Db, personId: number | null, now: number): MyDuty {
  if (personId === null) return { personId, upcoming: [], tomorrow: null, notices: [] };
  const tz = deskTimeZone(db);
  const rows = liveForPerson(db, personId, iso(now), 10);
  const upcoming = rows.map((r) => ({ ...shiftsOf(db, liveBetween(db, r.date, r.date).filter((x) => x.shift_id === r.shift_id))[0]!, role: r.role as DutyRole }));
  const tomorrowDate = addDays(dutyDayAt(now, tz), 1);
  return {
    personId,
    upcoming,
    tomorrow: upcoming.find((u) => u.date === tomorrowDate) ?? null,
    notices: listNotices(db, personId),
  };
}
