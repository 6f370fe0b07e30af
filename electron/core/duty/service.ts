/** Who is on duty: now, a range of duty days, my next duty — from published roster versions only. */
import type { Person } from '../../../shared/contract';
import type { DutyDay, DutyNow, DutyPerson, DutyShift, MyDuty } from '../../../shared/contract/duty';

import { minutesUntil } from '../../../shared/domain/shift';
import type { DutyRole } from '../../../shared/roles';
import { loadCalendar } from '../calendar/db';
import { getDesk } from '../desk/db';
import { getPerson } from '../directory/people-db';
import { listShifts } from '../roster/db';
import type { Db } from '../store/connection';
import { listNotices, liveAt, liveBetween, liveForPerson, liveNextAfter, type LiveRow } from './db';

import type { DutyNotice } from '../../../shared/contract/duty';
import { DomainError } from '../../../shared/errors';
import { addDays, datesBetween } from '../../../shared/time';
import type { WriteCtx } from '../context';
import { iso } from '../context';
import { deskDutyDate } from './day';
import { getNoticeOwner, insertNotice, markNoticeRead } from './db';

// ── who is on duty ────────────────────────────────────────────────────────────

function shiftsOf(db: Db, rows: readonly LiveRow[]): DutyShift[] {
  const names = new Map(listShifts(db, true).map((s) => [s.id, s.name]));
  const people = new Map<number, Person | null>();
  const person = (id: number) => {
    if (!people.has(id)) people.set(id, getPerson(db, id));
    return people.get(id)!;
  };
  const out = new Map<string, DutyShift>();
  for (const r of rows) {
    const key = `${r.date}|${r.shift_id}`;
    let s = out.get(key);
    if (!s) {
      s = {
        date: r.date,
        shiftId: r.shift_id,
        shiftName: names.get(r.shift_id) ?? '',
        start: r.start_at,
        end: r.end_at,
        leader: [],
        officer: [],
        standby: [],
      };
      out.set(key, s);
    }
    const p = person(r.person_id);
    const dp: DutyPerson = {
      personId: r.person_id,
      name: p?.name ?? '?',
      role: r.role,
      mobile: p?.mobile ?? null,
      officePhone: p?.officePhone ?? null,
      department: p?.department ?? null,
      title: p?.title ?? null,
    };
    s[r.role].push(dp);
  }
  return [...out.values()];
}

export function dutyNow(db: Db, now: number): DutyNow {
  const desk = getDesk(db);
  const at = iso(now);
  const current = shiftsOf(db, liveAt(db, at));
  const handover = current.length ? current.map((s) => s.end).sort()[0]! : null;
  const nextRows = liveNextAfter(
    db,
    current.length
      ? current
          .map((s) => s.start)
          .sort()
          .at(-1)!
      : at,
  );
  const next = shiftsOf(db, nextRows)[0] ?? null;
  const dutyDate = current[0]?.date ?? deskDutyDate(db, now);
  return {
    now: at,
    dutyDate,
    day: loadCalendar(db).dayInfo(dutyDate),
    unitName: desk?.unitName ?? '',
    dutyPhone: desk?.dutyPhone ?? null,
    fax: desk?.fax ?? null,
    current,
    next,
    handoverAt: handover,
    minutesToHandover: handover ? minutesUntil(now, Date.parse(handover)) : null,
  };
}

export function dutyDays(db: Db, from: string, n: number): DutyDay[] {
  const cal = loadCalendar(db);
  const to = addDays(from, n - 1);
  const shifts = shiftsOf(db, liveBetween(db, from, to));
  return datesBetween(from, to).map((date) => ({ date, day: cal.dayInfo(date), shifts: shifts.filter((s) => s.date === date) }));
}

export function myDuty(db: Db, personId: number | null, now: number): MyDuty {
  if (personId === null) return { personId, upcoming: [], tomorrow: null, notices: [] };
  const rows = liveForPerson(db, personId, iso(now), 10);
  const upcoming = rows.map((r) => ({
    ...shiftsOf(
      db,
      liveBetween(db, r.date, r.date).filter((x) => x.shift_id === r.shift_id),
    )[0]!,
    role: r.role as DutyRole,
  }));
  const tomorrowDate = addDays(deskDutyDate(db, now), 1);
  return {
    personId,
    upcoming,
    tomorrow: upcoming.find((u) => u.date === tomorrowDate) ?? null,
    notices: listNotices(db, personId),
  };
}

/** Tells a person their duty changed (a swap requested, approved or rejected); shown on their console until read. */
export function notifyPerson(ctx: WriteCtx, n: { personId: number; kind: DutyNotice['kind']; swapId: number | null; params: Record<string, string | number> }): void {
  insertNotice(ctx.db, n, iso(ctx.now));
}

/** Marks one of my notices read. */
export function ackNotice(ctx: WriteCtx, id: number): null {
  const owner = getNoticeOwner(ctx.db, id);
  if (owner === null) throw new DomainError('NOT_FOUND');
  if (owner !== ctx.session?.personId) throw new DomainError('FORBIDDEN');
  markNoticeRead(ctx.db, id, iso(ctx.now));
  ctx.audit({ action: 'notice.read', entity: 'roster_notice', entityId: id });
  return null;
}
