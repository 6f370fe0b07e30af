/**
 * The one time-zone engine: local dates and wall-clock times of instants in a
 * time zone, instants of local times, and calendar arithmetic on `YYYY-MM-DD`.
 *
 * Instants are epoch ms (stored as UTC ISO strings); local dates are calendar
 * dates of the desk's zone. Arithmetic runs on UTC midnights, so nothing here
 * depends on the machine's own zone. Uses `Intl` only: runs in Node and in the
 * renderer. Every module that needs a local date or an offset comes here.
 */

const dayMs = 86_400_000;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

// ───────────────────────── calendar dates ─────────────────────────

/** Days since 1970-01-01 of a date. */
export function dayIndex(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / dayMs);
}

/** The date of a day index. */
export function dateOfIndex(index: number): string {
  return new Date(index * dayMs).toISOString().slice(0, 10);
}

export const addDays = (date: string, n: number): string => dateOfIndex(dayIndex(date) + n);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => (((dayIndex(date) + 4) % 7) + 7) % 7;

export const isValidDate = (date: string): boolean => /^\d{4}-\d{2}-\d{2}$/u.test(date) && dateOfIndex(dayIndex(date)) === date;

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = dayIndex(from), end = dayIndex(to); i <= end; i += 1) out.push(dateOfIndex(i));
  return out;
}

/** First and last date of a month (`2026-12`). */
export function monthRange(month: string): { from: string; to: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}

/** `HH:MM` of minutes after midnight (wraps past 24 h). */
export function formatMinutes(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** Minutes after midnight of `HH:MM`, or null. */
export function parseMinutes(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/u.exec(hhmm.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

// ───────────────────────── zones ─────────────────────────

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

function zoneOffsetUncached(ms: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(tz).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!) - wholeSecond;
}

/**
 * The zone's offset for the quarter hour around `ms`, cached: `formatToParts`
 * is the slow part of every log write, and offsets change only at DST
 * transitions, which fall on quarter hours.
 */
const bucketMs = 15 * 60_000;
const offsets = new Map<string, number>();

/** Offset of the zone from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(ms: number, tz: string): number {
  const bucket = Math.floor(ms / bucketMs) * bucketMs;
  const key = `${tz}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = zoneOffsetUncached(bucket, tz);
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Offset of the zone from UTC at an instant, in minutes (Asia/Shanghai: +480). */
export const zoneOffsetMinutes = (ms: number, tz: string): number => Math.round(zoneOffsetMs(ms, tz) / 60_000);

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Minutes after local midnight. */
  minutes: number;
}

/** Wall-clock parts of an instant in a time zone. */
export function localParts(ms: number, tz: string): LocalParts {
  const d = new Date(ms + zoneOffsetMs(ms, tz));
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const hour = d.getUTCHours();
  const minute = d.getUTCMinutes();
  return {
    year,
    month,
    day,
    hour,
    minute,
    second: d.getUTCSeconds(),
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    minutes: hour * 60 + minute,
  };
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export const localDate = (ms: number, tz: string): string => localParts(ms, tz).date;

/** `YYYY-MM-DD HH:MM:SS` of an instant in a time zone (CSV, logs). */
export function localDateTime(ms: number, tz: string): string {
  return new Date(ms + zoneOffsetMs(ms, tz)).toISOString().replace('T', ' ').slice(0, 19);
}

/** The instant of a local wall-clock time: `minutes` after local midnight of `date` (may exceed 1440). */
export function localInstant(date: string, minutes: number, tz: string): number {
  const guess = dayIndex(date) * dayMs + minutes * 60_000;
  // Two passes settle the offset even across a DST change (China has none; other zones might).
  const first = guess - zoneOffsetMs(guess, tz);
  return guess - zoneOffsetMs(first, tz);
}
