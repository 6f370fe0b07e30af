/**
 * Attendance (签到/签退): the state of one person's duty against the published roster.
 *
 * States seen in practice (DOMAIN §6): 正常, 迟到, 早退, 缺勤, 请假 — plus 替班
 * (someone covering without a roster change, recorded for the admin) and,
 * while a shift is still running, 未签到 / 在岗. The grace period is a desk
 * setting: a sign-in at exactly start + grace is still on time, one minute
 * later is late; a sign-out at exactly end − grace is not early.
 */

export const attendanceStates = ['normal', 'late', 'earlyLeave', 'lateAndEarly', 'absent', 'leave', 'covering', 'pending', 'onDuty'] as const;
export type AttendanceState = (typeof attendanceStates)[number];

export interface AttendanceRules {
  /** Minutes after the shift's start a sign-in still counts as on time (and before its end a sign-out). */
  graceMinutes: number;
  /** How long before a shift starts its sign-in opens. */
  earlyMinutes: number;
}

export const defaultAttendanceRules: AttendanceRules = { graceMinutes: 5, earlyMinutes: 60 };

const minute = 60_000;

export interface AttendanceFacts {
  /** The shift's start and end, epoch ms. */
  start: number;
  end: number;
  /** First sign-in and last sign-out for this shift (epoch ms), if any. */
  signIn: number | null;
  signOut: number | null;
  /** The person has approved leave on the duty day. */
  onLeave: boolean;
  /** The person signed in for someone else (not on the roster for this shift). */
  covering: boolean;
  now: number;
}

/**
 * The state of one person's shift at `now`.
 *
 * Leave wins over everything (a person on leave who is covered is 请假, the
 * cover is 替班). Without a sign-in: 未签到 until the shift ends, then 缺勤.
 * With one: 在岗 until signed out or the shift ended; then 正常 / 迟到 / 早退.
 * A shift that ended without a sign-out is judged by its sign-in alone (the
 * officer handed over and left; the handover record says when).
 */
export function attendanceState(f: AttendanceFacts, rules: AttendanceRules): AttendanceState {
  if (f.covering) return 'covering';
  if (f.onLeave && f.signIn === null) return 'leave';
  const grace = rules.graceMinutes * minute;
  if (f.signIn === null) return f.now >= f.end ? 'absent' : 'pending';
  const late = f.signIn > f.start + grace;
  const early = f.signOut !== null && f.signOut < f.end - grace;
  if (f.signOut === null && f.now < f.end) return late ? 'late' : 'onDuty';
  if (late && early) return 'lateAndEarly';
  if (late) return 'late';
  if (early) return 'earlyLeave';
  return 'normal';
}

/** Whether a sign-in at `at` falls inside a shift's sign-in window [start − early, end). */
export const inSignInWindow = (at: number, start: number, end: number, rules: AttendanceRules): boolean =>
  at >= start - rules.earlyMinutes * minute && at < end;
