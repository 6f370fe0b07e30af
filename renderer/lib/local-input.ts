/**
 * Desk-local time inputs: `datetime-local` values and HH:mm, read and written
 * in the desk's time zone (not the browser's).
 */
import { localDate, localInstant, localParts } from '../../shared/time';

const pad = (n: number) => String(n).padStart(2, '0');

/** Instant → `YYYY-MM-DDTHH:mm` in the desk zone (for `<input type="datetime-local">`). */
export function toLocalInput(instant: string | number, tz: string): string {
  const p = localParts(typeof instant === 'number' ? instant : Date.parse(instant), tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** `YYYY-MM-DDTHH:mm` in the desk zone → UTC ISO, or null when malformed. */
export function fromLocalInput(value: string, tz: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/u.exec(value);
  if (!m) return null;
  return new Date(localInstant(m[1]!, Number(m[2]) * 60 + Number(m[3]), tz)).toISOString();
}

/**
 * "HH:mm" typed at the desk → the latest such instant not after now (an officer
 * at 00:10 typing 23:50 means last night).
 */
export function fromClockTime(value: string, now: number, tz: string): string | null {
  const m = /^(\d{1,2})[:：.]?(\d{2})$/u.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  const today = localDate(now, tz);
  let t = localInstant(today, h * 60 + min, tz);
  if (t > now + 60_000) t -= 86_400_000;
  return new Date(t).toISOString();
}
