/**
 * Duty log vocabulary and duty-day arithmetic.
 *
 * A duty day runs from the handover time (08:30 by default) to the same time
 * the next day, in the desk's time zone: a call at 02:10 on the 26th belongs
 * to the duty day of the 25th. Uses `Intl` only, so it runs in Node and in
 * the renderer.
 */

export const logKinds = ['incoming_call', 'outgoing_call', 'incoming_doc', 'visit', 'notice', 'presence_check', 'other'] as const;
export type LogKind = (typeof logKinds)[number];

/** Default handover time (交接班时间 08:30), minutes after local midnight. */
export const defaultHandoverMinutes = 8 * 60 + 30;

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

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function slowLocalParts(ms: number, tz: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(tz).formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/**
 * The zone's offset for the quarter hour around `ms`, cached: `formatToParts`
 * is the slow part of every log write, and offsets change only at DST
 * transitions, which fall on quarter hours.
 */
const bucketMs = 15 * 60_000;
const offsets = new Map<string, number>();
function cachedOffset(ms: number, tz: string): number {
  const bucket = Math.floor(ms / bucketMs) * bucketMs;
  const key = `${tz}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const p = slowLocalParts(bucket, tz);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - bucket;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Wall-clock parts of an instant in a time zone. */
export function localParts(ms: number, tz: string): LocalParts {
  const d = new Date(ms + cachedOffset(ms, tz));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** YYYY-MM-DD of an instant in a time zone. */
export function localDate(ms: number, tz: string): string {
  const p = localParts(ms, tz);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Offset of the zone from UTC at an instant, ms (Shanghai: +8 h). */
export function zoneOffsetMs(ms: number, tz: string): number {
  const p = localParts(ms, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant of a local wall-clock time (date `YYYY-MM-DD`, minutes after midnight) in a zone. */
export function zonedInstant(date: string, minutesOfDay: number, tz: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, 0, minutesOfDay);
  const first = guess - zoneOffsetMs(guess, tz);
  // Re-check once across a DST change.
  return guess - zoneOffsetMs(first, tz);
}

/** The duty day (YYYY-MM-DD) an instant belongs to. */
export function dutyDateOf(ms: number, tz: string, handoverMinutes = defaultHandoverMinutes): string {
  const p = localParts(ms, tz);
  const mins = p.hour * 60 + p.minute;
  if (mins >= handoverMinutes) return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  return addDays(`${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, -1);
}

/** [start, end) of a duty day, epoch ms. */
export function dutyDayBounds(dutyDate: string, tz: string, handoverMinutes = defaultHandoverMinutes): { start: number; end: number } {
  return { start: zonedInstant(dutyDate, handoverMinutes, tz), end: zonedInstant(addDays(dutyDate, 1), handoverMinutes, tz) };
}

/** Calendar arithmetic on YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The fields of a duty phone record (值班电话记录, DOMAIN §6) that are filled in later. */
export const followUpFields = ['reportedTo', 'proposal', 'instruction', 'outcome', 'handler', 'handledAt'] as const;
export type FollowUpField = (typeof followUpFields)[number];
