import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCalendar, type DayInfo } from '../../shared/domain/calendar';

import { checkRoster, defaultRules, type Assignment, type RosterPerson, type ShiftTemplate, type Unavailability } from '../../shared/domain/roster-rules';
import { fairnessObjective, fairnessReport, generateRoster, type GenerateInput } from '../../shared/domain/roster-generate';
import { exactRoster } from '../../shared/domain/roster-exact';
import { dutyRoles } from '../../shared/roles';
import { addDays, datesBetween } from '../../shared/time';

const cal = createCalendar();
const days = (from: string, n: number): DayInfo[] => datesBetween(from, addDays(from, n - 1)).map((d) => cal.dayInfo(d));
const shift = (needs: { leader: number; officer: number; standby: number }, id = 1): ShiftTemplate => ({
  id,
  name: '全天',
  startMinutes: 510,
  durationMinutes: 1440,
  needs: { workday: needs, weekend: needs, holiday: needs, makeup: needs },
  active: true,
  sortOrder: 0,
});

function hardRuleBreaches(input: GenerateInput, assignments: Assignment[]) {
  // Pins are the admin's decision and may break rules; only generated slots are checked.
  return checkRoster({
    days: input.days,
    shifts: input.shifts,
    people: input.people,
    unavailability: input.unavailability,
    assignments,
    rules: input.rules,
  }).filter((c) => c.kind !== 'missing' && !input.pins.some((p) => p.personId === c.personId && (p.date === c.date || p.date === c.detail)));
}

