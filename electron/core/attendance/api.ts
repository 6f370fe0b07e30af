/**
 * Handlers of attendance (attendance.*).
 */
import type { attendanceMethods } from '../../../shared/contract/attendance';
import type { Handlers } from '../context';
import { attendanceXlsx } from './export';
import { attendanceMonth, attendanceToday, getAttendanceRules, setAttendanceRules, signIn, signOut, voidAttendance } from './service';

export const attendanceHandlers: Handlers<keyof typeof attendanceMethods> = {
  'attendance.today': (ctx) => attendanceToday(ctx),
  'attendance.signIn': (ctx, input) => signIn(ctx, input),
  'attendance.signOut': (ctx, input) => signOut(ctx, input),
  'attendance.void': (ctx, input) => voidAttendance(ctx, input.id, input.reason),
  'attendance.month': (ctx, input) => attendanceMonth(ctx, input.month),
  'attendance.exportXlsx': (ctx, input) => attendanceXlsx(attendanceMonth(ctx, input.month)),
  'attendance.rules': (ctx) => getAttendanceRules(ctx.db),
  'attendance.setRules': (ctx, input) => setAttendanceRules(ctx, input),
};
