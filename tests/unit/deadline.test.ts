import { describe, expect, it } from 'vitest';
import { localDate } from '../../shared/time';
import { dutyDateOf } from '../../shared/domain/duty-day';
import {
  countdownParts,
  deadlineState,
  meetsDeadline,
  nationalReportRules,
  reportDeadlines,
  supplementDeadline,
  supplementWindowEnd,
  type ReportRules,
} from '../../shared/domain/deadline';

const tz = 'Asia/Shanghai';
const at = (s: string) => Date.parse(s);
const iso = (ms: number) => new Date(ms).toISOString();
/** A natural event (no Order 493 rule) of this level learned at `learnedAt`. */
const natural = (level: 1 | 2 | 3 | 4, learnedAt: number) => ({ level, category: 'natural' as const, subType: 'flood_drought' as const, occurredAt: learnedAt, learnedAt });

describe('report deadlines per level', () => {
  it('national defaults: Ⅰ and Ⅱ get 30 min phone and 60 min written; Ⅲ and Ⅳ none', () => {
    const learned = at('2026-11-25T13:40:00Z');
    for (const level of [1, 2] as const) {
      expect(reportDeadlines(natural(level, learned), nationalReportRules).map((d) => [d.kind, iso(d.dueAt)])).toEqual([
        ['phone', '2026-11-25T14:10:00.000Z'],
        ['written', '2026-11-25T14:40:00.000Z'],
      ]);
    }
    expect(reportDeadlines(natural(3, learned), nationalReportRules)).toEqual([]);
    expect(reportDeadlines(natural(4, learned), nationalReportRules)).toEqual([]);
  });

  it('a desk can apply the rule to 较大 and tighten it (20 / 40 min)', () => {
    const rules: ReportRules = {
      ...nationalReportRules,
      levels: nationalReportRules.levels.map((l) => (l.level <= 3 ? { ...l, phoneMinutes: 20, writtenMinutes: 40 } : l)),
    };
    const learned = at('2026-11-25T13:40:00Z');
    expect(reportDeadlines(natural(3, learned), rules).map((d) => iso(d.dueAt))).toEqual(['2026-11-25T14:00:00.000Z', '2026-11-25T14:20:00.000Z']);
  });

  it('crosses local midnight: learned 23:50 → phone 00:20 and written 00:50 the next calendar day, same duty day', () => {
    // 23:50 Shanghai = 15:50Z
    const learned = at('2026-11-25T15:50:00Z');
    const [phone, written] = reportDeadlines(natural(2, learned), nationalReportRules);
    expect(localDate(phone!.dueAt, tz)).toBe('2026-11-26');
    expect(iso(phone!.dueAt)).toBe('2026-11-25T16:20:00.000Z');
    expect(iso(written!.dueAt)).toBe('2026-11-25T16:50:00.000Z');
    expect(dutyDateOf(learned, tz)).toBe('2026-11-25');
    expect(dutyDateOf(written!.dueAt, tz)).toBe('2026-11-25');
  });

  it('crosses the 08:30 handover: learned 08:10 → written due 09:10 on the next duty day', () => {
    const learned = at('2026-11-26T00:10:00Z'); // 08:10 local
    const written = reportDeadlines(natural(1, learned), nationalReportRules)[1]!;
    expect(dutyDateOf(learned, tz)).toBe('2026-11-25');
    expect(dutyDateOf(written.dueAt, tz)).toBe('2026-11-26');
  });

  it('crosses midnight at the end of a year', () => {
    const learned = at('2026-12-31T15:45:00Z'); // 23:45 local on 12-31
    const phone = reportDeadlines(natural(1, learned), nationalReportRules)[0]!;
    expect(localDate(phone.dueAt, tz)).toBe('2027-01-01');
  });
});

describe('work-safety accidents of every grade (Order 493 Art. 9 / 11)', () => {
  const occurred = at('2026-12-01T01:00:00Z'); // 09:00 local
  const learned = at('2026-12-01T01:25:00Z');
  const accident = (level: 1 | 2 | 3 | 4, subType: 'industrial' | 'road_traffic' | 'environment' = 'industrial') => ({ level, category: 'accident' as const, subType, occurredAt: occurred, learnedAt: learned });

  it('a 较大 gas explosion (Ⅲ) must be passed up within 2 hours of learning of it (Art. 11)', () => {
    expect(reportDeadlines(accident(3), nationalReportRules).map((d) => [d.kind, iso(d.dueAt), d.basis])).toEqual([['phone', '2026-12-01T03:25:00.000Z', 'order493Art11']]);
    expect(reportDeadlines(accident(4, 'road_traffic'), nationalReportRules)).toHaveLength(1);
  });

  it('Ⅰ/Ⅱ keep the tighter 30 min / 1 h rule, labelled as the level rule', () => {
    expect(reportDeadlines(accident(2), nationalReportRules).map((d) => [d.kind, d.basis])).toEqual([
      ['phone', 'levelRule'],
      ['written', 'levelRule'],
    ]);
  });

  it("on the accident unit's own desk: 1 hour from the accident (Art. 9)", () => {
    const rules: ReportRules = { ...nationalReportRules, accident: { ...nationalReportRules.accident, role: 'unit' } };
    expect(reportDeadlines(accident(3), rules).map((d) => [iso(d.dueAt), d.basis])).toEqual([['2026-12-01T02:00:00.000Z', 'order493Art9']]);
  });

  it('environmental pollution and natural events are not under Order 493; a rule set to null is off', () => {
    expect(reportDeadlines(accident(3, 'environment'), nationalReportRules)).toEqual([]);
    expect(reportDeadlines(natural(3, learned), nationalReportRules)).toEqual([]);
    const off: ReportRules = { ...nationalReportRules, accident: { ...nationalReportRules.accident, levelMinutes: null } };
    expect(reportDeadlines(accident(3), off)).toEqual([]);
  });
});

