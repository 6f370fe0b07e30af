/** Attendance (签到/签退): people on duty sign in and out; their states against the published roster, leave and covers. */
import type { AttendanceLine, AttendanceMark, AttendanceMonth, AttendanceShift, AttendanceToday } from '../../../shared/contract/attendance';
import type { DutyShift } from '../../../shared/contract/duty';
import { attendanceState, defaultAttendanceRules, inSignInWindow, type AttendanceRules, type AttendanceState } from '../../../shared/domain/attendance';
import { attendanceRulesSchema } from '../../../shared/contract/attendance';
import { DomainError } from '../../../shared/errors';
import { addDays, monthRange } from '../../../shared/time';
import type { ReadCtx, WriteCtx } from '../context';
import { actorName, deskTimeZone, iso } from '../context';
import { getDesk } from '../desk/db';
import { getPerson } from '../directory/people-db';
import { deskDutyDate } from '../duty/day';
import { dutyDays } from '../duty/service';
import { listLeave, listShifts } from '../roster/db';
import type { Db } from '../store/connection';
import { defineSetting, readSetting, writeSetting } from '../store/settings';
import { getMark, insertMark, marksBetween, voidMark } from './db';

export const attendanceRulesSetting = defineSetting<AttendanceRules>('attendance.rules', attendanceRulesSchema, defaultAttendanceRules);
export const getAttendanceRules = (db: Db): AttendanceRules => readSetting(db, attendanceRulesSetting);

export function setAttendanceRules(ctx: WriteCtx, rules: AttendanceRules): AttendanceRules {
  const { before, after } = writeSetting(ctx.db, attendanceRulesSetting, rules);
  ctx.audit({ action: 'settings.update', entity: 'settings', entityId: 'attendance.rules', before, after });
  return after;
}

const live = (marks: readonly AttendanceMark[]) => marks.filter((m) => !m.voided);

/** The lines of one rostered shift at `now`: the rostered people (leader, officers, standby), then the covers. */
export function shiftLines(db: Db, shift: DutyShift, marks: readonly AttendanceMark[], onLeave: (personId: number, date: string) => boolean, now: number, rules: AttendanceRules): AttendanceLine[] {
  const mine = live(marks).filter((m) => m.dutyDate === shift.date && m.shiftId === shift.shiftId);
  const start = Date.parse(shift.start);
  const end = Date.parse(shift.end);
  const lineOf = (personId: number, name: string, role: AttendanceLine['role'], covering: boolean): AttendanceLine => {
    const own = mine.filter((m) => m.personId === personId);
    const signIn = own.find((m) => m.kind === 'signIn') ?? null;
    const signOut = own.filter((m) => m.kind === 'signOut').at(-1) ?? null;
    const cover = mine.find((m) => m.kind === 'signIn' && m.coveringPersonId === personId) ?? null;
    return {
      personId,
      name,
      role,
      state: attendanceState(
        {
          start,
          end,
          signIn: signIn ? Date.parse(signIn.at) : null,
          signOut: signOut ? Date.parse(signOut.at) : null,
          onLeave: onLeave(personId, shift.date),
          covering,
          now,
        },
        rules,
      ),
      signInAt: signIn?.at ?? null,
      signOutAt: signOut?.at ?? null,
      coveringName: covering ? (signIn?.coveringName ?? null) : null,
      coveredBy: cover ? cover.personName : null,
    };
  };
  const rostered = new Set<number>();
  const lines: AttendanceLine[] = [];
  for (const role of ['leader', 'officer', 'standby'] as const) {
    for (const p of shift[role]) {
      if (rostered.has(p.personId)) continue;
      rostered.add(p.personId);
      lines.push(lineOf(p.personId, p.name, role, false));
    }
  }
  for (const m of mine) {
    if (m.kind !== 'signIn' || rostered.has(m.personId)) continue;
    rostered.add(m.personId);
    lines.push(lineOf(m.personId, m.personName, null, true));
  }
  return lines;
}