describe('generator', () => {
  it('fills a month fairly, deterministic for the same input', () => {
    const people: RosterPerson[] = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: i + 1, roles: ['leader'] })),
      ...Array.from({ length: 12 }, (_, i) => ({ id: i + 10, roles: ['officer', 'standby'] })),
    ];
    const input: GenerateInput = {
      days: days('2026-10-01', 31),
      shifts: [{ ...shift({ leader: 1, officer: 2, standby: 0 }), needs: { ...shift({ leader: 1, officer: 2, standby: 0 }).needs, holiday: { leader: 1, officer: 2, standby: 1 } } }],
      people,
      unavailability: [{ personId: 10, from: '2026-10-01', to: '2026-10-10', reason: '年假' }],
      pins: [{ date: '2026-10-01', shiftId: 1, role: 'leader', index: 0, personId: 3, pinned: true }],
      history: [],
      rules: defaultRules,
    };
    const a = generateRoster(input);
    const b = generateRoster(input);
    expect(a).toEqual(b);
    expect(a.unfilled).toEqual([]);
    expect(hardRuleBreaches(input, a.assignments)).toEqual([]);
    expect(a.assignments.find((x) => x.date === '2026-10-01' && x.role === 'leader')).toMatchObject({ personId: 3, pinned: true });
    expect(a.assignments.some((x) => x.personId === 10 && x.date <= '2026-10-10')).toBe(false);
    const report = fairnessReport(input, a.assignments);
    for (const role of ['leader', 'officer'] as const) {
      for (const t of ['holiday', 'weekend', 'workday'] as const) {
        const counts = report.filter((r) => r.role === role && !(r.personId === 10)).map((r) => r.period[t]);
        expect(Math.max(...counts) - Math.min(...counts), `${role} ${t}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('says which slot is impossible and why', () => {
    const input: GenerateInput = {
      days: days('2026-12-01', 3),
      shifts: [shift({ leader: 1, officer: 0, standby: 0 })],
      people: [{ id: 1, roles: ['leader'] }, { id: 2, roles: ['leader'] }],
      unavailability: [{ personId: 2, from: '2026-12-01', to: '2026-12-31', reason: '病假' }],
      pins: [],
      history: [],
      rules: defaultRules,
    };
    const r = generateRoster(input);
    expect(r.unfilled).toEqual([{ date: '2026-12-02', shiftId: 1, role: 'leader', index: 0, eligible: 2, onLeave: 1, sameDay: 0, resting: 1 }]);
  });

  it('respects rest across the period edge from published history', () => {
    const input: GenerateInput = {
      days: days('2026-12-01', 2),
      shifts: [shift({ leader: 1, officer: 0, standby: 0 })],
      people: [{ id: 1, roles: ['leader'] }, { id: 2, roles: ['leader'] }],
      unavailability: [],
      pins: [],
      history: [{ personId: 1, role: 'leader', dayType: 'workday', date: '2026-11-30' }],
      rules: defaultRules,
    };
    const r = generateRoster(input);
    expect(r.assignments.map((a) => a.personId)).toEqual([2, 1]);
  });

  it('breaks ties by the longest time since the last duty', () => {
    const input: GenerateInput = {
      days: days('2026-12-07', 1),
      shifts: [shift({ leader: 0, officer: 1, standby: 0 })],
      people: [{ id: 1, roles: ['officer'] }, { id: 2, roles: ['officer'] }],
      unavailability: [],
      pins: [],
      history: [
        { personId: 1, role: 'officer', dayType: 'workday', date: '2026-11-20' },
        { personId: 2, role: 'officer', dayType: 'workday', date: '2026-11-10' },
      ],
      rules: defaultRules,
    };
    expect(generateRoster(input).assignments[0]!.personId).toBe(2);
  });

  it('generates 1 year × 300 people × 3 roles within a second', () => {
    const people: RosterPerson[] = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, roles: i % 10 === 0 ? ['leader'] : i % 3 === 0 ? ['officer', 'standby'] : ['officer'] }));
    const t = performance.now();
    const r = generateRoster({ days: days('2026-01-01', 365), shifts: [shift({ leader: 1, officer: 3, standby: 1 })], people, unavailability: [], pins: [], history: [], rules: defaultRules });
    expect(performance.now() - t).toBeLessThan(3000);
    expect(r.unfilled).toEqual([]);
  });
});

const instance = fc
  .record({
    start: fc.constantFrom('2026-01-01', '2026-02-12', '2026-04-30', '2026-09-24', '2026-11-02'),
    nDays: fc.integer({ min: 3, max: 9 }),
    people: fc.array(fc.subarray(['leader', 'officer', 'standby'], { minLength: 1 }), { minLength: 2, maxLength: 6 }),
    need: fc.record({ leader: fc.integer({ min: 0, max: 1 }), officer: fc.integer({ min: 0, max: 2 }), standby: fc.integer({ min: 0, max: 1 }) }),
    leave: fc.array(fc.record({ p: fc.nat(), from: fc.nat(8), len: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
    pins: fc.array(fc.record({ p: fc.nat(), day: fc.nat(8), role: fc.constantFrom(...dutyRoles) }), { maxLength: 2 }),
    rest: fc.integer({ min: 0, max: 2 }),
  })
  .map((x): GenerateInput => {
    const ds = days(x.start, x.nDays);
    const people = x.people.map((roles, i) => ({ id: i + 1, roles }));
    const unavailability: Unavailability[] = x.leave.map((l) => ({
      personId: (l.p % people.length) + 1,
      from: addDays(x.start, l.from),
      to: addDays(x.start, l.from + l.len - 1),
      reason: '请假',
    }));
    const pins: Assignment[] = [];
    for (const p of x.pins) {
      const day = p.day % x.nDays;
      if (x.need[p.role] === 0 || pins.some((q) => q.date === ds[day]!.date && q.role === p.role)) continue;
      pins.push({ date: ds[day]!.date, shiftId: 1, role: p.role, index: 0, personId: (p.p % people.length) + 1, pinned: true });
    }
    return { days: ds, shifts: [shift(x.need)], people, unavailability, pins, history: [], rules: { ...defaultRules, minRestDays: x.rest } };
  });

describe('generator properties', () => {
  it('never breaks a hard rule for a generated slot, and keeps every pin', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const r = generateRoster(input);
        expect(hardRuleBreaches(input, r.assignments)).toEqual([]);
        for (const pin of input.pins) expect(r.assignments).toContainEqual(pin);
        const perSlot = new Set(r.assignments.map((a) => `${a.date}|${a.role}|${a.index}`));
        expect(perSlot.size).toBe(r.assignments.length);
      }),
      { numRuns: 300 },
    );
  });

  it('balances each role per day type within 1 whenever the exact optimum does, and matches its objective', () => {
    let compared = 0;
    fc.assert(
      fc.property(instance, (input) => {
        const ex = exactRoster({ ...input, pins: [] }, 400_000);
        if (!ex.complete) return;
        compared += 1;
        const g = generateRoster({ ...input, pins: [] });
        const spread = (assignments: Assignment[]) => {
          const rep = fairnessReport(input, assignments);
          let worst = 0;
          for (const role of dutyRoles) {
            for (const t of ['workday', 'weekend', 'holiday', 'makeup'] as const) {
              const counts = rep.filter((row) => row.role === role).map((row) => row.period[t]);
              if (counts.length) worst = Math.max(worst, Math.max(...counts) - Math.min(...counts));
            }
          }
          return worst;
        };
        expect(g.objective).toBe(fairnessObjective(input, g.assignments));
        // The exact search is optimal: the generator can only match it.
        expect(g.objective).toBeGreaterThanOrEqual(ex.objective);
        // An empty slot is reported to the admin as impossible: never more of them than necessary.
        expect(g.unfilled.length).toBeLessThanOrEqual(Math.floor(ex.objective / 1000));
        if (ex.objective % 1000 === ex.objective && spread(ex.assignments) <= 1) {
          expect(g.unfilled).toEqual([]);
          expect(spread(g.assignments)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(50);
  });
});

describe('generator on over-constrained periods', () => {
  // A May Day week where leave and the rest rule leave too few people: some slots must
  // stay empty, but no more than necessary (the generator used to leave 3 where 2 suffice).
  const people: RosterPerson[] = [
    { id: 1, roles: ['leader', 'officer', 'standby'] },
    { id: 2, roles: ['leader', 'standby'] },
    { id: 3, roles: ['leader', 'officer', 'standby'] },
    { id: 4, roles: ['leader'] },
    { id: 5, roles: ['officer'] },
    { id: 6, roles: ['leader'] },
  ];
  const input: GenerateInput = {
    days: days('2026-04-30', 6),
    shifts: [shift({ leader: 1, officer: 1, standby: 1 })],
    people,
    unavailability: [{ personId: 6, from: '2026-05-02', to: '2026-05-06', reason: '请假' }],
    pins: [],
    history: [],
    rules: defaultRules,
  };

  it('leaves only as many slots empty as the exact optimum, with its objective', () => {
    const ex = exactRoster(input, 2_000_000);
    expect(ex.complete).toBe(true);
    expect(Math.floor(ex.objective / 1000)).toBe(2);
    const g = generateRoster(input);
    expect(g.unfilled).toHaveLength(2);
    expect(g.objective).toBe(ex.objective);
    expect(hardRuleBreaches(input, g.assignments)).toEqual([]);
  });

  it('the exact search agrees with itself with and without an incumbent bound', () => {
    const ex = exactRoster(input, 2_000_000);
    const bounded = exactRoster(input, 2_000_000, ex.objective + 1);
    expect(bounded.objective).toBe(ex.objective);
    expect(exactRoster(input, 2_000_000, ex.objective).objective).toBe(Infinity);
  });
});

describe('generator: empty slots an augmenting path fills', () => {
  // Found by a seeded sweep (bench/roster.bench.ts's small instances, Rng seed 2, 3rd
  // instance): the greedy pass and a one-step ejection chain left 13 slots empty, and the
  // whole-period exact search needs ~420 000 nodes to find the 12 of the optimum — more
  // than its 150 000. Filling the last standby slot takes two moves in a row.
  it('fills as many slots as the exact optimum: New Year week, two people for standby and officer', () => {
    const input: GenerateInput = {
      days: days('2026-01-01', 8),
      shifts: [shift({ leader: 1, officer: 2, standby: 1 })],
      people: [
        { id: 1, roles: ['leader', 'standby', 'officer'] },
        { id: 2, roles: ['leader'] },
        { id: 3, roles: ['leader', 'standby', 'officer'] },
        { id: 4, roles: ['leader'] },
        { id: 5, roles: ['standby', 'officer'] },
      ],
      unavailability: [],
      pins: [],
      history: [],
      rules: defaultRules,
    };
    const ex = exactRoster(input, 1_000_000);
    expect(ex.complete).toBe(true);
    const g = generateRoster(input);
    expect(g.unfilled).toHaveLength(Math.floor(ex.objective / 1000));
    expect(g.objective).toBe(ex.objective);
    expect(hardRuleBreaches(input, g.assignments)).toEqual([]);
  });

  // Found by a fast-check sweep over 11–14-day periods (which the exact search only sees
  // in 7-day windows): two people can take standby and alternate; one is on leave on
  // 1 October, so the alternation must have the other parity over the whole period. The
  // generator used to report 1 October as unfillable; the repair shifts both people's
  // duties by a day, a chain through the whole period that no 7-day window can make.
  it('fills a slot every 7-day window leaves empty: alternating standby around a day of leave', () => {
    const input: GenerateInput = {
      days: days('2026-09-24', 11),
      shifts: [shift({ leader: 1, officer: 0, standby: 1 })],
      people: [
        { id: 2, roles: ['leader', 'officer', 'standby'] },
        { id: 3, roles: ['leader', 'officer', 'standby'] },
        { id: 4, roles: ['leader', 'officer'] },
        { id: 6, roles: ['leader', 'officer'] },
      ],
      unavailability: [{ personId: 3, from: '2026-10-01', to: '2026-10-01', reason: '请假' }],
      pins: [],
      history: [],
      rules: defaultRules,
    };
    const ex = exactRoster(input, 1_000_000);
    expect(ex.complete).toBe(true);
    expect(ex.objective).toBeLessThan(1000);
    const g = generateRoster(input);
    expect(g.unfilled).toEqual([]);
    expect(g.objective).toBe(ex.objective);
    expect(hardRuleBreaches(input, g.assignments)).toEqual([]);
    expect(generateRoster(input)).toEqual(g);
  });

  // Found by a fast-check sweep of the property above (seeds 1–30, 200 runs each; seed 14,
  // run 35, and seed 22, run 179): with the rest rule every person works every other day,
  // and the optimum needs someone to switch from odd to even days. The generator left one
  // slot more empty: every repair moved a duty nobody else could take over (an officer on
  // a day when all other officers rest), though its former holder could then take another
  // empty slot next to it. The repair may now leave such a duty empty when it fills
  // another empty slot instead — the number of empty slots still drops by one.
  const mayDay: GenerateInput = {
    days: days('2026-04-30', 7),
    shifts: [shift({ leader: 1, officer: 2, standby: 1 })],
    people: [
      { id: 1, roles: ['leader', 'officer', 'standby'] },
      { id: 2, roles: ['officer', 'standby'] },
      { id: 3, roles: ['standby'] },
      { id: 4, roles: ['leader', 'officer', 'standby'] },
      { id: 5, roles: ['leader', 'officer'] },
      { id: 6, roles: ['leader', 'officer', 'standby'] },
    ],
    unavailability: [{ personId: 1, from: '2026-05-02', to: '2026-05-04', reason: '请假' }],
    pins: [],
    history: [],
    rules: { ...defaultRules, minRestDays: 1 },
  };
  const nationalDay: GenerateInput = {
    days: days('2026-09-24', 9),
    shifts: [shift({ leader: 1, officer: 2, standby: 1 })],
    people: [
      { id: 1, roles: ['officer', 'standby'] },
      { id: 2, roles: ['officer'] },
      { id: 3, roles: ['officer'] },
      { id: 4, roles: ['leader', 'officer', 'standby'] },
      { id: 5, roles: ['leader', 'officer', 'standby'] },
      { id: 6, roles: ['officer', 'standby'] },
    ],
    unavailability: [
      { personId: 2, from: '2026-09-27', to: '2026-09-29', reason: '请假' },
      { personId: 6, from: '2026-09-29', to: '2026-10-01', reason: '请假' },
    ],
    pins: [],
    history: [],
    rules: { ...defaultRules, minRestDays: 1 },
  };
  // The optima (7 and 10 slots empty) are the exact search's; it takes ~350 000 nodes to
  // prove the second, so only the first is re-checked here.
  it.each([
    ['a May Day week', mayDay, 7027],
    ['nine days around National Day', nationalDay, 10038],
  ])('fills as many slots as the exact optimum when the gaps have to move: %s', (_, input, optimum) => {
    const g = generateRoster(input);
    expect(g.unfilled).toHaveLength(Math.floor(optimum / 1000));
    expect(g.objective).toBe(optimum);
    expect(hardRuleBreaches(input, g.assignments)).toEqual([]);
    expect(generateRoster(input)).toEqual(g);
  });

  it('the exact search agrees: 7 slots of the May Day week must stay empty', () => {
    const ex = exactRoster(mayDay, 1_000_000);
    expect(ex.complete).toBe(true);
    expect(ex.objective).toBe(7027);
  });
});
