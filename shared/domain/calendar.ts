/**
 * Day types: workday, weekend, statutory holiday, make-up workday (调休上班).
 *
 * Bundled data comes from the `chinese-days` package (State Council notices
 * 2004–2026). A year outside it has no official data until the desk enters
 * that year's notice: `dayInfo` then says `known: false` and planning is
 * blocked — never silently planned as ordinary weeks (DOMAIN §5).
 * Desk-entered days override bundled ones, one date at a time.
 */
import bundled from 'chinese-days/dist/chinese-days.json';
import { weekdayOf } from '../time';

export const dayTypes = ['workday', 'weekend', 'holiday', 'makeup'] as const;
export type DayType = (typeof dayTypes)[number];

export interface DayInfo {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  type: DayType;
  /** The holiday's name (春节) on a holiday or its make-up workday. */
  holidayName: string | null;
  /** False when the year has no official data: the type is only a weekday guess. */
  known: boolean;
  /** Where the type came from. */
  source: 'bundled' | 'desk' | 'weekday';
}

/** One desk-entered day: from a notice or a single correction. */
export interface CalendarDay {
  date: string;
  type: DayType;
  name: string | null;
}

interface BundledData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Chinese name of a bundled entry (`"Spring Festival,春节,4"`). */
const zhName = (entry: string): string => {
  const name = entry.split(',')[1] ?? entry;
  // The package writes 中秋 and 端午 short; the notices write 中秋节, 端午节, 清明节.
  return ({ 中秋: '中秋节', 端午: '端午节', 清明: '清明节' } as Record<string, string>)[name] ?? name;
};

const data = bundled as BundledData;
const bundledHolidays = new Map(Object.entries(data.holidays).map(([d, v]) => [d, zhName(v)]));
const bundledWorkdays = new Map(Object.entries(data.workdays).map(([d, v]) => [d, zhName(v)]));

/** Years with official data shipped in the app. */
export const bundledYears: readonly number[] = [...new Set([...bundledHolidays.keys()].map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);

const isWeekend = (weekday: number): boolean => weekday === 0 || weekday === 6;

export interface Calendar {
  dayInfo(date: string): DayInfo;
  /** Whether official (bundled or desk-entered) data exists for the year. */
  hasYear(year: number): boolean;
  /** Years in [from, to] without official data. */
  missingYears(from: string, to: string): number[];
}

/**
 * A calendar: bundled data, plus desk-entered days and the years whose notice the desk entered.
 *
 * A year listed in `deskYears` is known: its days not entered are typed by weekday.
 */
export function createCalendar(deskDays: readonly CalendarDay[] = [], deskYears: readonly number[] = []): Calendar {
  const desk = new Map(deskDays.map((d) => [d.date, d]));
  const years = new Set([...bundledYears, ...deskYears]);
  const cache = new Map<string, DayInfo>();
  const compute = (date: string): DayInfo => {
    const weekday = weekdayOf(date);
    const known = years.has(Number(date.slice(0, 4)));
    const own = desk.get(date);
    if (own) return { date, weekday, type: own.type, holidayName: own.name, known: true, source: 'desk' };
    const hol = bundledHolidays.get(date);
    if (hol) return { date, weekday, type: 'holiday', holidayName: hol, known: true, source: 'bundled' };
    const work = bundledWorkdays.get(date);
    if (work) return { date, weekday, type: 'makeup', holidayName: work, known: true, source: 'bundled' };
    return { date, weekday, type: isWeekend(weekday) ? 'weekend' : 'workday', holidayName: null, known, source: 'weekday' };
  };
  return {
    dayInfo(date) {
      let d = cache.get(date);
      if (!d) {
        d = compute(date);
        cache.set(date, d);
      }
      return d;
    },
    hasYear: (year) => years.has(year),
    missingYears(from, to) {
      const out: number[] = [];
      for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) if (!years.has(y)) out.push(y);
      return out;
    },
  };
}

