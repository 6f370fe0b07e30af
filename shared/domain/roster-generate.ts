/**
 * The roster generator: fills a draft per role from eligible people.
 *
 * Hard rules are never broken for generated slots (see `roster-rules.ts`);
 * pinned assignments are kept as they are. Objective: per role and day type,
 * duty counts as equal as possible between eligible people, counted over the
 * published history (last 12 months) plus this period. Formally it minimises
 * `fairnessObjective`: 1000 per empty slot plus Σ count² over (role, day type,
 * person) — with fixed totals, the smaller Σ count², the more even the counts.
 *
 * Method: a greedy pass in date order (fewest duties of this role and day
 * type first, then lowest weighted load, then longest time since the last duty,
 * then the people's order), then local search — single moves, two-person
 * exchanges and a one-step ejection chain that fills slots the greedy pass
 * left empty — until no move improves the objective. Deterministic: no
 * randomness, and every tie falls back to the people's order.
 */
import { dutyRoles, type DutyRole } from '../roles';
import { dayTypes, type DayType } from './calendar';
import { dayIndex } from './calendar-dates';
import { slotsFor, type Assignment, type SlotKey } from './roster-rules';
import { fairnessObjective, type GenerateInput, type HistoryDuty } from './roster-objective';
import { exactRoster } from './roster-exact';

export * from './roster-objective';

export interface UnfilledSlot extends SlotKey {
  /** Why nobody could take it: how many eligible people were blocked by each rule. */
  eligible: number;
  onLeave: number;
  sameDay: number;
  resting: number;
}

export interface GenerateResult {
  assignments: Assignment[];
  unfilled: UnfilledSlot[];
  objective: number;
}

const roleIdx = (r: DutyRole): number => dutyRoles.indexOf(r);
const typeIdx = (t: DayType): number => dayTypes.indexOf(t);
const R = dutyRoles.length;
const T = dayTypes.length;

