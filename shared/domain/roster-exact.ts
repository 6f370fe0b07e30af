/**
 * Exact optimum of the generator's objective on small instances, by
 * branch-and-bound over every slot (used by the property tests and the
 * `roster_fairness_gap_vs_exact` benchmark — never by the app).
 *
 * Same hard rules and objective as `generateRoster`: a slot may stay empty at
 * a cost of 1000; Σ count² only grows as slots are filled, so the partial
 * objective is a lower bound and prunes.
 */
import { dutyRoles } from '../roles';
import { dayTypes } from './calendar';
import { dayIndex } from '../time';
import { slotsFor, type Assignment } from './roster-rules';
import { fairnessObjective, unfilledPenalty, type GenerateInput } from './roster-objective';

export interface ExactResult {
  objective: number;
  assignments: Assignment[];
  /** Search nodes visited (the caller may cap instance size by it). */
  nodes: number;
  /** False when the node budget ran out before the search finished. */
  complete: boolean;
}

/**
 * `upperBound`: only solutions strictly better than this count (the caller's
 * incumbent); when none exists the result has `objective: Infinity`.
 */
export function exactRoster(input: GenerateInput, maxNodes = 5_000_000, upperBound = Infinity): ExactResult {
  const P = input.people.length;
  const R = dutyRoles.length;
  const T = dayTypes.length;
  const rest = input.rules.minRestDays;
  const base = input.days.length ? dayIndex(input.days[0]!.date) : 0;
  const D = input.days.length;
  const W = D + 2 * rest;
  const pIndex = new Map(input.people.map((p, i) => [p.id, i]));
  const slots = slotsFor(input.days, input.shifts);
  const S = slots.length;
  const sKey = (s: { date: string; shiftId: number; role: string; index: number }) => `${s.date}|${s.shiftId}|${s.role}|${s.index}`;
  const pinnedBy = new Map(input.pins.map((a) => [sKey(a), a]));
  const eligible = new Uint8Array(R * P);
  input.people.forEach((p, i) => dutyRoles.forEach((r, ri) => (eligible[ri * P + i] = p.roles.includes(r) ? 1 : 0)));
  const leave = new Uint8Array(D * P);
  for (const u of input.unavailability) {
    const pi = pIndex.get(u.personId);
    if (pi === undefined) continue;
    input.days.forEach((d, di) => {
      if (u.from <= d.date && d.date <= u.to) leave[di * P + pi] = 1;
    });
  }
  const busy = new Uint8Array(W * P);
  const cnt = new Int32Array(R * T * P);
  for (const h of input.history) {
    const pi = pIndex.get(h.personId);
    if (pi === undefined) continue;
    cnt[(dutyRoles.indexOf(h.role) * T + dayTypes.indexOf(h.dayType)) * P + pi]! += 1;
    const d = dayIndex(h.date) - base;
    if (d + rest >= 0 && d + rest < W && (d < 0 || d >= D)) busy[(d + rest) * P + pi]! += 1;
  }
  let partial = 0;
  for (let r = 0; r < R; r += 1) for (let t = 0; t < T; t += 1) for (let p = 0; p < P; p += 1) if (eligible[r * P + p]) partial += cnt[(r * T + t) * P + p]! ** 2;
  const sDay = slots.map((s) => dayIndex(s.date) - base);
  const sRole = slots.map((s) => dutyRoles.indexOf(s.role));
  const sType = slots.map((s) => dayTypes.indexOf(input.days[dayIndex(s.date) - base]!.type));
  const sPin = slots.map((s) => {
    const pin = pinnedBy.get(sKey(s));
    return pin?.personId == null ? -1 : (pIndex.get(pin.personId) ?? -1);
  });

  // Slots of one shift, role and day are interchangeable: only search the
  // assignments whose people rise with the index and whose empty slots come last.
  const twin = slots.map((s, i) => {
    const prev = slots[i - 1];
    return i > 0 && sPin[i]! < 0 && sPin[i - 1]! < 0 && prev!.date === s.date && prev!.shiftId === s.shiftId && prev!.role === s.role;
  });
  const choice = new Int32Array(S).fill(-1);
  let best = upperBound;
  let bestChoice = new Int32Array(S).fill(-1);
  let nodes = 0;
  let complete = true;
  // Candidate buffers per depth: no allocation inside the search.
  const cand = new Int32Array((S + 1) * Math.max(1, P));
  const G = R * T;
  const sGroup = sRole.map((r, i) => r * T + sType[i]!);
  const pinnedAfter = new Int32Array(S + 1);
  for (let i = S - 1; i >= 0; i -= 1) pinnedAfter[i] = pinnedAfter[i + 1]! + (sPin[i]! >= 0 ? 1 : 0);
  const tmp = new Int32Array(Math.max(1, P));
  const remaining = new Int32Array(G);
  const marginals: number[] = [];
  const matchOf = new Int32Array(Math.max(1, P)); // person → slot in the current block's matching
  const seen = new Int32Array(Math.max(1, P));
  let stamp = 0;
  const freeFor = (p: number, j: number): boolean => {
    const d = sDay[j]!;
    if (!eligible[sRole[j]! * P + p] || leave[d * P + p]) return false;
    for (let k = d; k <= d + 2 * rest; k += 1) if (busy[k * P + p]) return false;
    return true;
  };
  const augment = (j: number): boolean => {
    for (let p = 0; p < P; p += 1) {
      if (seen[p] === stamp || !freeFor(p, j)) continue;
      seen[p] = stamp;
      if (matchOf[p] === -1 || augment(matchOf[p]!)) {
        matchOf[p] = j;
        return true;
      }
    }
    return false;
  };
  /**
   * Lower bound of what the slots from `i` on still add. A slot that nobody
   * can take any more (leave, rest, same day — these only get worse deeper in
   * the search) costs the empty-slot penalty. The remaining days are cut into
   * blocks of `rest + 1` days, in which one person can hold at most one slot:
   * the open slots of a block beyond a maximum matching of slots to free
   * people must stay empty too. The fillable slots are filled per group into
   * the lowest counts (water-filling, ignoring the rules); the slots that must
   * stay empty are taken off the most expensive of those fills.
   */
  const bound = (i: number): number => {
    let total = pinnedAfter[i]!;
    remaining.fill(0);
    let mustEmpty = 0;
    let blockStart = i;
    while (blockStart < S) {
      const blockEndDay = sDay[blockStart]! + rest;
      let j = blockStart;
      let openN = 0;
      matchOf.fill(-1);
      let matched = 0;
      for (; j < S && sDay[j]! <= blockEndDay; j += 1) {
        if (sPin[j]! >= 0) continue;
        let any = false;
        for (let p = 0; p < P && !any; p += 1) any = freeFor(p, j);
        if (!any) {
          total += unfilledPenalty;
          continue;
        }
        openN += 1;
        remaining[sGroup[j]!]! += 1;
        stamp += 1;
        if (augment(j)) matched += 1;
      }
      mustEmpty += openN - matched;
      blockStart = j;
    }
    marginals.length = 0;
    for (let g = 0; g < G; g += 1) {
      let m = remaining[g]!;
      if (m === 0) continue;
      const r = Math.floor(g / T);
      let n = 0;
      for (let p = 0; p < P; p += 1) if (eligible[r * P + p]) tmp[n++] = cnt[g * P + p]!;
      while (m > 0) {
        let k = 0;
        for (let j = 1; j < n; j += 1) if (tmp[j]! < tmp[k]!) k = j;
        const c = Math.min(2 * tmp[k]! + 1, unfilledPenalty);
        total += c;
        marginals.push(c);
        tmp[k]! += 1;
        m -= 1;
      }
    }
    if (mustEmpty > 0) {
      marginals.sort((a, b) => b - a);
      for (let k = 0; k < mustEmpty && k < marginals.length; k += 1) total += unfilledPenalty - marginals[k]!;
    }
    return total;
  };

  function dfs(i: number, cost: number): void {
    nodes += 1;
    if (nodes > maxNodes) {
      complete = false;
      return;
    }
    if (i === S) {
      if (cost < best) {
        best = cost;
        bestChoice = choice.slice();
      }
      return;
    }
    if (cost + bound(i) >= best) return;
    const d = sDay[i]!;
    const r = sRole[i]!;
    const g = sGroup[i]! * P;
    const off = i * P;
    let n = 0;
    const after = twin[i] ? choice[i - 1]! : -1;
    if (sPin[i]! >= 0) cand[off + n++] = sPin[i]!;
    else if (twin[i] && after === -1) n = 0;
    else {
      // Lowest count first (insertion sort, stable by person order): good solutions early, more pruning.
      for (let p = after + 1; p < P; p += 1) {
        if (!eligible[r * P + p] || leave[d * P + p]) continue;
        let free = true;
        for (let k = d; k <= d + 2 * rest; k += 1) if (busy[k * P + p]) free = false;
        if (!free) continue;
        let j = n++;
        while (j > 0 && cnt[g + cand[off + j - 1]!]! > cnt[g + p]!) {
          cand[off + j] = cand[off + j - 1]!;
          j -= 1;
        }
        cand[off + j] = p;
      }
    }
    for (let j = 0; j < n; j += 1) {
      if (nodes > maxNodes) return;
      const p = cand[off + j]!;
      const c = cnt[g + p]!;
      busy[(d + rest) * P + p]! += 1;
      cnt[g + p] = c + 1;
      choice[i] = p;
      dfs(i + 1, cost + 2 * c + 1);
      busy[(d + rest) * P + p]! -= 1;
      cnt[g + p] = c;
      choice[i] = -1;
    }
    if (sPin[i]! < 0) dfs(i + 1, cost + unfilledPenalty);
  }
  dfs(0, partial);

  const assignments: Assignment[] = [];
  if (best >= upperBound) return { objective: Infinity, assignments, nodes, complete };
  slots.forEach((s, i) => {
    const p = bestChoice[i]!;
    if (p >= 0) assignments.push({ ...s, personId: input.people[p]!.id, pinned: pinnedBy.has(sKey(s)) });
  });
  return { objective: fairnessObjective(input, assignments), assignments, nodes, complete };
}
