/**
 * Attendance (签到/签退) against the published roster: on time, late by one
 * minute past the grace period, early leave, leave, a cover, absence; the
 * monthly sheet and its Excel file; marks are voided, never changed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dutyDayDesk, local, type DutyDayDesk } from '../helpers/duty-day';
import { iterateAudit } from '../../electron/core/audit/chain';

let d: DutyDayDesk;
afterEach(() => d?.desk.close());

describe('attendance', () => {
  it('signs in exactly on time, at the end of the grace period, and one minute past it', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    // 11-25 is 张值班's (odd day); 11-27 too; 11-29 too.
    desk.clock.set(local('2026-11-25T08:30:00'));
    const m = await desk.call(d.a, 'attendance.signIn', {});
    expect(m).toMatchObject({ dutyDate: '2026-11-25', kind: 'signIn', personName: '张值班', coveringPersonId: null });
    expect((await desk.fail(d.a, 'attendance.signIn', {})).messageKey).toBe('attendance.errors.alreadySignedIn');
    const today = await desk.call(d.a, 'attendance.today', {});
    expect(today.shifts[0]!.lines.find((l) => l.name === '张值班')!.state).toBe('onDuty');
    expect(today.shifts[0]!.lines.find((l) => l.name === '李带班')!.state).toBe('pending');
    expect(today.me).toMatchObject({ rostered: true, signedIn: true });
    desk.clock.set(local('2026-11-26T08:25:00')); // end − grace: not early
    await desk.call(d.a, 'attendance.signOut', {});

    desk.clock.set(local('2026-11-27T08:35:00'));
    await desk.call(d.a, 'attendance.signIn', {});
    desk.clock.set(local('2026-11-28T08:24:00')); // one minute before end − grace: early
    await desk.call(d.a, 'attendance.signOut', {});

    desk.clock.set(local('2026-11-29T08:36:00'));
    await desk.call(d.a, 'attendance.signIn', {});
    desk.clock.set(local('2026-11-30T09:00:00'));
    await desk.call(d.a, 'attendance.signOut', {});

    const month = await desk.call(d.a, 'attendance.month', { month: '2026-11' });
    const zhang = month.rows.find((r) => r.name === '张值班')!;
    expect(zhang.cells['2026-11-25']!.map((c) => c.state)).toEqual(['normal']);
    expect(zhang.cells['2026-11-27']!.map((c) => c.state)).toEqual(['earlyLeave']);
    expect(zhang.cells['2026-11-29']!.map((c) => c.state)).toEqual(['late']);
    // 张值班 was rostered on the 21st and 23rd (the desk was set up on the 20th) and never signed in; days before set-up are not counted.
    expect(zhang.cells['2026-11-23']!.map((c) => c.state)).toEqual(['absent']);
    expect(zhang.cells['2026-11-19']).toBeUndefined();
    expect(zhang.totals).toMatchObject({ normal: 1, earlyLeave: 1, late: 1 });
  });

  it('shows leave as 请假, a sign-in by someone not rostered as 替班, and the rostered person as covered', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    await desk.call(desk.admin, 'roster.addLeave', { personId: d.ids.b, from: '2026-11-26', to: '2026-11-26', reason: '病假' });
    desk.clock.set(local('2026-11-26T08:40:00')); // 王值班's day; 张值班 covers
    // A cover naming someone not on this shift is refused, with the reason.
    expect((await desk.fail(d.a, 'attendance.signIn', { coversPersonId: d.ids.standby + 100 })).messageKey).toBe('attendance.errors.notRostered');
    const cover = await desk.call(d.a, 'attendance.signIn', { coversPersonId: d.ids.b, note: '王值班病假' });
    expect(cover).toMatchObject({ dutyDate: '2026-11-26', coveringPersonId: d.ids.b, coveringName: '王值班' });
    const today = await desk.call(d.leader, 'attendance.today', {});
    const lines = today.shifts.find((s) => s.dutyDate === '2026-11-26')!.lines;
    expect(lines.find((l) => l.name === '王值班')).toMatchObject({ state: 'leave', coveredBy: '张值班' });
    expect(lines.find((l) => l.name === '张值班')).toMatchObject({ state: 'covering', role: null, coveringName: '王值班' });
  });

  it('lets the incoming officer sign in up to an hour early for the next duty day', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    desk.clock.set(local('2026-11-26T07:45:00')); // still the 25th's duty day; 王值班 is on the 26th
    const m = await desk.call(d.b, 'attendance.signIn', {});
    expect(m.dutyDate).toBe('2026-11-26');
    desk.clock.set(local('2026-11-26T08:30:00'));
    const month = await desk.call(d.b, 'attendance.month', { month: '2026-11' });
    expect(month.rows.find((r) => r.name === '王值班')!.cells['2026-11-26']!.map((c) => c.state)).toEqual(['onDuty']);
    // Days still to come are empty on the sheet, not 未签到 (—); today's shift not signed in yet is.
    const zhang = month.rows.find((r) => r.name === '张值班')!;
    expect(zhang.cells['2026-11-27']).toBeUndefined();
    expect(month.rows.find((r) => r.name === '李带班')!.cells['2026-11-26']!.map((c) => c.state)).toEqual(['pending']);
    expect(zhang.totals.pending).toBeUndefined();
  });

  it('refuses an account without a person; voids a mark with a reason, audited, never deleting it; exports the month', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    desk.clock.set(local('2026-11-25T09:00:00'));
    const officerWithoutPerson = await desk.login(['officer']);
    expect((await desk.fail(officerWithoutPerson, 'attendance.signIn', {})).messageKey).toBe('attendance.errors.noPerson');
    const m = await desk.call(d.a, 'attendance.signIn', {});
    const v = await desk.call(desk.admin, 'attendance.void', { id: m.id, reason: '误点签到' });
    expect(v).toMatchObject({ voided: true, voidReason: '误点签到' });
    expect(() => desk.core.db.prepare('DELETE FROM attendance_marks').run()).toThrow(/never deleted/u);
    expect(() => desk.core.db.prepare("UPDATE attendance_marks SET at = 'x'").run()).toThrow(/never changed/u);
    expect([...iterateAudit(desk.core.db)].map((e) => e.action)).toEqual(expect.arrayContaining(['attendance.signIn', 'attendance.void']));
    // Signing in again after the void works.
    await desk.call(d.a, 'attendance.signIn', {});

    const file = await desk.call(d.a, 'attendance.exportXlsx', { month: '2026-11' });
    expect(file.fileName).toBe('2026年11月值班考勤表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain('2026年11月值班考勤表');
    const names = ws.getColumn(1).values.map(String);
    expect(names).toEqual(expect.arrayContaining(['张值班', '王值班', '李带班']));
    expect((await desk.fail(d.a, 'attendance.month', { month: '2026-13' })).details?.issues?.[0]).toMatchObject({ path: 'month', messageKey: 'validation.month' });
  });
});
