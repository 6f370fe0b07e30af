/**
 * Handlers of the calendar (calendar.*).
 */
import type { calendarMethods } from '../../../shared/contract/calendar';

import { parseHolidayNotice } from '../../../shared/domain/calendar-notice';
import { DomainError } from '../../../shared/errors';
import { listCalendarYears, loadCalendar, saveNotice, setCalendarDay } from './db';
import { iso, type Handlers } from '../context';

import { datesBetween, dayIndex } from '../../../shared/time';

export const calendarHandlers: Handlers<keyof typeof calendarMethods> = {
  'calendar.range': (ctx, input) => {
    if (dayIndex(input.to) < dayIndex(input.from) || dayIndex(input.to) - dayIndex(input.from) > 400)
      throw new DomainError('VALIDATION', 'roster.errors.badRange');
    const cal = loadCalendar(ctx.db);
    return { days: datesBetween(input.from, input.to).map((d) => cal.dayInfo(d)), missingYears: cal.missingYears(input.from, input.to) };
  },
  'calendar.years': (ctx) => listCalendarYears(ctx.db),
  'calendar.parseNotice': (_ctx, input) => parseHolidayNotice(input.year, input.text),
  'calendar.importNotice': (ctx, input) => {
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
  },
  'calendar.setDay': (ctx, input) => {
    const before = loadCalendar(ctx.db).dayInfo(input.date);
    setCalendarDay(ctx.db, input.date, input.type, input.type === 'holiday' || input.type === 'makeup' ? input.name : null, iso(ctx.now));
    const after = loadCalendar(ctx.db).dayInfo(input.date);
    ctx.audit({ action: 'calendar.setDay', entity: 'calendar_day', entityId: input.date, before, after, reason: input.reason });
    return after;
  },
};
