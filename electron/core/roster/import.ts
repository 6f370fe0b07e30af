/**
 * Reading rosters and people from Excel sheets as duty offices keep them.
 *
 * A title row and notes around the table, merged cells, dates like 12月1日
 * with the year in the title, a name and a phone in one cell: find the header
 * row, map columns by their Chinese names, validate every row, and report
 * problems by row and column. The caller imports nothing when any row fails.
 */
import ExcelJS from 'exceljs';

import type { DutyRole, PersonRole } from '../../../shared/roles';
import type { RosterImportIssue } from '../../../shared/contract/roster';
import { invisibleInLine, unsafeControls } from '../../../shared/contract/common';
import { toWellFormed } from '../../../shared/text';
import { isValidDate } from '../../../shared/time';

export interface ParsedPerson {
  name: string;
  phone: string | null;
}

export interface ParsedRosterRow {
  row: number;
  date: string;
  shiftName: string | null;
  people: Record<DutyRole, ParsedPerson[]>;
}

export interface ParsedRoster {
  title: string | null;
  rows: ParsedRosterRow[];
  issues: RosterImportIssue[];
}

export interface ParsedPeopleRow {
  row: number;
  name: string;
  department: string | null;
  title: string | null;
  officePhone: string | null;
  mobile: string | null;
  roles: PersonRole[];
}

const columnAliases: Record<string, RegExp> = {
  date: /^(日期|值班日期|时间)$/u,
  weekday: /^(星期|周次|星期\/节日)$/u,
  shift: /^(班次)$/u,
  leader: /^(带班领导|值班领导|带班)/u,
  officer: /^(值班人员|值班员|值班干部)/u,
  standby: /^(备班|备勤|备班人员)/u,
};

const invisible = new RegExp(`${unsafeControls.source}|${invisibleInLine.source}`, 'gu');

/**
 * Text of a cell; merged cells read their master's value; rich text and
 * formulas flattened; invisible controls (direction overrides and the like,
 * which the API refuses in typed text) dropped — they are not part of a name;
 * a lone surrogate (a broken file) becomes U+FFFD, as it would be stored.
 */
function cellText(cell: ExcelJS.Cell): string {
  return toWellFormed(rawCellText(cell)).replace(invisible, '').trim();
}

function rawCellText(cell: ExcelJS.Cell): string {
  const c = cell.isMerged ? cell.master : cell;
  const v = c.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if ('text' in v) return String(v.text).trim();
    return '';
  }
  const s = String(v).trim();
  // Our own export neutralises formula-like text with an apostrophe.
  return /^'[=+\-@]/u.test(s) ? s.slice(1) : s;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Reads 12月1日, 2026年12月1日, 2026-12-01, 2026/12/1; the year of 12月1日 comes from the title. */
