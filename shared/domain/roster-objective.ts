/**
 * The roster's fairness objective and report, shared by the generator, the
 * exact solver and the UI.
 */
import { dutyRoles, type DutyRole } from '../roles';
import { dayTypes, type DayInfo, type DayType } from './calendar';
import { slotsFor, type Assignment, type RosterPerson, type RosterRules, type ShiftTemplate, type Unavailability } from './roster-rules';

export interface HistoryDuty {
  personId: number;
  role: DutyRole;
  dayType: DayType;
  date: string;
}

export interface GenerateInput {
  /** The period's days, consecutive, in order. */
  days: readonly DayInfo[];
  shifts: readonly ShiftTemplate[];
  /** Candidates in the desk's order (ties fall back to it). */
  people: readonly RosterPerson[];
  unavailability: readonly Unavailability[];
  /** Manual assignments kept as they are. */
  pins: readonly Assignment[];
  /** Published duties before the period (counts and the rest rule at the edge). */
  history: readonly HistoryDuty[];
  rules: RosterRules;
  /**
   * Exact re-solving of windows of days after the local search (small teams
   * only). Defaults: whole period when ≤ 10 days (with all 150 000 search
   * nodes), else 7-day windows of 50 000 nodes each, 150 000 in all; off above
   * 60 people. 0 turns it off.
   */
  search?: { windowDays?: number; nodesPerWindow?: number; totalNodes?: number; maxPeople?: number };
}

export const unfilledPenalty = 1000;

/**
 * The generator's objective for a complete or partial roster: 1000 per empty
 * slot plus Σ count² over (role, day type, eligible person), history included.
 */
export function fairnessObjective(
  input: Pick<GenerateInput, 'days' | 'shifts' | 'people' | 'history'>,
  assignments: readonly Pick<Assignment, 'date' | 'role' | 'personId' | 'shiftId' | 'index'>[],
): number {
  const type = new Map(input.days.map((d) => [d.date, d.type]));
  const counts = new Map<string, number>();
  const add = (p: number, r: DutyRole, t: DayType) => counts.set(`${p}|${r}|${t}`, (counts.get(`${p}|${r}|${t}`) ?? 0) + 1);
  for (const h of input.history) add(h.personId, h.role, h.dayType);
  const filled = new Set<string>();
  for (const a of assignments) {
    const t = type.get(a.date);
    if (a.personId === null || !t) continue;
    add(a.personId, a.role, t);
    filled.add(`${a.date}|${a.shiftId}|${a.role}|${a.index}`);
  }
  let f = 0;
  for (const s of slotsFor(input.days, input.shifts)) if (!filled.has(`${s.date}|${s.shiftId}|${s.role}|${s.index}`)) f += unfilledPenalty;
  for (const p of input.people) {
    for (const r of dutyRoles) {
      if (!p.roles.includes(r)) continue;
      for (const t of dayTypes) f += (counts.get(`${p.id}|${r}|${t}`) ?? 0) ** 2;
    }
  }
  return f;
}

export interface FairnessRow {
  personId: number;
  role: DutyRole;
  /** Duties in this period per day type. */
  period: Record<DayType, number>;
  /** Published duties in the history window per day type. */
  history: Record<DayType, number>;
  /** Weighted load (history + period). */
  load: number;
  /** Load minus the role's mean load: 0 is perfectly fair, positive carries more. */
  balance: number;
}

/** Fairness report per person and role: counts per day type and a balance score. */
export function fairnessReport(
  input: Pick<GenerateInput, 'days' | 'people' | 'history' | 'rules'>,
  assignments: readonly Pick<Assignment, 'date' | 'role' | 'personId'>[],
): FairnessRow[] {
  const zero = (): Record<DayType, number> => ({ workday: 0, weekend: 0, holiday: 0, makeup: 0 });
  const type = new Map(input.days.map((d) => [d.date, d.type]));
  const rows = new Map<string, FairnessRow>();
  for (const p of input.people) {
    for (const r of dutyRoles) {
      if (p.roles.includes(r)) rows.set(`${p.id}|${r}`, { personId: p.id, role: r, period: zero(), history: zero(), load: 0, balance: 0 });
    }
  }
  for (const h of input.history) {
    const row = rows.get(`${h.personId}|${h.role}`);
    if (row) row.history[h.dayType] += 1;
  }
  for (const a of assignments) {
    const t = type.get(a.date);
    const row = a.personId === null || !t ? undefined : rows.get(`${a.personId}|${a.role}`);
    if (row && t) row.period[t] += 1;
  }
  for (const r of dutyRoles) {
    const list = [...rows.values()].filter((x) => x.role === r);
    for (const x of list) x.load = dayTypes.reduce((s, t) => s + (x.period[t] + x.history[t]) * input.rules.weights[t], 0);
    const mean = list.length ? list.reduce((s, x) => s + x.load, 0) / list.length : 0;
    for (const x of list) x.balance = Math.round((x.load - mean) * 100) / 100;
  }
  return [...rows.values()];
}