/** Who signed in on a shift covering for someone (替班), not rostered on it: they stand in for the rostered officer. */
export function coversOf(db: Db, dutyDate: string, shiftId: number, rostered: ReadonlySet<number>): { personId: number; name: string }[] {
  return live(marksBetween(db, dutyDate, dutyDate))
    .filter((m) => m.kind === 'signIn' && m.dutyDate === dutyDate && m.shiftId === shiftId && !rostered.has(m.personId))
    .map((m) => ({ personId: m.personId, name: m.personName }));
}

function leaveLookup(db: Db, from: string, to: string): (personId: number, date: string) => boolean {
  const leave = listLeave(db, from, to);
  return (personId, date) => leave.some((l) => l.personId === personId && l.from <= date && l.to >= date);
}

/** The shift a sign-out or cover belongs to when there is no roster: the desk's first shift on the duty day. */
function fallbackShift(db: Db, dutyDate: string, now: number): DutyShift {
  const first = listShifts(db, false)[0];
  return { date: dutyDate, shiftId: first?.id ?? 0, shiftName: first?.name ?? '', start: iso(now), end: iso(now), leader: [], officer: [], standby: [] };
}

/** Shifts whose sign-in window is open at `now`, or that are running: of the previous, current and next duty day. */
function shiftsAround(db: Db, now: number, rules: AttendanceRules): { dutyDate: string; shifts: DutyShift[]; all: DutyShift[] } {
  const dutyDate = deskDutyDate(db, now);
  const all = dutyDays(db, addDays(dutyDate, -1), 3).flatMap((d) => d.shifts);
  const shifts = all.filter((s) => s.date === dutyDate || inSignInWindow(now, Date.parse(s.start), Date.parse(s.end), rules));
  return { dutyDate, shifts, all };
}

export function attendanceToday(ctx: ReadCtx): AttendanceToday {
  const rules = getAttendanceRules(ctx.db);
  const { dutyDate, shifts } = shiftsAround(ctx.db, ctx.now, rules);
  const marks = marksBetween(ctx.db, addDays(dutyDate, -1), addDays(dutyDate, 1));
  const onLeave = leaveLookup(ctx.db, addDays(dutyDate, -1), addDays(dutyDate, 1));
  const out: AttendanceShift[] = shifts.map((s) => ({
    dutyDate: s.date,
    shiftId: s.shiftId,
    shiftName: s.shiftName,
    start: s.start,
    end: s.end,
    lines: shiftLines(ctx.db, s, marks, onLeave, ctx.now, rules),
  }));
  // Covers signed in on a desk without a roster still show.
  const orphan = live(marks).filter((m) => m.dutyDate === dutyDate && !shifts.some((s) => s.shiftId === m.shiftId && s.date === m.dutyDate));
  if (orphan.length) {
    const fb = fallbackShift(ctx.db, dutyDate, ctx.now);
    const seen = new Set<number>();
    out.push({
      dutyDate,
      shiftId: fb.shiftId,
      shiftName: fb.shiftName,
      start: fb.start,
      end: fb.end,
      lines: orphan
        .filter((m) => m.kind === 'signIn' && !seen.has(m.personId) && seen.add(m.personId))
        .map((m) => {
          const out = orphan.filter((o) => o.personId === m.personId && o.kind === 'signOut').at(-1);
          return { personId: m.personId, name: m.personName, role: null, state: 'covering' as AttendanceState, signInAt: m.at, signOutAt: out?.at ?? null, coveringName: m.coveringName, coveredBy: null };
        }),
    });
  }
  const personId = ctx.session?.personId ?? null;
  const mine = personId === null ? null : openSignIn(ctx.db, personId, dutyDate);
  const rostered = personId !== null && shifts.some((s) => [...s.leader, ...s.officer, ...s.standby].some((p) => p.personId === personId));
  return {
    now: iso(ctx.now),
    dutyDate,
    shifts: out,
    me: { personId, rostered, signedIn: mine !== null, signedOut: personId !== null && mine === null && live(marks).some((m) => m.personId === personId && m.kind === 'signOut' && m.dutyDate >= dutyDate) },
    marks: marks.filter((m) => m.dutyDate === dutyDate || m.dutyDate === addDays(dutyDate, 1)),
  };
}