export function generateRoster(input: GenerateInput): GenerateResult {
  const days = input.days;
  const D = days.length;
  const P = input.people.length;
  const rest = Math.max(0, input.rules.minRestDays);
  const base = D ? dayIndex(days[0]!.date) : 0;
  const W = D + 2 * rest; // busy window with a margin on both sides
  const pIndex = new Map(input.people.map((p, i) => [p.id, i]));
  const dayPos = new Map(days.map((d, i) => [d.date, i]));
  const dayType = days.map((d) => typeIdx(d.type));
  const weights = dayTypes.map((t) => input.rules.weights[t]);

  const eligible = new Uint8Array(R * P);
  input.people.forEach((p, i) => dutyRoles.forEach((r, ri) => (eligible[ri * P + i] = p.roles.includes(r) ? 1 : 0)));
  const leave = new Uint8Array(D * P);
  for (const u of input.unavailability) {
    const pi = pIndex.get(u.personId);
    if (pi === undefined) continue;
    const a = Math.max(0, dayIndex(u.from) - base);
    const b = Math.min(D - 1, dayIndex(u.to) - base);
    for (let d = a; d <= b; d += 1) leave[d * P + pi] = 1;
  }
  const busy = new Uint8Array(W * P); // duties per (window day, person)
  const cnt = new Int32Array(R * T * P);
  const load = new Float64Array(R * P);
  const last = new Int32Array(P).fill(-1_000_000);
  const c = (r: number, t: number, p: number): number => cnt[(r * T + t) * P + p]!;

  for (const h of input.history) {
    const pi = pIndex.get(h.personId);
    if (pi === undefined) continue;
    const r = roleIdx(h.role);
    const t = typeIdx(h.dayType);
    cnt[(r * T + t) * P + pi]! += 1;
    load[r * P + pi]! += weights[t]!;
    const d = dayIndex(h.date) - base;
    if (d > last[pi]! && d < 0) last[pi] = d;
    if (d + rest >= 0 && d + rest < W && (d < 0 || d >= D)) busy[(d + rest) * P + pi]! += 1;
  }

  const slots = slotsFor(days, input.shifts);
  const S = slots.length;
  const sDay = new Int32Array(S);
  const sRole = new Int32Array(S);
  const holder = new Int32Array(S).fill(-1);
  const pinned = new Uint8Array(S);
  const slotByKey = new Map<string, number>();
  slots.forEach((s, i) => {
    sDay[i] = dayPos.get(s.date)!;
    sRole[i] = roleIdx(s.role);
    slotByKey.set(`${s.date}|${s.shiftId}|${s.role}|${s.index}`, i);
  });
  const held: number[][] = Array.from({ length: P }, () => []);
  // Pinned people outside the candidate list, or pins on slots the templates do not need, are passed through untouched.
  const extraPins: Assignment[] = [];

  const place = (s: number, p: number): void => {
    holder[s] = p;
    const d = sDay[s]!;
    const r = sRole[s]!;
    const t = dayType[d]!;
    busy[(d + rest) * P + p]! += 1;
    cnt[(r * T + t) * P + p]! += 1;
    load[r * P + p]! += weights[t]!;
    if (d > last[p]!) last[p] = d;
    held[p]!.push(s);
  };
  const unplace = (s: number): void => {
    const p = holder[s]!;
    holder[s] = -1;
    const d = sDay[s]!;
    const r = sRole[s]!;
    const t = dayType[d]!;
    busy[(d + rest) * P + p]! -= 1;
    cnt[(r * T + t) * P + p]! -= 1;
    load[r * P + p]! -= weights[t]!;
    const list = held[p]!;
    list.splice(list.indexOf(s), 1);
    // `last` only orders the greedy pass; local search does not use it.
  };
  const canTake = (p: number, s: number): boolean => {
    const d = sDay[s]!;
    if (!eligible[sRole[s]! * P + p] || leave[d * P + p]) return false;
    for (let k = d; k <= d + 2 * rest; k += 1) if (busy[k * P + p]) return false;
    return true;
  };

  for (const pin of input.pins) {
    const s = slotByKey.get(`${pin.date}|${pin.shiftId}|${pin.role}|${pin.index}`);
    const p = pin.personId === null ? undefined : pIndex.get(pin.personId);
    if (s === undefined || p === undefined || holder[s] !== -1) {
      if (pin.personId !== null) extraPins.push({ ...pin, pinned: true });
      continue;
    }
    place(s, p);
    pinned[s] = 1;
  }

  // Greedy pass.
  for (let s = 0; s < S; s += 1) {
    if (holder[s] !== -1) continue;
    const r = sRole[s]!;
    const t = dayType[sDay[s]!]!;
    let best = -1;
    for (let p = 0; p < P; p += 1) {
      if (!canTake(p, s)) continue;
      if (best === -1) {
        best = p;
        continue;
      }
      const dc = c(r, t, p) - c(r, t, best);
      if (dc < 0 || (dc === 0 && (load[r * P + p]! < load[r * P + best]! || (load[r * P + p] === load[r * P + best] && last[p]! < last[best]!)))) best = p;
    }
    if (best !== -1) place(s, best);
  }

  // Local search.
  const better = (p: number, q: number, r: number, t: number): boolean =>
    c(r, t, p) < c(r, t, q) || (c(r, t, p) === c(r, t, q) && load[r * P + p]! < load[r * P + q]!);
  const tryFill = (s: number): boolean => {
    const r = sRole[s]!;
    const t = dayType[sDay[s]!]!;
    let best = -1;
    for (let p = 0; p < P; p += 1) if (canTake(p, s) && (best === -1 || better(p, best, r, t))) best = p;
    if (best !== -1) {
      place(s, best);
      return true;
    }
    // Ejection chain: someone blocked only by one movable duty hands it to a third person.
    for (let p = 0; p < P; p += 1) {
      if (!eligible[r * P + p] || leave[sDay[s]! * P + p]) continue;
      const d = sDay[s]!;
      const blocking = held[p]!.filter((x) => Math.abs(sDay[x]! - d) <= rest);
      if (blocking.length !== 1 || pinned[blocking[0]!]) continue;
      let outside = false;
      for (let k = d; k <= d + 2 * rest; k += 1) {
        const own = blocking.some((x) => sDay[x]! + rest === k) ? 1 : 0;
        if (busy[k * P + p]! - own > 0) outside = true;
      }
      if (outside) continue;
      const x = blocking[0]!;
      unplace(x);
      if (!canTake(p, s)) {
        place(x, p);
        continue;
      }
      place(s, p);
      let q = -1;
      for (let o = 0; o < P; o += 1) if (o !== p && canTake(o, x) && (q === -1 || better(o, q, sRole[x]!, dayType[sDay[x]!]!))) q = o;
      if (q !== -1) {
        place(x, q);
        return true;
      }
      unplace(s);
      place(x, p);
    }
    return false;
  };

  for (let pass = 0; pass < 100; pass += 1) {
    let improved = false;
    for (let s = 0; s < S; s += 1) if (holder[s] === -1 && tryFill(s)) improved = true;
    // Single moves: a duty from someone with ≥ 2 more of this role and day type to someone with fewer.
    for (let s = 0; s < S; s += 1) {
      const a = holder[s]!;
      if (a === -1 || pinned[s]) continue;
      const r = sRole[s]!;
      const t = dayType[sDay[s]!]!;
      const ca = c(r, t, a);
      let best = -1;
      for (let p = 0; p < P; p += 1) {
        if (p === a || c(r, t, p) > ca - 2 || !canTake(p, s)) continue;
        if (best === -1 || better(p, best, r, t)) best = p;
      }
      if (best !== -1) {
        unplace(s);
        place(s, best);
        improved = true;
      } else if (chainMove(s, a, r, t)) improved = true;
    }
    // Exchanges: A (most of type t1) gives a t1 duty to B (fewest) and takes one of B's duties of another type.
    for (let r = 0; r < R; r += 1) {
      for (let t1 = 0; t1 < T; t1 += 1) {
        let hi = -1;
        let lo = -1;
        for (let p = 0; p < P; p += 1) {
          if (!eligible[r * P + p]) continue;
          if (hi === -1 || c(r, t1, p) > c(r, t1, hi)) hi = p;
          if (lo === -1 || c(r, t1, p) < c(r, t1, lo)) lo = p;
        }
        if (hi === -1 || c(r, t1, hi) - c(r, t1, lo) < 2) continue;
        if (exchangeFrom(hi, r, t1)) improved = true;
      }
    }
    if (!improved) break;
  }

  /**
   * Moves slot `s` from `a` to someone with ≥ 2 fewer duties of its kind who is
   * blocked by one movable duty of their own, which goes to a third person —
   * when the two moves together lower the objective.
   */
  function chainMove(s: number, a: number, r: number, t: number): boolean {
    const d = sDay[s]!;
    const ca = c(r, t, a);
    for (let b = 0; b < P; b += 1) {
      if (b === a || !eligible[r * P + b] || leave[d * P + b] || c(r, t, b) > ca - 2) continue;
      const blocking = held[b]!.filter((x) => Math.abs(sDay[x]! - d) <= rest);
      if (blocking.length !== 1 || pinned[blocking[0]!]) continue;
      const x = blocking[0]!;
      const rx = sRole[x]!;
      const tx = dayType[sDay[x]!]!;
      const before = 2 * (c(r, t, b) - ca) + 2; // Δ of moving s from a to b
      unplace(x);
      unplace(s);
      if (!canTake(b, s)) {
        place(s, a);
        place(x, b);
        continue;
      }
      place(s, b);
      let q = -1;
      let qDelta = 0;
      for (let o = 0; o < P; o += 1) {
        if (o === b || !canTake(o, x)) continue;
        // Δ of giving x (which b no longer holds) to o; b's count already dropped by one.
        const delta = 2 * (c(rx, tx, o) - (c(rx, tx, b) + 1)) + 2;
        if (q === -1 || delta < qDelta || (delta === qDelta && better(o, q, rx, tx))) {
          q = o;
          qDelta = delta;
        }
      }
      if (q !== -1 && before + qDelta < 0) {
        place(x, q);
        return true;
      }
      unplace(s);
      place(s, a);
      place(x, b);
    }
    return false;
  }

  function exchangeFrom(a: number, r: number, t1: number): boolean {
    for (let b = 0; b < P; b += 1) {
      if (b === a || !eligible[r * P + b] || c(r, t1, a) - c(r, t1, b) < 2) continue;
      for (const s1 of [...held[a]!]) {
        if (pinned[s1] || sRole[s1] !== r || dayType[sDay[s1]!] !== t1) continue;
        for (const s2 of [...held[b]!]) {
          if (pinned[s2] || sRole[s2] !== r) continue;
          const t2 = dayType[sDay[s2]!]!;
          if (t2 === t1) continue;
          // Δ Σ count²: group t1 loses one at A and gains one at B; group t2 the reverse.
          const delta = 2 * (c(r, t1, b) - c(r, t1, a)) + 2 + 2 * (c(r, t2, a) - c(r, t2, b)) + 2;
          if (delta >= 0) continue;
          unplace(s1);
          unplace(s2);
          if (canTake(b, s1) && canTake(a, s2)) {
            place(s1, b);
            place(s2, a);
            return true;
          }
          place(s1, a);
          place(s2, b);
        }
      }
    }
    return false;
  }

  // Exact re-solving of windows of days, for small teams, while something is still uneven or empty.
  const search = input.search ?? {};
  const maxPeople = search.maxPeople ?? 60;
  const windowDays = search.windowDays ?? (D <= 10 ? D : 7);
  let budget = search.totalNodes ?? 150_000;
  // One window covering the whole period gets the whole budget: there is no other window to keep nodes for.
  const perWindow = search.nodesPerWindow ?? (windowDays >= D ? budget : 50_000);
  const needsWork = (): boolean => {
    for (let s = 0; s < S; s += 1) if (holder[s] === -1) return true;
    for (let r = 0; r < R; r += 1) {
      for (let t = 0; t < T; t += 1) {
        let lo = Infinity;
        let hi = -Infinity;
        for (let p = 0; p < P; p += 1) {
          if (!eligible[r * P + p]) continue;
          lo = Math.min(lo, c(r, t, p));
          hi = Math.max(hi, c(r, t, p));
        }
        if (hi - lo >= 2) return true;
      }
    }
    return false;
  };
  if (P <= maxPeople && windowDays > 0 && D > 0) {
    const stride = Math.max(1, windowDays - 2);
    for (let w0 = 0; budget > 0 && needsWork(); w0 += stride) {
      const w1 = Math.min(D, w0 + windowDays);
      windowSolve(w0, w1);
      if (w1 >= D) break;
    }
  }

  function windowSolve(w0: number, w1: number): void {
    const inWindow = (s: number) => sDay[s]! >= w0 && sDay[s]! < w1;
    const history: HistoryDuty[] = [...input.history];
    const pins: Assignment[] = [];
    const current: Assignment[] = [];
    for (let s = 0; s < S; s += 1) {
      const p = holder[s]!;
      const slot = slots[s]!;
      if (!inWindow(s)) {
        if (p !== -1) history.push({ personId: input.people[p]!.id, role: slot.role, dayType: days[sDay[s]!]!.type, date: slot.date });
        continue;
      }
      if (p === -1) continue;
      const a = { ...slot, personId: input.people[p]!.id, pinned: pinned[s] === 1 };
      current.push(a);
      if (pinned[s]) pins.push(a);
    }
    const sub: GenerateInput = { ...input, days: days.slice(w0, w1), pins, history };
    const incumbent = fairnessObjective(sub, current);
    const nodes = Math.min(perWindow, budget);
    const ex = exactRoster(sub, nodes, incumbent);
    budget -= Math.min(ex.nodes, nodes);
    if (ex.objective >= incumbent) return;
    for (let s = 0; s < S; s += 1) if (inWindow(s) && holder[s] !== -1 && !pinned[s]) unplace(s);
    for (const a of ex.assignments) {
      const s = slotByKey.get(`${a.date}|${a.shiftId}|${a.role}|${a.index}`)!;
      if (!pinned[s]) place(s, pIndex.get(a.personId!)!);
    }
  }

  const assignments: Assignment[] = [];
  const unfilled: UnfilledSlot[] = [];
  for (let s = 0; s < S; s += 1) {
    const slot = slots[s]!;
    const p = holder[s]!;
    if (p !== -1) {
      assignments.push({ ...slot, personId: input.people[p]!.id, pinned: pinned[s] === 1 });
      continue;
    }
    const d = sDay[s]!;
    const r = sRole[s]!;
    let eligibleN = 0;
    let onLeave = 0;
    let sameDay = 0;
    let resting = 0;
    for (let q = 0; q < P; q += 1) {
      if (!eligible[r * P + q]) continue;
      eligibleN += 1;
      if (leave[d * P + q]) onLeave += 1;
      else if (busy[(d + rest) * P + q]) sameDay += 1;
      else resting += 1;
    }
    unfilled.push({ ...slot, eligible: eligibleN, onLeave, sameDay, resting });
  }
  assignments.push(...extraPins);
  return { assignments, unfilled, objective: fairnessObjective(input, assignments) };
}

