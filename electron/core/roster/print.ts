/**
 * The official roster as data (DOMAIN §7): title, one row per duty day (per
 * shift when a day has several), 星期 or the holiday's name, leader, officers
 * and standby with phones, duty phone and fax, notes, version and issue date.
 * The renderer's print view, the Excel export and the iCalendar export all
 * read it, so the three never disagree.
 */
import { DomainError } from '../../../shared/errors';

import type { RosterPrintData, RosterPrintPerson, RosterPrintRow } from '../../../shared/contract/roster';
import type { Db } from '../store/connection';
import { getDesk } from '../desk/db';
import { getPerson } from '../directory/people-db';
import { loadCalendar } from '../calendar/db';
import { getDraft, getVersion, getVersionAssignments, listShifts } from './db';
import { mustPlan, planDays } from './service';
import { localParts } from '../../../shared/time';

export function printData(db: Db, planId: number, version?: number): RosterPrintData {
  const plan = mustPlan(db, planId);
  const desk = getDesk(db);
  const v = version ?? plan.version;
  if (v > plan.version) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', { entity: 'roster_version' });
  // An unpublished plan prints its working copy (marked 草稿 by the view: version 0).
  const assignments = v > 0 ? getVersionAssignments(db, planId, v) : getDraft(db, planId);
  const published = v > 0 ? getVersion(db, planId, v) : null;
  const tz = desk?.timeZone ?? 'Asia/Shanghai';
  const shifts = listShifts(db, true);
  const used = shifts.filter((s) => s.active || assignments.some((a) => a.shiftId === s.id));
  const cal = loadCalendar(db);
  const people = new Map<number, RosterPrintPerson>();
  const person = (id: number): RosterPrintPerson => {
    let p = people.get(id);
    if (!p) {
      const row = getPerson(db, id);
      p = { name: row?.name ?? '?', phone: row?.mobile ?? row?.officePhone ?? null, department: row?.department ?? null };
      people.set(id, p);
    }
    return p;
  };
  const rows: RosterPrintRow[] = [];
  for (const day of planDays(cal, plan)) {
    for (const shift of used) {
      const here = assignments.filter((a) => a.date === day.date && a.shiftId === shift.id && a.personId !== null).sort((a, b) => a.index - b.index);
      if (!here.length && !shift.active) continue;
      const of = (role: string) => here.filter((a) => a.role === role).map((a) => person(a.personId!));
      rows.push({
        date: day.date,
        weekday: day.weekday,
        dayType: day.type,
        holidayName: day.holidayName,
        shiftName: shift.name,
        leader: of('leader'),
        officer: of('officer'),
        standby: of('standby'),
      });
    }
  }
  return {
    title: plan.title,
    unitName: desk?.unitName ?? '',
    dutyPhone: desk?.dutyPhone ?? null,
    fax: desk?.fax ?? null,
    from: plan.from,
    to: plan.to,
    version: v,
    issuedOn: published ? localParts(Date.parse(published.publishedAt), tz).date : null,
    notes: plan.notes,
    multiShift: used.filter((s) => s.active).length > 1,
    rows,
  };
}