/** The person's sign-in without a later sign-out, on the duty day before, of or after `dutyDate`. */
function openSignIn(db: Db, personId: number, dutyDate: string): AttendanceMark | null {
  const marks = live(marksBetween(db, addDays(dutyDate, -1), addDays(dutyDate, 1))).filter((m) => m.personId === personId);
  const last = marks.at(-1);
  return last && last.kind === 'signIn' ? last : null;
}

function mustPersonId(ctx: ReadCtx): number {
  const personId = ctx.session?.personId ?? null;
  if (personId === null) throw new DomainError('VALIDATION', 'attendance.errors.noPerson');
  return personId;
}

/**
 * Signs the user in for the shift they are rostered on whose sign-in window is
 * open; someone not rostered signs in as a cover (替班), optionally naming whom
 * they cover. Signing in twice is refused.
 */
export function signIn(ctx: WriteCtx, input: { coversPersonId?: number | undefined; note: string | null }): AttendanceMark {
  const personId = mustPersonId(ctx);
  const rules = getAttendanceRules(ctx.db);
  const { dutyDate, shifts } = shiftsAround(ctx.db, ctx.now, rules);
  if (openSignIn(ctx.db, personId, dutyDate)) throw new DomainError('CONFLICT', 'attendance.errors.alreadySignedIn');
  const open = shifts.filter((s) => inSignInWindow(ctx.now, Date.parse(s.start), Date.parse(s.end), rules));
  const rosteredOn = open.find((s) => [...s.leader, ...s.officer, ...s.standby].some((p) => p.personId === personId));
  let shift: DutyShift;
  let covering: number | null = null;
  if (rosteredOn) {
    shift = rosteredOn;
    const again = live(marksBetween(ctx.db, shift.date, shift.date)).some((m) => m.personId === personId && m.shiftId === shift.shiftId && m.kind === 'signIn');
    if (again) throw new DomainError('CONFLICT', 'attendance.errors.alreadySignedIn');
  } else {
    // A cover: the shift running now (the latest started), else the first whose window is open.
    const running = open.filter((s) => Date.parse(s.start) <= ctx.now).sort((a, b) => (a.start < b.start ? 1 : -1))[0];
    shift = running ?? open[0] ?? fallbackShift(ctx.db, dutyDate, ctx.now);
    if (input.coversPersonId !== undefined) {
      const covered = [...shift.leader, ...shift.officer, ...shift.standby].some((p) => p.personId === input.coversPersonId);
      if (!covered) throw new DomainError('VALIDATION', 'attendance.errors.notRostered');
      covering = input.coversPersonId;
    }
  }
  if (!getPerson(ctx.db, personId)) throw new DomainError('NOT_FOUND', 'attendance.errors.noPerson');
  const mark = insertMark(
    ctx.db,
    { dutyDate: shift.date, shiftId: shift.shiftId, personId, kind: 'signIn', at: iso(ctx.now), coveringPersonId: covering, note: input.note },
    actorName(ctx),
    iso(ctx.now),
  );
  ctx.audit({ action: 'attendance.signIn', entity: 'attendance', entityId: mark.id, after: mark });
  return mark;
}

/** Signs the user out of the shift they signed in to. */
export function signOut(ctx: WriteCtx, input: { note: string | null }): AttendanceMark {
  const personId = mustPersonId(ctx);
  const open = openSignIn(ctx.db, personId, deskDutyDate(ctx.db, ctx.now));
  if (!open) throw new DomainError('CONFLICT', 'attendance.errors.notSignedIn');
  const mark = insertMark(
    ctx.db,
    { dutyDate: open.dutyDate, shiftId: open.shiftId, personId, kind: 'signOut', at: iso(ctx.now), coveringPersonId: open.coveringPersonId, note: input.note },
    actorName(ctx),
    iso(ctx.now),
  );
  ctx.audit({ action: 'attendance.signOut', entity: 'attendance', entityId: mark.id, after: mark });
  return mark;
}

