/** The calendar: statutory holidays and make-up workdays per year — built in, or pasted from the State Council notice — corrected by day. */
import { parseHolidayNotice } from '../../../shared/domain/calendar-notice';
import type { DayInfo } from '../../../shared/domain/calendar';
import type { CalendarRange, CalendarYear } from '../../../shared/contract/calendar';
import { DomainError } from '../../../shared/errors';
import { datesBetween, dayIndex } from '../../../shared/time';
import { iso, type In, type ReadCtx, type WriteCtx } from '../context';
import { loadCalendar, saveNotice, setCalendarDay } from './db';

/** Day types of a range (≤ 400 days) and the years in it without holiday data. */
export function calendarRange(ctx: ReadCtx, from: string, to: string): CalendarRange {
  if (dayIndex(to) < dayIndex(from) || dayIndex(to) - dayIndex(from) > 400) throw new DomainError('VALIDATION', 'roster.errors.badRange');
  const cal = loadCalendar(ctx.db);
  return { days: datesBetween(from, to).map((d) => cal.dayInfo(d)), missingYears: cal.missingYears(from, to) };
}

/** Stores a year's State Council notice (its text and the days read from it). */
export function importNotice(ctx: WriteCtx, input: In<'calendar.importNotice'>): CalendarYear {
  const parsed = parseHolidayNotice(input.year, input.text);
  if (parsed.problems.length || parsed.days.length === 0)
    throw new DomainError('VALIDATION', 'roster.errors.noticeUnreadable', { problems: parsed.problems });
  const days = parsed.days.filter((d) => d.date.startsWith(`${input.year}-`));
  const out = saveNotice(ctx.db, input.year, input.text, days, iso(ctx.now));
  ctx.audit({
    action: 'calendar.importNotice',
    entity: 'calendar_year',
    entityId: input.year,
    after: { year: input.year, days },
    reason: input.reason ?? null,
  });
  return out;
}

/** Corrects one day (with a reason). */
export function setDay(ctx: WriteCtx, input: In<'calendar.setDay'>): DayInfo {
  const before = loadCalendar(ctx.db).dayInfo(input.date);
  setCalendarDay(ctx.db, input.date, input.type, input.type === 'holiday' || input.type === 'makeup' ? input.name : null, iso(ctx.now));
  const after = loadCalendar(ctx.db).dayInfo(input.date);
  ctx.audit({ action: 'calendar.setDay', entity: 'calendar_day', entityId: input.date, before, after, reason: input.reason });
  return after;
}
