/**
 * API methods of attendance (签到/签退): people on duty sign in at the start of
 * their duty and sign out at its end; states against the published roster.
 */
import { z } from 'zod';
import type { AttendanceRules, AttendanceState } from '../domain/attendance';
import type { DutyRole } from '../roles';
import { empty, id, officers, optText, reason, type ExportedFile } from './common';
import { str } from './common';
import { method } from './define';

export interface AttendanceMark {
  id: number;
  dutyDate: string;
  shiftId: number;
  personId: number;
  personName: string;
  kind: 'signIn' | 'signOut';
  at: string;
  /** 替班: whom this person covers (not on the roster for this shift). */
  coveringPersonId: number | null;
  coveringName: string | null;
  note: string | null;
  recordedBy: string;
  voided: boolean;
  voidReason: string | null;
}

/** One person's line of a shift: rostered (or covering) with their marks and state. */
export interface AttendanceLine {
  personId: number;
  name: string;
  role: DutyRole | null;
  state: AttendanceState;
  signInAt: string | null;
  signOutAt: string | null;
  /** For a cover: whom they cover. */
  coveringName: string | null;
  /** For a rostered person: who covers them. */
  coveredBy: string | null;
}

export interface AttendanceShift {
  dutyDate: string;
  shiftId: number;
  shiftName: string;
  start: string;
  end: string;
  lines: AttendanceLine[];
}

export interface AttendanceToday {
  now: string;
  dutyDate: string;
  shifts: AttendanceShift[];
  /** What the signed-in user can do now. */
  me: {
    personId: number | null;
    /** The shift the user would sign in to (rostered), or null. */
    rostered: boolean;
    signedIn: boolean;
    signedOut: boolean;
  };
  marks: AttendanceMark[];
}

export interface AttendanceMonth {
  month: string;
  unitName: string;
  dates: string[];
  rows: { personId: number; name: string; cells: Record<string, { state: AttendanceState; role: DutyRole | null; signInAt: string | null; signOutAt: string | null }[]>; totals: Partial<Record<AttendanceState, number>> }[];
  totals: Partial<Record<AttendanceState, number>>;
  rules: AttendanceRules;
  timeZone: string;
}

const month = str().regex(/^\d{4}-(0[1-9]|1[0-2])$/u, { message: 'month' });

export const attendanceRulesSchema = z
  .object({ graceMinutes: z.number().int().min(0).max(120), earlyMinutes: z.number().int().min(0).max(240) })
  .strict();

export const attendanceMethods = {
  'attendance.today': method<AttendanceToday>()({ input: empty, access: 'session', kind: 'query' }),
  'attendance.signIn': method<AttendanceMark>()({
    input: z.object({ coversPersonId: id.optional(), note: optText(200) }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'attendance.signOut': method<AttendanceMark>()({ input: z.object({ note: optText(200) }).strict(), access: officers, kind: 'mutation' }),
  'attendance.void': method<AttendanceMark>()({ input: z.object({ id, reason }).strict(), access: ['admin', 'leader'], kind: 'mutation' }),
  'attendance.month': method<AttendanceMonth>()({ input: z.object({ month }).strict(), access: 'session', kind: 'query' }),
  'attendance.exportXlsx': method<ExportedFile>()({ input: z.object({ month }).strict(), access: 'session', kind: 'query' }),
  'attendance.rules': method<AttendanceRules>()({ input: empty, access: 'session', kind: 'query' }),
  'attendance.setRules': method<AttendanceRules>()({ input: attendanceRulesSchema, access: ['admin'], kind: 'mutation' }),
} as const;

export { month as monthSchema };