export function voidAttendance(ctx: WriteCtx, id: number, reason: string): AttendanceMark {
  const cur = getMark(ctx.db, id);
  if (!cur) throw new DomainError('NOT_FOUND', 'attendance.errors.markNotFound', { id });
  if (cur.voided) throw new DomainError('CONFLICT', 'attendance.errors.markVoided');
  const after = voidMark(ctx.db, id, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'attendance.void', entity: 'attendance', entityId: id, before: cur, reason });
  return after;
}

/** Every line of every rostered shift of duty days [from, to], with covers (the monthly sheet, the daily report). */
export function attendanceLines(db: Db, from: string, to: string, now: number): (AttendanceLine & { dutyDate: string; shiftId: number; start: string })[] {
  const rules = getAttendanceRules(db);
  const marks = marksBetween(db, from, to);
  const onLeave = leaveLookup(db, from, to);
  const n = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  const out: (AttendanceLine & { dutyDate: string; shiftId: number; start: string })[] = [];
  // Nobody signed in on a desk that did not exist yet: shifts that ended before set-up are not counted.
  const setUpAt = Date.parse(getDesk(db)?.createdAt ?? new Date(0).toISOString());
  const shifts = dutyDays(db, from, n)
    .flatMap((d) => d.shifts)
    .filter((s) => Date.parse(s.end) > setUpAt);
  for (const s of shifts) for (const l of shiftLines(db, s, marks, onLeave, now, rules)) out.push({ ...l, dutyDate: s.date, shiftId: s.shiftId, start: s.start });
  // Covers on days without a roster.
  for (const m of live(marks)) {
    if (m.kind !== 'signIn' || shifts.some((s) => s.date === m.dutyDate && s.shiftId === m.shiftId)) continue;
    const signOut = live(marks).filter((o) => o.personId === m.personId && o.dutyDate === m.dutyDate && o.kind === 'signOut').at(-1);
    out.push({ personId: m.personId, name: m.personName, role: null, state: 'covering', signInAt: m.at, signOutAt: signOut?.at ?? null, coveringName: m.coveringName, coveredBy: null, dutyDate: m.dutyDate, shiftId: m.shiftId, start: m.at });
  }
  return out;
}

export function countStates(lines: readonly { state: AttendanceState }[]): Partial<Record<AttendanceState, number>> {
  const out: Partial<Record<AttendanceState, number>> = {};
  for (const l of lines) out[l.state] = (out[l.state] ?? 0) + 1;
  return out;
}

/** The monthly attendance sheet: one row per person, one cell per duty day. */
export function attendanceMonth(ctx: ReadCtx, month: string): AttendanceMonth {
  const { from, to } = monthRange(month);
  // A shift not begun, nobody signed in yet, is an empty cell: "—" (未签到) on a day still to come read as a miss.
  const lines = attendanceLines(ctx.db, from, to, ctx.now).filter((l) => !(l.state === 'pending' && Date.parse(l.start) > ctx.now));
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  const rows = new Map<number, AttendanceMonth['rows'][number]>();
  for (const l of lines) {
    let row = rows.get(l.personId);
    if (!row) {
      row = { personId: l.personId, name: l.name, cells: {}, totals: {} };
      rows.set(l.personId, row);
    }
    (row.cells[l.dutyDate] ??= []).push({ state: l.state, role: l.role, signInAt: l.signInAt, signOutAt: l.signOutAt });
    row.totals[l.state] = (row.totals[l.state] ?? 0) + 1;
  }
  return {
    month,
    unitName: getDesk(ctx.db)?.unitName ?? '',
    dates,
    rows: [...rows.values()],
    totals: countStates(lines),
    rules: getAttendanceRules(ctx.db),
    timeZone: deskTimeZone(ctx.db),
  };
}
