/**
 * Shifts in time: a duty day D covers [D 08:30, D+1 08:30) local time by default.
 *
 * "Who is on duty now" at 2026-11-26 02:00 is therefore the duty day
 * 2026-11-25. A shift's instants are computed in the desk's time zone, so a
 * duty that starts on the 31st ends on the 1st without special cases.
 */
import { addDays, localInstant, localParts } from './calendar-dates';

/** Default handover time (交接班时间 08:30), minutes after local midnight. */
export const defaultHandoverMinutes = 8 * 60 + 30;

/** The duty day an instant belongs to, for a duty day starting at `startMinutes`. */
export function dutyDayAt(epochMs: number, timeZone: string, startMinutes = defaultHandoverMinutes): string {
  const { date, minutes } = localParts(epochMs, timeZone);
  return minutes < startMinutes ? addDays(date, -1) : date;
}

/** Start and end instants (epoch ms) of a shift on duty date `date`. */
export function shiftInterval(
  date: string,
  shift: { startMinutes: number; durationMinutes: number },
  timeZone: string,
): { start: number; end: number } {
  return {
    start: localInstant(date, shift.startMinutes, timeZone),
    end: localInstant(date, shift.startMinutes + shift.durationMinutes, timeZone),
  };
}

/** Whole minutes from `now` until `end`, never negative. */
export const minutesUntil = (now: number, end: number): number => Math.max(0, Math.ceil((end - now) / 60_000));