export function readDate(text: string, year: number | null): string | null {
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(text);
  if (m) {
    const d = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    return isValidDate(d) ? d : null;
  }
  m = /^(\d{1,2})月(\d{1,2})日$/u.exec(text);
  if (m && year) {
    const d = `${year}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
    return isValidDate(d) ? d : null;
  }
  return null;
}

/**
 * Phone numbers as offices write them (after NFKC, so full-width digits are ASCII):
 * mobiles 13800000000 / 138-0000-0000 / 138 0000 0000, landlines with an area code
 * 0758-2222110 / (0758)2222110 / 010-6988 1100, local 2222110, an extension 转801.
 * Never inside a longer run of digits.
 */
const phonePattern =
  /(?<![\d])(?:\+?86[- ]?)?(?:1[3-9]\d[- ]?\d{4}[- ]?\d{4}|(?:\(0\d{2,3}\)|0\d{2,3})[- ]?\d{3,4}[- ]?\d{4}|\d{3,4}[- ]?\d{4})(?:(?:转|-|#|ext\.?)\d{1,5})?(?![\d])/gu;

/** A name: letters (CJK or Latin) and the middle dot of minority names, no digits. */
const namePattern = /^[\p{L}·•．.]{1,20}$/u;

/**
 * Reads a person cell written any of the ways offices write it.
 *
 * Name and phone separated by a space, a line break, a comma, a slash, a
 * colon or brackets ("张三⏎13800000000", "张三/138-0000-0000", "张三（0758-2222110）",
 * "张三13800000000"); several people separated by 、，, space or line break;
 * full-width digits; a name alone. A phone belongs to the name before it.
 * Returns null when some part is neither a name nor a phone.
 */
export function readPeople(text: string): ParsedPerson[] | null {
  const norm = text.normalize('NFKC');
  const phones: string[] = [];
  // Phones out first (they may hold spaces and dashes), then everything else splits on separators.
  const marked = norm.replace(phonePattern, (m) => {
    phones.push(m.replace(/\s+/gu, ''));
    return ` #phone${phones.length - 1}# `;
  });
  const out: ParsedPerson[] = [];
  let pendingPhone: string | null = null;
  for (const token of marked.split(/[\s、,;/:()[\]【】<>《》|]+/u).filter(Boolean)) {
    const ph = /^#phone(\d+)#$/u.exec(token);
    if (ph) {
      const phone = phones[Number(ph[1])]!;
      const last = out.at(-1);
      if (last && last.phone === null) last.phone = phone;
      else if (!last) pendingPhone = phone; // "13800000000 张三": the phone written first
      else return null; // two phones for one name, or a phone with nobody
      continue;
    }
    if (!namePattern.test(token)) return null;
    out.push({ name: token, phone: pendingPhone });
    pendingPhone = null;
  }
  if (pendingPhone !== null) return null;
  return out;
}

const footer = /^(注|备注|说明|值班电话|传真|版本|印发|审核|审批|签发|制表|联系)/u;

export async function loadSheet(base64: string): Promise<ExcelJS.Worksheet | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  return wb.worksheets[0] ?? null;
}

export function parseRosterSheet(ws: ExcelJS.Worksheet): ParsedRoster {
  const issues: RosterImportIssue[] = [];
  let headerRow = -1;
  const cols: Partial<Record<keyof typeof columnAliases, number>> = {};
  const textRows: string[] = [];
  for (let r = 1; r <= Math.min(ws.rowCount, 30) && headerRow < 0; r += 1) {
    const row = ws.getRow(r);
    const found: typeof cols = {};
    for (let c = 1; c <= Math.max(row.cellCount, 12); c += 1) {
      const t = cellText(row.getCell(c)).replace(/\s+/gu, '');
      for (const [key, re] of Object.entries(columnAliases)) if (re.test(t) && found[key as keyof typeof cols] === undefined) found[key as keyof typeof cols] = c;
    }
    if (found.date !== undefined && (found.leader !== undefined || found.officer !== undefined)) {
      headerRow = r;
      Object.assign(cols, found);
    } else {
      textRows.push(cellText(row.getCell(1)));
    }
  }
  if (headerRow < 0) return { title: null, rows: [], issues: [{ row: 0, column: '', messageKey: 'roster.import.noHeader' }] };
  const title = textRows.find((t) => t.length > 0) ?? null;
  const yearMatch = textRows.map((t) => /(\d{4})年/u.exec(t)).find(Boolean);
  const year = yearMatch ? Number(yearMatch[1]) : null;

  const rows: ParsedRosterRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const dateText = cellText(row.getCell(cols.date!));
    const other = [cols.leader, cols.officer, cols.standby].filter((c): c is number => c !== undefined).map((c) => cellText(row.getCell(c)));
    if (!dateText && other.every((t) => !t)) continue;
    if (footer.test(dateText)) break;
    const date = readDate(dateText, year);
    if (!date) {
      issues.push({ row: r, column: '日期', messageKey: year || !/月/u.test(dateText) ? 'roster.import.badDate' : 'roster.import.noYear', params: { value: dateText.slice(0, 30) } });
      continue;
    }
    const people: Record<DutyRole, ParsedPerson[]> = { leader: [], officer: [], standby: [] };
    for (const role of ['leader', 'officer', 'standby'] as const) {
      const c = cols[role];
      if (c === undefined) continue;
      const t = cellText(row.getCell(c));
      if (!t) continue;
      const ps = readPeople(t);
      if (!ps) issues.push({ row: r, column: { leader: '带班领导', officer: '值班人员', standby: '备班' }[role], messageKey: 'roster.import.badPerson', params: { value: t.slice(0, 30) } });
      else people[role] = ps;
    }
    rows.push({ row: r, date, shiftName: cols.shift === undefined ? null : cellText(row.getCell(cols.shift)) || null, people });
  }
  const seen = new Map<string, number>();
  for (const x of rows) {
    const key = `${x.date}|${x.shiftName ?? ''}`;
    if (seen.has(key)) issues.push({ row: x.row, column: '日期', messageKey: 'roster.import.duplicateDate', params: { value: x.date, other: seen.get(key)! } });
    else seen.set(key, x.row);
  }
  if (!rows.length && !issues.length) issues.push({ row: headerRow, column: '', messageKey: 'roster.import.empty' });
  return { title, rows, issues };
}

