/**
 * The duty day (值班日): the one rule every domain counts days by.
 *
 * A duty day D runs from the desk's handover minute on D to the same minute
 * on D+1, in the desk's time zone: with the default 08:30, a call at 02:10 on
 * the 26th belongs to the duty day of the 25th. The handover minute is the
 * start of the desk's first shift (设置 → 班次模板); the log, the log book, the
 * roster, who is on duty, the audit export and every later domain (handover,
 * daily report, attendance) take it from here.
 */
import { addDays, localInstant, localParts } from '../time';

/** Default handover time (交接班时间 08:30), minutes after local midnight. */
export const defaultHandoverMinutes = 8 * 60 + 30;

/** The duty day (YYYY-MM-DD) an instant belongs to. */
export function dutyDateOf(ms: number, tz: string, handoverMinutes: number = defaultHandoverMinutes): string {
  const { date, minutes } = localParts(ms, tz);
  return minutes < handoverMinutes ? addDays(date, -1) : date;
}

/** [start, end) of a duty day, epoch ms. */
export function dutyDayBounds(
  dutyDate: string,
  tz: string,
  handoverMinutes: number = defaultHandoverMinutes,
): { start: number; end: number } {
  return { start: localInstant(dutyDate, handoverMinutes, tz), end: localInstant(addDays(dutyDate, 1), handoverMinutes, tz) };
}

/** The handover minute of a desk from its active shift templates: the first one's start, else 08:30. */
export function handoverMinutesOf(shifts: readonly { startMinutes: number; active: boolean; sortOrder: number; id: number }[]): number {
  const first = shifts
    .filter((s) => s.active)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.startMinutes - b.startMinutes || a.id - b.id)[0];
  return first?.startMinutes ?? defaultHandoverMinutes;
}