describe('deadline states: lateness is never hidden', () => {
  const due = at('2026-11-25T14:10:00Z');
  it('pending until due, overdue after, exactly at due still pending', () => {
    expect(deadlineState(due, null, due - 1)).toBe('pending');
    expect(deadlineState(due, null, due)).toBe('pending');
    expect(deadlineState(due, null, due + 1)).toBe('overdue');
  });
  it('met on time at the very minute; late one ms after — and stays late whatever now is', () => {
    expect(deadlineState(due, due, due + 10_000_000)).toBe('met');
    expect(deadlineState(due, due + 1, due + 2)).toBe('metLate');
    expect(deadlineState(due, due + 1, due - 1_000_000)).toBe('metLate');
  });
  it('a phone call meets the phone deadline but not the written one', () => {
    expect(meetsDeadline('phone', 'phone')).toBe(true);
    expect(meetsDeadline('written', 'phone')).toBe(false);
    expect(meetsDeadline('written', 'fax')).toBe(true);
    expect(meetsDeadline('phone', 'written')).toBe(true);
  });
  it('formats countdowns', () => {
    expect(countdownParts(65_000)).toEqual({ overdue: false, text: '01:05' });
    expect(countdownParts(-3_725_000)).toEqual({ overdue: true, text: '1:02:05' });
  });
});

describe('补报 window (Art. 13)', () => {
  const occurred = at('2026-11-01T02:00:00Z');
  it('30 days for work-safety accidents, 7 for road traffic and fire, none otherwise', () => {
    expect(iso(supplementWindowEnd('accident', 'industrial', occurred, nationalReportRules)!)).toBe('2026-12-01T02:00:00.000Z');
    expect(iso(supplementWindowEnd('accident', 'road_traffic', occurred, nationalReportRules)!)).toBe('2026-11-08T02:00:00.000Z');
    expect(iso(supplementWindowEnd('accident', 'fire', occurred, nationalReportRules)!)).toBe('2026-11-08T02:00:00.000Z');
    expect(supplementWindowEnd('natural', 'earthquake', occurred, nationalReportRules)).toBeNull();
  });
  it('a change inside the window is due after supplementDueMinutes; outside, nothing', () => {
    const end = supplementWindowEnd('accident', 'fire', occurred, nationalReportRules)!;
    expect(supplementDeadline(end, end, nationalReportRules)).toBe(end + 120 * 60_000);
    expect(supplementDeadline(end, end + 1, nationalReportRules)).toBeNull();
    expect(supplementDeadline(null, occurred, nationalReportRules)).toBeNull();
  });
});

describe('duty day boundaries', () => {
  it('08:29 belongs to yesterday, 08:30 to today; midnight stays in the evening duty', () => {
    expect(dutyDateOf(at('2026-11-26T00:29:59Z'), tz)).toBe('2026-11-25');
    expect(dutyDateOf(at('2026-11-26T00:30:00Z'), tz)).toBe('2026-11-26');
    expect(dutyDateOf(at('2026-11-25T16:00:00Z'), tz)).toBe('2026-11-25'); // 00:00 local on the 26th
  });
});

describe('localParts fast path', () => {
  it('agrees with Intl for every quarter hour across DST changes and midnight', async () => {
    const { localParts } = await import('../../shared/time');
    for (const tz of ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'UTC']) {
      const f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      for (let ms = Date.parse('2026-03-07T00:00:00Z'); ms < Date.parse('2026-03-10T00:00:00Z'); ms += 7 * 60_000 + 13_000) {
        const o: Record<string, number> = {};
        for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') o[p.type] = Number(p.value);
        expect(localParts(ms, tz)).toMatchObject({ year: o.year, month: o.month, day: o.day, hour: o.hour! % 24, minute: o.minute, second: o.second });
      }
    }
  });
});