const roleWords: Record<string, PersonRole> = { 带班领导: 'leader', 领导: 'leader', 值班员: 'officer', 值班人员: 'officer', 备班: 'standby', 管理员: 'admin', 主要领导: 'principal', 单位主要领导: 'principal' };

export function parsePeopleSheet(ws: ExcelJS.Worksheet): { rows: ParsedPeopleRow[]; issues: RosterImportIssue[] } {
  const issues: RosterImportIssue[] = [];
  const aliases: Record<string, RegExp> = {
    name: /^姓名$/u,
    department: /^(部门|单位|科室)$/u,
    title: /^(职务|职位)$/u,
    officePhone: /^(办公电话|座机)$/u,
    mobile: /^(手机|移动电话|手机号码|联系电话|电话)$/u,
    roles: /^(角色|值班角色)$/u,
  };
  let headerRow = -1;
  const cols: Record<string, number> = {};
  for (let r = 1; r <= Math.min(ws.rowCount, 30) && headerRow < 0; r += 1) {
    const row = ws.getRow(r);
    for (let c = 1; c <= Math.max(row.cellCount, 12); c += 1) {
      const t = cellText(row.getCell(c)).replace(/\s+/gu, '');
      for (const [k, re] of Object.entries(aliases)) if (re.test(t) && cols[k] === undefined) cols[k] = c;
    }
    if (cols.name !== undefined) headerRow = r;
    else for (const k of Object.keys(cols)) delete cols[k];
  }
  if (headerRow < 0) return { rows: [], issues: [{ row: 0, column: '', messageKey: 'roster.import.noHeader' }] };
  const rows: ParsedPeopleRow[] = [];
  const get = (row: ExcelJS.Row, k: string) => (cols[k] === undefined ? '' : cellText(row.getCell(cols[k]!)));
  for (let r = headerRow + 1; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const name = get(row, 'name');
    if (!name) continue;
    if (footer.test(name)) break;
    if (name.length > 40) issues.push({ row: r, column: '姓名', messageKey: 'roster.import.tooLong' });
    const phones = ['officePhone', 'mobile'].map((k) => get(row, k));
    phones.forEach((p, i) => {
      if (p && !/^[0-9+\-() 转#*]{3,40}$/u.test(p)) issues.push({ row: r, column: i === 0 ? '办公电话' : '手机', messageKey: 'roster.import.badPhone', params: { value: p.slice(0, 30) } });
    });
    const roles: PersonRole[] = [];
    for (const w of get(row, 'roles').split(/[、，,\s/]+/u).filter(Boolean)) {
      const role = roleWords[w];
      if (!role) issues.push({ row: r, column: '角色', messageKey: 'roster.import.badRole', params: { value: w } });
      else if (!roles.includes(role)) roles.push(role);
    }
    rows.push({ row: r, name, department: get(row, 'department') || null, title: get(row, 'title') || null, officePhone: phones[0] || null, mobile: phones[1] || null, roles });
  }
  return { rows, issues };
}
