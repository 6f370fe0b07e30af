/**
 * Handlers of the calendar (calendar.*).
 */
import type { calendarMethods } from '../../../shared/contract/calendar';
import { parseHolidayNotice } from '../../../shared/domain/calendar-notice';
import type { Handlers } from '../context';
import { listCalendarYears } from './db';
import { calendarRange, importNotice, setDay } from './service';

export const calendarHandlers: Handlers<keyof typeof calendarMethods> = {
  'calendar.range': (ctx, input) => calendarRange(ctx, input.from, input.to),
  'calendar.years': (ctx) => listCalendarYears(ctx.db),
  'calendar.parseNotice': (_ctx, input) => parseHolidayNotice(input.year, input.text),
  'calendar.importNotice': (ctx, input) => importNotice(ctx, input),
  'calendar.setDay': (ctx, input) => setDay(ctx, input),
};
