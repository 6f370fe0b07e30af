/**
 * The duty day's pure rules: attendance states at each boundary, the zero
 * report rule, and report periods and deadlines across midnight and the year end.
 */
import { describe, expect, it } from 'vitest';
import { attendanceState, defaultAttendanceRules, inSignInWindow } from '../../shared/domain/attendance';
import { dailyReportWindow, incidentReportState, isZeroReport, reportDateOf } from '../../shared/domain/daily-report';

const min = 60_000;
const start = Date.parse('2026-11-25T00:30:00Z'); // 08:30 local
const end = start + 24 * 60 * min;
const rules = defaultAttendanceRules; // grace 5 min
const facts = (over: Partial<Parameters<typeof attendanceState>[0]>) => ({ start, end, signIn: null, signOut: null, onLeave: false, covering: false, now: end + min, ...over });

describe('attendance states', () => {
  it('exactly on time and at the end of the grace period is 正常; one minute past it is 迟到', () => {
    expect(attendanceState(facts({ signIn: start, signOut: end }), rules)).toBe('normal');
    expect(attendanceState(facts({ signIn: start + 5 * min, signOut: end }), rules)).toBe('normal');
    expect(attendanceState(facts({ signIn: start + 6 * min, signOut: end }), rules)).toBe('late');
    expect(attendanceState(facts({ signIn: start + 5 * min + 1000, signOut: end }), rules)).toBe('late');
  });

  it('a sign-out before end − grace is 早退; at end − grace it is not', () => {
    expect(attendanceState(facts({ signIn: start, signOut: end - 5 * min }), rules)).toBe('normal');
    expect(attendanceState(facts({ signIn: start, signOut: end - 6 * min }), rules)).toBe('earlyLeave');
    expect(attendanceState(facts({ signIn: start + 30 * min, signOut: end - 60 * min }), rules)).toBe('lateAndEarly');
  });

  it('no sign-in is 未签到 while the shift runs and 缺勤 once it ended; leave makes it 请假; a cover is 替班', () => {
    expect(attendanceState(facts({ now: start + 60 * min }), rules)).toBe('pending');
    expect(attendanceState(facts({ now: end }), rules)).toBe('absent');
    expect(attendanceState(facts({ onLeave: true }), rules)).toBe('leave');
    expect(attendanceState(facts({ covering: true, signIn: start + 90 * min }), rules)).toBe('covering');
    // While the shift runs, a signed-in officer is 在岗 (or already late).
    expect(attendanceState(facts({ signIn: start, now: start + 60 * min }), rules)).toBe('onDuty');
    expect(attendanceState(facts({ signIn: start + 10 * min, now: start + 60 * min }), rules)).toBe('late');
  });

  it('the sign-in window opens an hour before the shift and closes at its end', () => {
    expect(inSignInWindow(start - 60 * min, start, end, rules)).toBe(true);
    expect(inSignInWindow(start - 61 * min, start, end, rules)).toBe(false);
    expect(inSignInWindow(end - 1, start, end, rules)).toBe(true);
    expect(inSignInWindow(end, start, end, rules)).toBe(false);
  });
});

describe('the zero-report rule', () => {
  const none = { incidents: 0, incidentReports: 0, escalations: 0, sectionItems: 0 };
  it('routine duty alone (calls, notices, checks) is a zero report; any incident, report, escalation or reportable section item is not', () => {
    expect(isZeroReport(none)).toBe(true);
    expect(isZeroReport({ ...none, incidents: 1 })).toBe(false);
    expect(isZeroReport({ ...none, incidentReports: 1 })).toBe(false);
    expect(isZeroReport({ ...none, escalations: 1 })).toBe(false);
    expect(isZeroReport({ ...none, sectionItems: 1 })).toBe(false);
  });
});

describe("an incident's report state in the daily report", () => {
  it('is 按时报告 only when deadlines applied and were all met in time', () => {
    expect(incidentReportState({ reports: 2, lateReports: 0, deadlines: ['met', 'met'] })).toBe('onTime');
    expect(incidentReportState({ reports: 1, lateReports: 0, deadlines: ['met', 'pending'] })).toBe('pending');
    expect(incidentReportState({ reports: 1, lateReports: 1, deadlines: ['metLate'] })).toBe('late');
    expect(incidentReportState({ reports: 0, lateReports: 0, deadlines: ['overdue'] })).toBe('late');
  });
  it('says 无时限 / 未报告 where no deadline applies, never 按时报告', () => {
    expect(incidentReportState({ reports: 1, lateReports: 0, deadlines: [] })).toBe('noDeadline');
    expect(incidentReportState({ reports: 0, lateReports: 0, deadlines: [] })).toBe('notReported');
  });
});

describe('report periods and deadlines', () => {
  const tz = 'Asia/Shanghai';
  const clock = { mode: 'clock' as const, cutoffMinutes: 17 * 60 };
  it('by default covers the 24 hours to 17:00 and is due at 17:00', () => {
    const w = dailyReportWindow('2026-11-25', clock, tz, 510);
    expect(new Date(w.start).toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(new Date(w.end).toISOString()).toBe('2026-11-25T09:00:00.000Z');
    expect(w.dueAt).toBe(w.end);
  });

  it('an instant just before 17:00 belongs to that day, 17:00 itself to the next — across midnight and the year end', () => {
    expect(reportDateOf(Date.parse('2026-11-25T08:59:59Z'), clock, tz, 510)).toBe('2026-11-25');
    expect(reportDateOf(Date.parse('2026-11-25T09:00:00Z'), clock, tz, 510)).toBe('2026-11-26');
    expect(reportDateOf(Date.parse('2026-11-25T16:30:00Z'), clock, tz, 510)).toBe('2026-11-26'); // 00:30 on the 26th
    expect(reportDateOf(Date.parse('2026-12-31T10:00:00Z'), clock, tz, 510)).toBe('2027-01-01'); // 18:00 on Dec 31
    const w = dailyReportWindow('2027-01-01', clock, tz, 510);
    expect(new Date(w.start).toISOString()).toBe('2026-12-31T09:00:00.000Z');
    expect(new Date(w.dueAt).toISOString()).toBe('2027-01-01T09:00:00.000Z');
  });

  it('at 15:00 where a district says so, and at the handover where the desk reports its duty day', () => {
    expect(new Date(dailyReportWindow('2026-11-25', { mode: 'clock', cutoffMinutes: 900 }, tz, 510).dueAt).toISOString()).toBe('2026-11-25T07:00:00.000Z');
    const h = dailyReportWindow('2026-12-31', { mode: 'handover', cutoffMinutes: 900 }, tz, 510);
    expect(new Date(h.start).toISOString()).toBe('2026-12-31T00:30:00.000Z');
    expect(new Date(h.dueAt).toISOString()).toBe('2027-01-01T00:30:00.000Z'); // 08:30 on New Year's Day
    // A leap day is a duty day like any other.
    const leap = dailyReportWindow('2028-02-29', clock, tz, 510);
    expect(new Date(leap.start).toISOString()).toBe('2028-02-28T09:00:00.000Z');
  });
});
