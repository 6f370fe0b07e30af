/**
 * Roster services: plan detail and conflicts, generation, publication with
 * versions and change lists, swaps, and who is on duty.
 *
 * Mutating functions run inside the caller's transaction (`WriteCtx`) and
 * audit every change; readers take a `Db`.
 */
import type { Person } from '../../../shared/contract';
import type { GenerateOutcome, RosterDetail, RosterPerson, RosterPlan, SlotChange } from '../../../shared/contract/roster';
import type { Calendar, DayInfo } from '../../../shared/domain/calendar';

import { fairnessReport, generateRoster, type HistoryDuty } from '../../../shared/domain/roster-generate';
import { checkRoster, slotId, slotsFor, type Assignment, type Conflict, type SlotKey } from '../../../shared/domain/roster-rules';
import { shiftInterval } from '../../../shared/domain/shift';
import { DomainError } from '../../../shared/errors';
import { addDays, datesBetween } from '../../../shared/time';
import { loadCalendar } from '../calendar/db';
import type { WriteCtx } from '../context';
import { deskTimeZone, iso } from '../context';
import { getPerson, listPeople } from '../directory/people-db';
import { liveBetween } from "../duty/db";
import type { Db } from '../store/connection';
import { getDraft, getPlan, getRules, getVersionAssignments, insertVersion, listLeave, listShifts, overlappingPublished, replaceDraft, setDraftSlot, updatePlan, type TimedAssignment } from './db';


export function mustPlan(db: Db, planId: number): RosterPlan {
  const p = getPlan(db, planId);
  if (!p) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', { entity: 'roster_plan', id: planId });
  return p;
}

export function mustLivePlan(db: Db, planId: number): RosterPlan {
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

export function conflictsOf(db: Db, plan: RosterPlan, days: DayInfo[], assignments: Assignment[], people: Person[]): Conflict[] {
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
export function writeVersion(ctx: WriteCtx, plan: RosterPlan, assignments: readonly Assignment[], reason: string | null, action: string): RosterPlan {
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

