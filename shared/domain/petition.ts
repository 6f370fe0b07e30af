/**
 * Petitions (信访): vocabulary, the deadlines of 信访工作条例 and 批/人次 counting.
 *
 * Deadlines are counted in calendar days and, as in every Chinese statutory
 * period, the day on which the period starts is not counted (期间开始之日不计入):
 * a petition received on 12-20 must be answered on or before 01-04 (day 15);
 * the 16th day is late. Each limit runs from its own start day:
 *
 * | step                         | start day                        | limit |
 * |------------------------------|----------------------------------|-------|
 * | 受理 / 不予受理 (tell within)    | the day the petition was received| 15    |
 * | 办结                          | the day it was accepted (受理之日)  | 60, once extended by ≤ 30 |
 * | 请求复查 / 复查答复               | the day the answer was received / the request was received | 30 / 30 |
 * | 请求复核 / 复核答复               | the same, for the review answer   | 30 / 30 |
 *
 * The deadline ends at midnight closing its last day, in the desk's zone.
 */
import { addDays, dayIndex } from '../time';

export const petitionForms = ['visit', 'letter', 'call', 'online', 'leaderDay'] as const;
export type PetitionForm = (typeof petitionForms)[number];

/** Forms in which petitioners come in person: counted in 批 and 人次 (上访). */
export const visitForms: readonly PetitionForm[] = ['visit', 'leaderDay'];
export const isVisitForm = (f: PetitionForm): boolean => visitForms.includes(f);

/** 到区 / 到市 / 赴省 / 进京, lowest first. */
export const petitionLevels = ['district', 'city', 'province', 'beijing'] as const;
export type PetitionLevel = (typeof petitionLevels)[number];
export const levelRank = (l: PetitionLevel): number => petitionLevels.indexOf(l);
/** The levels a desk records: its own level and the ones above it. */
export const levelsFrom = (deskLevel: PetitionLevel): PetitionLevel[] => petitionLevels.filter((l) => levelRank(l) >= levelRank(deskLevel));

/** 非正常上访 kinds. */
export const abnormalKinds = ['blockGate', 'blockRoad', 'stormOffice', 'pester', 'gathering', 'other'] as const;
export type AbnormalKind = (typeof abnormalKinds)[number];

/** The usual categories a desk starts with (a setting: the desk edits the list). */
export const defaultPetitionCategories = [
  '土地征用',
  '房屋拆迁',
  '涉法涉诉',
  '环境污染',
  '劳动社会保障',
  '农村财务',
  '惠农政策',
  '复退军人',
  '医患纠纷',
  '交通事故',
  '安全生产',
  '问题楼盘',
  '其他',
];

/** 集体访: five or more people coming together; they choose at most five representatives (条例 Art. 26). */
export const groupVisitMinPersons = 5;
export const maxRepresentatives = 5;
export const isGroupVisit = (persons: number): boolean => persons >= groupVisitMinPersons;

export const petitionStates = [
  'registered',
  'accepted',
  'rejected',
  'handling',
  'concluded',
  'reviewRequested',
  'reviewed',
  'recheckRequested',
  'rechecked',
] as const;
export type PetitionState = (typeof petitionStates)[number];

// ───────────────────────── deadlines ─────────────────────────

/** Statutory limits in calendar days (信访工作条例). Local rules may differ: the desk can set them. */
export interface PetitionLimits {
  acceptDays: number;
  concludeDays: number;
  maxExtensionDays: number;
  reviewRequestDays: number;
  reviewAnswerDays: number;
  recheckRequestDays: number;
  recheckAnswerDays: number;
}

export const nationalPetitionLimits: PetitionLimits = {
  acceptDays: 15,
  concludeDays: 60,
  maxExtensionDays: 30,
  reviewRequestDays: 30,
  reviewAnswerDays: 30,
  recheckRequestDays: 30,
  recheckAnswerDays: 30,
};

export const petitionDeadlineKinds = ['accept', 'conclude', 'reviewAnswer', 'recheckAnswer', 'assignment'] as const;
export type PetitionDeadlineKind = (typeof petitionDeadlineKinds)[number];

/** The last day of a period of `days` calendar days starting on `startDate` (the start day not counted). */
export const lastDayOf = (startDate: string, days: number): string => addDays(startDate, days);

/** Which day of the period `date` is (the start day is day 0, the next day day 1). */
export const dayOfPeriod = (startDate: string, date: string): number => dayIndex(date) - dayIndex(startDate);

/** Whether something done on `doneDate` meets a period that ends on `dueDate`. */
export const isInTime = (dueDate: string, doneDate: string): boolean => doneDate <= dueDate;

/**
 * The one extension of 办结: at most `maxExtensionDays` beyond the first due
 * date, given before that date has passed, and only once.
 */
export function extensionProblem(
  opts: { dueDate: string; today: string; alreadyExtended: boolean; days: number },
  limits: PetitionLimits = nationalPetitionLimits,
): 'alreadyExtended' | 'tooLong' | 'afterDue' | null {
  if (opts.alreadyExtended) return 'alreadyExtended';
  if (opts.days < 1 || opts.days > limits.maxExtensionDays) return 'tooLong';
  if (opts.today > opts.dueDate) return 'afterDue';
  return null;
}

// ───────────────────────── 批 / 人次 ─────────────────────────

/** What counting needs of one petition. */
export interface CountedPetition {
  id: number;
  /** Local date received. */
  receivedDate: string;
  /** ISO instant received, for ordering visits of one person. */
  receivedAt: string;
  form: PetitionForm;
  level: PetitionLevel;
  persons: number;
  abnormal: boolean;
  category: string;
  /** Petitioners recorded on it (for a group: its representatives). */
  petitionerIds: readonly number[];
}

