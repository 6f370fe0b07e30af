/**
 * Roster model and hard rules, shared by the generator, the editor's live
 * warnings and the core's checks before publishing.
 *
 * Hard rules: role eligibility; leave/unavailability; one slot per
 * person per duty day; minimum rest between duty days (default 1 free day:
 * never two consecutive duty days); every needed slot filled; planning only in
 * years with official holiday data.
 */
import type { DutyRole } from '../roles';
import { dutyRoles } from '../roles';
import type { DayInfo, DayType } from './calendar';
import { dayIndex } from '../time';

export interface ShiftNeed {
  leader: number;
  officer: number;
  standby: number;
}

/** A shift (班次): a 24-hour duty day from 08:30 by default, or 白班/夜班 parts of it. */
export interface ShiftTemplate {
  id: number;
  name: string;
  /** Minutes after local midnight of the duty date (08:30 → 510). */
  startMinutes: number;
  /** Length in minutes (1440 for a full duty day); may run past midnight. */
  durationMinutes: number;
  /** Roles each duty day needs, per day type. */
  needs: Record<DayType, ShiftNeed>;
  active: boolean;
  sortOrder: number;
}

export interface RosterRules {
  /** Free days required between two duty days of one person (1: no two consecutive days). */
  minRestDays: number;
  /** Fairness weight of one duty on each day type (statutory holiday > weekend > workday). */
  weights: Record<DayType, number>;
}

export const defaultRules: RosterRules = {
  minRestDays: 1,
  weights: { holiday: 3, weekend: 2, makeup: 1, workday: 1 },
};

/** A new desk's duty day: 1 带班领导, 1 值班员 and 1 备班 every day (the standby is what the console shows under 备班). */
export const defaultNeeds = (): Record<DayType, ShiftNeed> => ({
  workday: { leader: 1, officer: 1, standby: 1 },
  weekend: { leader: 1, officer: 1, standby: 1 },
  holiday: { leader: 1, officer: 1, standby: 1 },
  makeup: { leader: 1, officer: 1, standby: 1 },
});

export interface RosterPerson {
  id: number;
  roles: readonly string[];
}

export interface Unavailability {
  personId: number;
  from: string;
  to: string;
  reason: string;
}

/** One slot of a duty day: shift × role × index (0 for the first officer …). */
export interface SlotKey {
  date: string;
  shiftId: number;
  role: DutyRole;
  index: number;
}

export interface Assignment extends SlotKey {
  personId: number | null;
  pinned: boolean;
}

export const slotId = (s: SlotKey): string => `${s.date}|${s.shiftId}|${s.role}|${s.index}`;

export const roleOrder = (r: DutyRole): number => dutyRoles.indexOf(r);

/** Every slot the period needs, in date, shift, role, index order. */
export function slotsFor(days: readonly DayInfo[], shifts: readonly ShiftTemplate[]): SlotKey[] {
  const out: SlotKey[] = [];
  const active = shifts.filter((s) => s.active).sort((a, b) => a.sortOrder - b.sortOrder || a.startMinutes - b.startMinutes || a.id - b.id);
  for (const day of days) {
    for (const shift of active) {
      const need = shift.needs[day.type];
      for (const role of dutyRoles) for (let index = 0; index < need[role]; index += 1) out.push({ date: day.date, shiftId: shift.id, role, index });
    }
  }
  return out;
}

export const conflictKinds = ['unknownYear', 'missing', 'ineligible', 'leave', 'doubleBooked', 'rest', 'unknownPerson'] as const;
export type ConflictKind = (typeof conflictKinds)[number];

export interface Conflict {
  kind: ConflictKind;
  date: string;
  personId: number | null;
  slot: SlotKey | null;
  /** The other date involved (rest) or the leave reason. */
  detail: string | null;
}

export interface CheckInput {
  days: readonly DayInfo[];
  shifts: readonly ShiftTemplate[];
  people: readonly RosterPerson[];
  unavailability: readonly Unavailability[];
  assignments: readonly Assignment[];
  rules: RosterRules;
  /** Duty dates of people outside the period (published history), for the rest rule at the edges. */
  outside?: readonly { personId: number; date: string }[];
}

/** Every hard-rule breach of a roster, for the editor's warnings and the publish check. */
export function checkRoster(input: CheckInput): Conflict[] {
  const out: Conflict[] = [];
  const people = new Map(input.people.map((p) => [p.id, p]));
  for (const d of input.days) if (!d.known) out.push({ kind: 'unknownYear', date: d.date, personId: null, slot: null, detail: d.date.slice(0, 4) });

  const filled = new Set(input.assignments.filter((a) => a.personId !== null).map(slotId));
  for (const s of slotsFor(input.days, input.shifts)) {
    if (!filled.has(slotId(s))) out.push({ kind: 'missing', date: s.date, personId: null, slot: s, detail: null });
  }

  const byPersonDay = new Map<string, Assignment[]>();
  const dutyDays = new Map<number, Set<number>>();
  for (const o of input.outside ?? []) {
    let set = dutyDays.get(o.personId);
    if (!set) dutyDays.set(o.personId, (set = new Set()));
    set.add(dayIndex(o.date));
  }
  for (const a of input.assignments) {
    if (a.personId === null) continue;
    const p = people.get(a.personId);
    const slot: SlotKey = { date: a.date, shiftId: a.shiftId, role: a.role, index: a.index };
    if (!p) {
      out.push({ kind: 'unknownPerson', date: a.date, personId: a.personId, slot, detail: null });
      continue;
    }
    if (!p.roles.includes(a.role)) out.push({ kind: 'ineligible', date: a.date, personId: a.personId, slot, detail: a.role });
    for (const u of input.unavailability) {
      if (u.personId === a.personId && u.from <= a.date && a.date <= u.to) out.push({ kind: 'leave', date: a.date, personId: a.personId, slot, detail: u.reason });
    }
    const key = `${a.personId}|${a.date}`;
    const list = byPersonDay.get(key) ?? [];
    list.push(a);
    byPersonDay.set(key, list);
    if (list.length === 2) out.push({ kind: 'doubleBooked', date: a.date, personId: a.personId, slot, detail: null });
    let set = dutyDays.get(a.personId);
    if (!set) dutyDays.set(a.personId, (set = new Set()));
    set.add(dayIndex(a.date));
  }
  // Rest: report the later day of each pair closer than the minimum.
  const periodStart = input.days.length ? dayIndex(input.days[0]!.date) : 0;
  for (const [personId, set] of dutyDays) {
    const sorted = [...set].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i += 1) {
      const gap = sorted[i]! - sorted[i - 1]! - 1;
      if (gap < input.rules.minRestDays && sorted[i]! >= periodStart) {
        const date = new Date(sorted[i]! * 86_400_000).toISOString().slice(0, 10);
        const prev = new Date(sorted[i - 1]! * 86_400_000).toISOString().slice(0, 10);
        // Only report pairs that touch an assignment of this check.
        if (byPersonDay.has(`${personId}|${date}`) || byPersonDay.has(`${personId}|${prev}`)) {
          out.push({ kind: 'rest', date, personId, slot: null, detail: prev });
        }
      }
    }
  }
  return out;
}
