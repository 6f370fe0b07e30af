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
 * then the people's order), then local search — an augmenting-path repair that
 * fills slots left empty (also one that moves where the gaps are), single
 * moves, chain moves and two-person exchanges — until no move improves the
 * objective; for small teams an exact search over windows of days, then the
 * local search once more. Deterministic: no randomness, and every tie falls
 * back to the people's order.
 */
import { dutyRoles, type DutyRole } from '../roles';
import { dayTypes, type DayType } from './calendar';
import { dayIndex } from '../time';
import { slotsFor, type Assignment, type SlotKey } from './roster-rules';
import { fairnessObjective, unfilledPenalty, type GenerateInput, type HistoryDuty } from './roster-objective';
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
  const daySlots: number[][] = Array.from({ length: D }, () => []);
  for (let s = 0; s < S; s += 1) daySlots[sDay[s]!]!.push(s);
  const held: number[][] = Array.from({ length: P }, () => []);
  // Pinned people outside the candidate list, or pins on slots the templates do not need, are passed through untouched.
  const extraPins: Assignment[] = [];

  // Σ count² over every (role, day type, person) with a duty, kept up to date by
  // `place`/`unplace`: its differences are the objective's changes when moves
  // fill no slot (people pinned to roles they lack are counted but never moved).
  let sumSq = 0;
  let changes = 0; // place/unplace calls so far: the roster is unchanged while this is
  const place = (s: number, p: number): void => {
    changes += 1;
    holder[s] = p;
    const d = sDay[s]!;
    const r = sRole[s]!;
    const t = dayType[d]!;
    sumSq += 2 * cnt[(r * T + t) * P + p]! + 1;
    busy[(d + rest) * P + p]! += 1;
    cnt[(r * T + t) * P + p]! += 1;
    load[r * P + p]! += weights[t]!;
    if (d > last[p]!) last[p] = d;
    held[p]!.push(s);
  };
  const unplace = (s: number): void => {
    changes += 1;
    const p = holder[s]!;
    holder[s] = -1;
    const d = sDay[s]!;
    const r = sRole[s]!;
    const t = dayType[d]!;
    sumSq -= 2 * cnt[(r * T + t) * P + p]! - 1;
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

  // Repair of empty slots by augmenting paths. Without the rest rule, filling
  // slots would be a bipartite matching of slots to eligible people, and an
  // augmenting path would find every possible filling:
  //
  //   empty slot x  ←  P1 leaves y1;   y1  ←  P2 leaves y2;   …   yk  ←  Q (free)
  //
  // With the rest rule a person is kept off a slot by a duty on the same day or
  // on a neighbouring one — sometimes by two, the day before and the day after
  // — so a move may open two slots to refill and the path becomes a small
  // tree. `grow` searches for it depth-first on the roster itself: each move is
  // made with `place` only after `canTake` (eligibility, leave, one slot a
  // day, rest: the checks every other move uses), and undone from a journal
  // when its branch fails, so a repair that is found is valid by construction.
  // Pinned duties never move; a slot filled during the search is not taken
  // away again (so the search cannot cycle). Iterative deepening finds a
  // shallowest repair first: the fewest people moved one after the other.
  //
  // When that fails, a wider search (`fillInstead`) may leave a moved duty
  // empty if it fills another empty slot in its place: the number of empty
  // slots still drops by one, but the gaps move. This finds repairs where
  // someone's duties shift from odd to even days so that another person, or
  // the other role, can take the odd ones. It has a smaller node budget.
  const inRepair = new Uint8Array(S); // slots filled, or being filled, by the current repair
  const failedAt = new Float64Array(S).fill(-1); // `changes` when a repair of the slot last failed
  const journal: number[] = []; // (slot, p) pairs: p ≥ 0 was placed there, ~p was taken off it
  // Nodes per empty slot and over the whole generation (a node looks at every
  // person), so slots nobody can take cannot make it slow. One move followed by
  // direct fills (depth 1, at most 2 nodes per person) is always searched.
  const repairNodesPerSlot = 2_000 + 2 * P;
  const relocateNodesPerSlot = 500 + 2 * P;
  let repairBudget = Math.ceil(4_000_000 / Math.max(1, P));
  let repairNodes = 0;
  let depthCut = false;
  let nodeCap = repairNodesPerSlot;
  let relocating = false; // whether `grow` may leave a moved duty empty and fill another slot instead

  const put = (s: number, p: number): void => {
    place(s, p);
    inRepair[s] = 1;
    journal.push(s, p);
  };
  const takeOff = (s: number): void => {
    journal.push(s, ~holder[s]!);
    unplace(s);
  };
  /** Undoes the journal down to `mark`, newest first. */
  const rollback = (mark: number): void => {
    while (journal.length > mark) {
      const p = journal.pop()!;
      const s = journal.pop()!;
      inRepair[s] = 0;
      if (p >= 0) unplace(s);
      else place(s, ~p);
    }
  };

  /**
   * The duties that keep eligible person `p` (not on leave) off slot `x`: one
   * or two, none pinned or already moved by this repair. Null when there are
   * none (then only the published history can block `p`) or they cannot move.
   */
  function blockersOf(p: number, x: number): number[] | null {
    const d = sDay[x]!;
    const out: number[] = [];
    for (const h of held[p]!) {
      if (Math.abs(sDay[h]! - d) > rest) continue;
      if (pinned[h] || inRepair[h] || out.length === 2) return null;
      out.push(h);
    }
    return out.length ? out : null;
  }

  /**
   * Fills the empty slot `x`: with the fairest free person, else — with
   * `depth` left — by moving onto it someone kept off it by one or two of
   * their own duties, which are refilled the same way with one level less.
   */
  function grow(x: number, depth: number): boolean {
    if (++repairNodes > nodeCap) return false;
    const d = sDay[x]!;
    const r = sRole[x]!;
    const t = dayType[d]!;
    let free = -1;
    for (let p = 0; p < P; p += 1) if (canTake(p, x) && (free === -1 || better(p, free, r, t))) free = p;
    if (free !== -1) {
      put(x, free);
      return true;
    }
    if (depth === 0) {
      depthCut = true;
      return false;
    }
    inRepair[x] = 1;
    for (let p = 0; p < P; p += 1) {
      if (!eligible[r * P + p] || leave[d * P + p]) continue;
      const blocking = blockersOf(p, x);
      if (!blocking) continue;
      const mark = journal.length;
      // Marked while they wait to be refilled, so that `fillInstead` does not pick them.
      for (const y of blocking) {
        takeOff(y);
        inRepair[y] = 1;
      }
      if (canTake(p, x)) {
        put(x, p);
        if (blocking.every((y) => grow(y, depth - 1) || (relocating && fillInstead(y, depth - 1)))) return true;
      }
      rollback(mark);
      inRepair[x] = 1;
    }
    inRepair[x] = 0;
    return false;
  }

  /**
   * Leaves `y`, a duty just moved away that nobody can take over, empty and
   * fills another empty slot instead, nearest days first: the moves so far
   * (the person who left `y` is free around its day now) may have opened one.
   */
  function fillInstead(y: number, depth: number): boolean {
    inRepair[y] = 1;
    const d = sDay[y]!;
    for (let k = 0; k < 2 * D && repairNodes <= nodeCap; k += 1) {
      const e = k & 1 ? d - ((k + 1) >> 1) : d + (k >> 1); // d, d − 1, d + 1, d − 2, …
      if (e < 0 || e >= D) continue;
      for (const z of daySlots[e]!) if (holder[z] === -1 && !inRepair[z] && grow(z, depth)) return true;
    }
    inRepair[y] = 0;
    return false;
  }

  /** Iterative deepening of `grow` on the empty slot `s`, with or without `fillInstead`. */
  function deepen(s: number, relocate: boolean): boolean {
    let filled = false;
    repairNodes = 0;
    relocating = relocate;
    nodeCap = relocate ? relocateNodesPerSlot : repairNodesPerSlot;
    const maxDepth = repairBudget > 0 ? S : 1;
    for (let depth = 0; !filled && depth <= maxDepth; depth += 1) {
      depthCut = false;
      filled = grow(s, depth);
      if (!depthCut || repairNodes > nodeCap) break;
    }
    repairBudget -= repairNodes;
    return filled;
  }

  /**
   * Fills the empty slot `s` directly or by the shallowest repair found, kept
   * only when it lowers the objective: one slot fewer empty (−1000) against
   * the change of Σ count² of the people moved.
   */
  function tryFill(s: number): boolean {
    // The search is deterministic: on a roster unchanged since it failed here, it fails again.
    if (failedAt[s] === changes) return false;
    const before = sumSq;
    let filled = deepen(s, false) || (repairBudget > 0 && deepen(s, true));
    if (filled && sumSq - before >= unfilledPenalty) {
      rollback(0);
      filled = false;
    }
    for (let k = 0; k < journal.length; k += 2) inRepair[journal[k]!] = 0;
    journal.length = 0;
    if (!filled) failedAt[s] = changes;
    return filled;
  }

  localSearch();

  /**
   * Local search until no move lowers the objective: fill empty slots, single
   * moves, chain moves and exchanges. Every move strictly lowers the objective.
   */
  function localSearch(): void {
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
    let changed = false;
    for (let w0 = 0; budget > 0 && needsWork(); w0 += stride) {
      const w1 = Math.min(D, w0 + windowDays);
      if (windowSolve(w0, w1)) changed = true;
      if (w1 >= D) break;
    }
    // A window search that ran out of nodes keeps its best roster so far, which
    // may still have a slot empty that an augmenting path fills, or a move left.
    if (changed) localSearch();
  }

  /** Re-solves days [w0, w1) exactly; true when it found a better roster (and applied it). */
  function windowSolve(w0: number, w1: number): boolean {
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
    if (ex.objective >= incumbent) return false;
    for (let s = 0; s < S; s += 1) if (inWindow(s) && holder[s] !== -1 && !pinned[s]) unplace(s);
    for (const a of ex.assignments) {
      const s = slotByKey.get(`${a.date}|${a.shiftId}|${a.role}|${a.index}`)!;
      if (!pinned[s]) place(s, pIndex.get(a.personId!)!);
    }
    return true;
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

