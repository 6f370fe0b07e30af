/**
 * Roster files: Excel (.xlsx) export formatted to print in Excel and WPS,
 * iCalendar (.ics) export, and reading rosters and people back from Excel
 * sheets as offices actually keep them.
 *
 * Excel cells that start with = + - @ are written with a leading apostrophe
 * so no spreadsheet ever evaluates them as formulas (CSV/formula injection).
 */
import { createEvents, type EventAttributes } from 'ics';
import type { RosterFile, RosterPrintData, RosterPrintPerson } from '../../../shared/contract/roster';
import type { Db } from '../store/connection';
import { getPerson } from '../directory/people-db';
import { getVersionAssignments, listShifts } from './db';
import { mustPlan } from './service';
import { shiftInterval } from '../../../shared/domain/shift';
import { newWorkbook, officialSheet, workbookFile } from '../lib/xlsx';
import { deskTimeZone } from '../context';

export const weekdayNames = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

const personText = (ps: RosterPrintPerson[]): string => ps.map((p) => (p.phone ? `${p.name} ${p.phone}` : p.name)).join('\n');

export async function rosterXlsx(data: RosterPrintData): Promise<RosterFile> {
  const wb = newWorkbook();
  const headers = ['日期', '星期', ...(data.multiShift ? ['班次'] : []), '带班领导', '值班人员', '备班'];
  const sheet = officialSheet(wb, {
    name: '值班表',
    title: data.title,
    subtitle: `${data.unitName}　值班电话：${data.dutyPhone ?? '—'}　传真：${data.fax ?? '—'}`,
    columns: headers.map((h) => [h, h === '日期' || h === '星期' || h === '班次' ? 12 : 26]),
    orientation: data.multiShift ? 'landscape' : 'portrait',
    fontSize: 12,
  });
  for (const row of data.rows) {
    const [, m, d] = row.date.split('-').map(Number);
    const mark = row.dayType === 'holiday' ? row.holidayName ?? '节假日' : row.dayType === 'makeup' ? `${weekdayNames[row.weekday]}（调休上班）` : weekdayNames[row.weekday]!;
    const values = [`${m}月${d}日`, mark, ...(data.multiShift ? [row.shiftName] : []), personText(row.leader), personText(row.officer), personText(row.standby)];
    sheet.add(values, { bold: row.dayType === 'holiday', centre: (i) => i < 2 });
  }
  for (const note of ['注：1. 带班领导24小时开机；2. 交接班时间 08:30，当面交接。', ...(data.notes ? [data.notes] : [])]) sheet.line(note);
  sheet.line(`版本：${data.version > 0 ? `第${data.version}版` : '草稿'}　印发日期：${data.issuedOn ?? '—'}　审核：　　　　签发：`);
  return workbookFile(wb, `${data.title}.xlsx`);
}

/** iCalendar of a plan's published version: the whole roster, or one person's duties. */
export function rosterIcs(db: Db, planId: number, personId?: number): RosterFile {
  const plan = mustPlan(db, planId);
  const tz = deskTimeZone(db);
  const shifts = new Map(listShifts(db, true).map((s) => [s.id, s]));
  const roleName = { leader: '带班领导', officer: '值班员', standby: '备班' } as const;
  const assignments = plan.version > 0 ? getVersionAssignments(db, planId, plan.version) : [];
  const events: EventAttributes[] = [];
  for (const a of assignments) {
    if (a.personId === null || (personId !== undefined && a.personId !== personId)) continue;
    const p = getPerson(db, a.personId);
    const shift = shifts.get(a.shiftId)!;
    const { start, end } = shiftInterval(a.date, shift, tz);
    events.push({
      uid: `dutydesk-${planId}-${a.date}-${a.shiftId}-${a.role}-${a.index}@dutydesk`,
      title: `值班：${p?.name ?? '?'}（${roleName[a.role]}）`,
      description: `${plan.title} 第${plan.version}版；${shift.name}`,
      start,
      startInputType: 'utc',
      startOutputType: 'utc',
      end,
      endInputType: 'utc',
      endOutputType: 'utc',
      calName: plan.title,
      productId: 'dutydesk/roster',
    });
  }
  const person = personId === undefined ? null : getPerson(db, personId);
  if (events.length === 0) {
    // ics refuses an empty list; an empty calendar is still a valid file.
    const empty = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:dutydesk/roster', 'CALSCALE:GREGORIAN', 'END:VCALENDAR', ''].join('\r\n');
    return { fileName: `${plan.title}${person ? `-${person.name}` : ''}.ics`, data: empty, mime: 'text/calendar' };
  }
  const out = createEvents(events);
  if (out.error || !out.value) throw out.error ?? new Error('ics');
  return { fileName: `${plan.title}${person ? `-${person.name}` : ''}.ics`, data: out.value, mime: 'text/calendar' };
}
