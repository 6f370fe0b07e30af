/**
 * API methods of who is on duty (当前值班): now, a week, my next duty, and
 * roster notices — read by everyone, from published roster versions only.
 */
import { z } from 'zod';
import { type DayInfo } from '../domain/calendar';
import { type DutyRole } from '../roles';
import { empty, id, isoDate } from './common';
import { method } from './define';

export interface DutyPerson {
  personId: number;
  name: string;
  role: DutyRole;
  mobile: string | null;
  officePhone: string | null;
  department: string | null;
  title: string | null;
}

export interface DutyShift {
  date: string;
  shiftId: number;
  shiftName: string;
  start: string;
  end: string;
  leader: DutyPerson[];
  officer: DutyPerson[];
  standby: DutyPerson[];
}

export interface DutyNow {
  now: string;
  dutyDate: string;
  day: DayInfo;
  unitName: string;
  dutyPhone: string | null;
  fax: string | null;
  /** Shifts running now (one for a 24-hour duty day). */
  current: DutyShift[];
  /** The next shift that starts after the current ones. */
  next: DutyShift | null;
  /** End of the current shift (handover), or null when nobody is rostered. */
  handoverAt: string | null;
  minutesToHandover: number | null;
}

export interface DutyDay {
  date: string;
  day: DayInfo;
  shifts: DutyShift[];
}

export interface DutyNotice {
  id: number;
  kind: 'swapRequested' | 'swapApproved' | 'swapRejected' | 'tomorrow';
  swapId: number | null;
  params: Record<string, string | number>;
  createdAt: string;
  readAt: string | null;
}

export interface MyDuty {
  personId: number | null;
  upcoming: (DutyShift & { role: DutyRole })[];
  tomorrow: (DutyShift & { role: DutyRole }) | null;
  notices: DutyNotice[];
}

export const dutyMethods = {
  'duty.now': method<DutyNow>()({ input: empty, access: 'session', kind: 'query' }),
  'duty.week': method<DutyDay[]>()({
    input: z.object({ from: isoDate.optional(), days: z.number().int().min(1).max(62).optional() }).strict(),
    access: 'session',
    kind: 'query',
  }),
  'duty.mine': method<MyDuty>()({ input: empty, access: 'session', kind: 'query' }),
  'duty.ackNotice': method<null>()({ input: z.object({ id }).strict(), access: 'session', kind: 'mutation' }),
} as const;
