/**
 * Shifts in time: the instants of a roster shift on a duty date.
 *
 * A shift's instants are computed in the desk's time zone, so a duty that
 * starts on the 31st ends on the 1st without special cases. Which duty day an
 * instant belongs to is `dutyDateOf` in ./duty-day.ts.
 */
import { localInstant } from '../time';

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
