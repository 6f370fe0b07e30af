/**
 * Shifts in time: the instants of a roster shift on a duty date.
 *
 * A shift's instants are computed in the desk's time zone, so a duty that
 * starts on the 31st ends on the 1st without special cases. Which duty day an
 * instant belongs to is `dutyDateOf` in ./duty-day.ts.
 */
import { addDays, localInstant } from '../time';

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

/** A shift template as the handover sees it. */
export interface ShiftOfDay {
  id: number;
  name: string;
  startMinutes: number;
  durationMinutes: number;
  sortOrder: number;
}

/**
 * One shift change (交接班): the outgoing shift of a roster date hands over at
 * its end to the next shift to start.
 */
export interface ShiftChange {
  /** The outgoing shift: its roster (duty) date, template and instants (epoch ms); `end` is the handover instant. */
  dutyDate: string;
  shiftId: number;
  shiftName: string;
  start: number;
  end: number;
  incoming: { dutyDate: string; shiftId: number; shiftName: string; start: number };
}

/**
 * The shift changes of the outgoing shifts on roster dates [from, to], in time order.
 *
 * Each active template's shift on a date hands over to the next shift that
 * starts after it (over that date and the next): with the default 24-hour
 * shift that is the same shift next day — one handover per duty day; with
 * 白班 08:30–17:30 / 夜班 17:30–08:30 the 白班 hands over to the 夜班 at 17:30
 * and the 夜班 to the next day's 白班 at 08:30. Instants come from
 * `shiftInterval`, the roster's own, so a change falls on the roster's times
 * across midnight, month and year ends.
 */
export function shiftChanges(templates: readonly ShiftOfDay[], from: string, to: string, tz: string): ShiftChange[] {
  if (templates.length === 0 || from > to) return [];
  const dates: string[] = [];
  for (let d = addDays(from, -1); d <= addDays(to, 1); d = addDays(d, 1)) dates.push(d);
  const instances = dates
    .flatMap((date) => templates.map((t) => ({ date, t, ...shiftInterval(date, t, tz) })))
    .sort((a, b) => a.start - b.start || a.t.sortOrder - b.t.sortOrder || a.t.id - b.t.id);
  const out: ShiftChange[] = [];
  instances.forEach((s, i) => {
    if (s.date < from || s.date > to) return;
    const next = instances.slice(i + 1).find((n) => n.start > s.start);
    if (!next) return;
    out.push({
      dutyDate: s.date,
      shiftId: s.t.id,
      shiftName: s.t.name,
      start: s.start,
      end: s.end,
      incoming: { dutyDate: next.date, shiftId: next.t.id, shiftName: next.t.name, start: next.start },
    });
  });
  return out.sort((a, b) => a.end - b.end || a.start - b.start);
}
