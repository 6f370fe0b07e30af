/**
 * Roster files: Excel (.xlsx) export formatted to print in Excel and WPS,
 * iCalendar (.ics) export, and reading rosters and people back from Excel
 * sheets as offices actually keep them.
 *
 * Excel cells that start with = + - @ are written with a leading apostrophe
 * so no spreadsheet ever evaluates them as formulas (CSV/formula injection).
 */
import ExcelJS from 'exceljs';
import { createEvents, type EventAttributes } from 'ics';
import type { RosterFile, RosterPrintData, RosterPrintPerson } from '../../../shared/contract/roster';
import type { Db } from '../db/connection';
import { getPerson } from '../db/people';
import { getVersionAssignments, listShifts } from '../db/roster';
import { deskTimeZone, mustPlan } from './roster';
import { shiftInterval } from '../../../shared/domain/shift';
import { safeCell, xlsxMime } from './xlsx';

export const weekdayNames = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];


const personText = (ps: RosterPrintPerson[]): string => ps.map((p) => (p.phone ? `${p.name} ${p.phone}` : p.name)).join('\n');


export async function rosterXlsx(data: RosterPrintData): Promise<RosterFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DutyDesk';
  const ws = wb.addWorksheet('值班表', {
    pageSetup: { paperSize: 9, orientation: data.multiShift ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
  });
  const headers = ['日期', '星期', ...(data.multiShift ? ['班次'] : []), '带班领导', '值班人员', '备班'];
  const n = headers.length;
  const font = { name: '仿宋', size: 12 };
  ws.columns = headers.map((h) => ({ width: h === '日期' || h === '星期' || h === '班次' ? 12 : 26 }));

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = safeCell(data.title);
  title.font = { name: '宋体', size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = safeCell(`${data.unitName}　值班电话：${data.dutyPhone ?? '—'}　传真：${data.fax ?? '—'}`);
  ws.getCell(2, 1).font = font;

  const header = ws.getRow(3);
  headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  ws.pageSetup.printTitlesRow = '3:3';

  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  let r = 4;
  for (const row of data.rows) {
    const [, m, d] = row.date.split('-').map(Number);
    const mark = row.dayType === 'holiday' ? row.holidayName ?? '节假日' : row.dayType === 'makeup' ? `${weekdayNames[row.weekday]}（调休上班）` : weekdayNames[row.weekday]!;
    const values = [`${m}月${d}日`, mark, ...(data.multiShift ? [row.shiftName] : []), personText(row.leader), personText(row.officer), personText(row.standby)];
    const xr = ws.getRow(r);
    values.forEach((v, i) => {
      const c = xr.getCell(i + 1);
      c.value = safeCell(v);
      c.font = row.dayType === 'holiday' ? { ...font, bold: true } : font;
      c.alignment = { horizontal: i < 2 ? 'center' : 'left', vertical: 'middle', wrapText: true };
      c.border = border;
    });
    r += 1;
  }
  headers.forEach((_, i) => (header.getCell(i + 1).border = border));
  const notes = ['注：1. 带班领导24小时开机；2. 交接班时间 08:30，当面交接。', ...(data.notes ? [data.notes] : [])];
  for (const note of notes) {
    ws.mergeCells(r, 1, r, n);
    ws.getCell(r, 1).value = safeCell(note);
    ws.getCell(r, 1).font = font;
    r += 1;
  }
  ws.mergeCells(r, 1, r, n);
  ws.getCell(r, 1).value = `版本：${data.version > 0 ? `第${data.version}版` : '草稿'}　印发日期：${data.issuedOn ?? '—'}　审核：　　　　签发：`;
  ws.getCell(r, 1).font = font;
  const buf = await wb.xlsx.writeBuffer();
  return { fileName: `${data.title}.xlsx`, data: Buffer.from(buf).toString('base64'), mime: xlsxMime };
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
