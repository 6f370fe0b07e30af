/**
 * API methods of the calendar: statutory holidays and make-up workdays per
 * year (built in, or pasted from the State Council notice), corrected by day.
 */
import { z } from 'zod';
import { type DayInfo, type DayType } from '../domain/calendar';
import { empty, isoDate, reason } from './common';
import { optLine } from './common';
import { str } from './common';
import { method } from './define';

import { dayTypes } from '../domain/calendar';

export interface CalendarYear {
  year: number;
  source: 'bundled' | 'desk';
  enteredAt: string | null;
}

export interface CalendarRange {
  days: DayInfo[];
  missingYears: number[];
}

export const calendarMethods = {
  'calendar.range': method<CalendarRange>()({ input: z.object({ from: isoDate, to: isoDate }).strict(), access: 'session', kind: 'query' }),
  'calendar.years': method<CalendarYear[]>()({ input: empty, access: 'session', kind: 'query' }),
  'calendar.parseNotice': method<{ days: { date: string; type: DayType; name: string | null }[]; problems: string[] }>()({
    input: z.object({ year: z.number().int().min(2000).max(2100), text: str().max(20_000) }).strict(),
    access: ['admin'],
    kind: 'query',
  }),
  'calendar.importNotice': method<CalendarYear>()({
    input: z.object({ year: z.number().int().min(2000).max(2100), text: str().max(20_000), reason: reason.optional() }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'calendar.setDay': method<DayInfo>()({
    input: z.object({ date: isoDate, type: z.enum(dayTypes).nullable(), name: optLine(20), reason }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
} as const;