/**
 * 重复访: a petition is a repeat when one of its petitioners came with an
 * earlier petition (any earlier one, before the period too). The same person
 * twice is two petitions, two 人次, and one of them a repeat.
 */
export function repeatIds(all: readonly CountedPetition[]): Set<number> {
  const sorted = [...all].sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.id - b.id));
  const seen = new Set<number>();
  const out = new Set<number>();
  for (const p of sorted) {
    if (p.petitionerIds.some((id) => seen.has(id))) out.add(p.id);
    for (const id of p.petitionerIds) seen.add(id);
  }
  return out;
}

export interface Count {
  /** 批: petitions (a group of 23 is one). */
  batches: number;
  /** 人次: persons summed over petitions (the same person twice is two). */
  personTimes: number;
}

export const zeroCount = (): Count => ({ batches: 0, personTimes: 0 });
export function countOf(list: readonly Pick<CountedPetition, 'persons'>[]): Count {
  return { batches: list.length, personTimes: list.reduce((s, p) => s + p.persons, 0) };
}

export interface PetitionTally {
  /** 上访 (visit forms) per level, in 批 and 人次. */
  byLevel: Record<PetitionLevel, Count>;
  /** Every petition by form: 件 (batches) and 人次. */
  byForm: Record<PetitionForm, Count>;
  byCategory: Record<string, Count>;
  visits: Count;
  /** All forms. */
  total: Count;
  group: Count;
  abnormal: Count;
  repeat: Count;
}

/** Counts the petitions of a period; `repeats` comes from `repeatIds` over every petition ever. */
export function tally(list: readonly CountedPetition[], repeats: ReadonlySet<number>, categories: readonly string[] = []): PetitionTally {
  const add = (c: Count, p: CountedPetition): void => {
    c.batches += 1;
    c.personTimes += p.persons;
  };
  const byLevel = Object.fromEntries(petitionLevels.map((l) => [l, zeroCount()])) as Record<PetitionLevel, Count>;
  const byForm = Object.fromEntries(petitionForms.map((f) => [f, zeroCount()])) as Record<PetitionForm, Count>;
  const byCategory: Record<string, Count> = Object.fromEntries(categories.map((c) => [c, zeroCount()]));
  const t: PetitionTally = { byLevel, byForm, byCategory, visits: zeroCount(), total: zeroCount(), group: zeroCount(), abnormal: zeroCount(), repeat: zeroCount() };
  for (const p of list) {
    add(t.total, p);
    add(byForm[p.form], p);
    add((byCategory[p.category] ??= zeroCount()), p);
    if (isVisitForm(p.form)) {
      add(t.visits, p);
      add(byLevel[p.level], p);
    }
    if (isGroupVisit(p.persons)) add(t.group, p);
    if (p.abnormal) add(t.abnormal, p);
    if (repeats.has(p.id)) add(t.repeat, p);
  }
  return t;
}

/** "114批1023人次". */
export const batchText = (c: Count): string => `${c.batches}批${c.personTimes}人次`;

// ───────────────────────── periods: 环比 and 同比 ─────────────────────────

export interface Period {
  from: string;
  to: string;
}

const isMonthStart = (d: string): boolean => d.endsWith('-01');
const isMonthEnd = (d: string): boolean => addDays(d, 1).endsWith('-01');
const monthNo = (d: string): number => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
const monthStart = (n: number): string => `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}-01`;
const monthEnd = (n: number): string => addDays(monthStart(n + 1), -1);

/** A period of whole months (a month, a quarter, 1—4月, a year). */
export const isWholeMonths = (p: Period): boolean => isMonthStart(p.from) && isMonthEnd(p.to);

/**
 * 环比: the period just before, of the same size. Whole months shift by
 * whole months (January's is the December before; 1—4月's is 9—12月 of the
 * year before); other periods by their length in days.
 */
export function previousPeriod(p: Period): Period {
  if (isWholeMonths(p)) {
    const k = monthNo(p.to) - monthNo(p.from) + 1;
    return { from: monthStart(monthNo(p.from) - k), to: monthEnd(monthNo(p.to) - k) };
  }
  const len = dayIndex(p.to) - dayIndex(p.from) + 1;
  return { from: addDays(p.from, -len), to: addDays(p.from, -1) };
}

/** The same date a year earlier; 02-29 becomes 02-28. */
function yearBefore(d: string): string {
  const y = String(Number(d.slice(0, 4)) - 1).padStart(4, '0');
  const md = d.slice(5);
  if (md === '02-29') return `${y}-02-28`;
  return `${y}-${md}`;
}

/** 同比: the same period a year earlier (whole months stay whole: 2028-02 → 2027-02-01…28). */
export function samePeriodLastYear(p: Period): Period {
  if (isWholeMonths(p)) return { from: monthStart(monthNo(p.from) - 12), to: monthEnd(monthNo(p.to) - 12) };
  return { from: yearBefore(p.from), to: yearBefore(p.to) };
}

/** Change in percent, one decimal; null when the earlier figure is 0 (no base to compare with). */
export function changePercent(current: number, earlier: number): number | null {
  if (earlier === 0) return null;
  return Math.round(((current - earlier) / earlier) * 1000) / 10;
}

/** "上升12.5%" / "下降50%" / "持平" / "—" when there is no base (as printed; the screen translates). */
export function changeText(current: number, earlier: number): string {
  const p = changePercent(current, earlier);
  if (p === null) return current === 0 ? '持平' : '—';
  if (p === 0) return '持平';
  return p > 0 ? `上升${p}%` : `下降${-p}%`;
}
