/**
 * Local-date arithmetic on `YYYY-MM-DD` strings, and instants in a time zone.
 *
 * Dates are calendar dates of the desk's time zone; arithmetic runs on UTC
 * midnights so it never depends on the machine's own zone. Pure: no Node, no DOM.
 */

const dayMs = 86_400_000;

/** Days since 1970-01-01 of a local date. */
export function dayIndex(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / dayMs);
}

/** The local date of a day index. */
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
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone from UTC at an instant, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** Local date and minutes after local midnight of an instant. */
export function localParts(epochMs: number, timeZone: string): { date: string; minutes: number } {
  const local = epochMs + zoneOffsetMinutes(epochMs, timeZone) * 60_000;
  const index = Math.floor(local / dayMs);
  return { date: dateOfIndex(index), minutes: Math.floor((local - index * dayMs) / 60_000) };
}

/** The instant of a local wall-clock time (`minutes` after local midnight of `date`, may exceed 1440). */
export function localInstant(date: string, minutes: number, timeZone: string): number {
  const guess = dayIndex(date) * dayMs + minutes * 60_000;
  // Two passes settle the offset even across a DST change (China has none; other zones might).
  let t = guess - zoneOffsetMinutes(guess, timeZone) * 60_000;
  t = guess - zoneOffsetMinutes(t, timeZone) * 60_000;
  return t;
}

/** `HH:MM` of minutes after midnight (wraps past 24 h). */
export function formatMinutes(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Minutes after midnight of `HH:MM`, or null. */
export function parseMinutes(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/u.exec(hhmm.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}
