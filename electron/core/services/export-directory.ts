/**
 * The 通讯录 as an Excel workbook: 本单位人员 first, in the columns the people
 * import reads back (姓名、部门、职务、办公电话、手机、角色), then 外部联系单位.
 * Both sheets print on A4 in Excel and WPS; formula-like text is neutralised.
 */
import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../../shared/contract';
import type { PersonRole } from '../../../shared/roles';
import type { ReadCtx } from '../api/types';
import { getDesk } from '../db/desk';
import { listPeople } from '../db/people';
import { listContacts } from '../db/contacts';
import { safeCell } from './export-roster';

/** The words the people import understands (roster-import.ts `roleWords`). */
export const roleWord: Record<PersonRole, string> = { leader: '带班领导', officer: '值班员', standby: '备班', admin: '管理员' };
const contactKindWord = { superior: '上级值班室', neighbour: '相邻单位', emergency: '应急救援', internal: '内部', other: '其他' } as const;

const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
const font = { name: '仿宋', size: 12 };

function sheet(wb: ExcelJS.Workbook, name: string, title: string, subtitle: string, columns: [string, number][], rows: string[][]): void {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
  });
  const n = columns.length;
  ws.columns = columns.map(([, width]) => ({ width }));
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).value = safeCell(title);
  ws.getCell(1, 1).font = { name: '宋体', size: 18, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = safeCell(subtitle);
  ws.getCell(2, 1).font = font;
  columns.forEach(([h], i) => {
    const c = ws.getRow(3).getCell(i + 1);
    c.value = h;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    c.border = border;
  });
  ws.pageSetup.printTitlesRow = '3:3';
  rows.forEach((values, r) => {
    const row = ws.getRow(4 + r);
    values.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = safeCell(v);
      c.font = font;
      c.alignment = { vertical: 'middle', wrapText: true };
      c.border = border;
    });
  });
}

export async function directoryXlsx(ctx: ReadCtx, opts: { includeInactive?: boolean | undefined }): Promise<ExportedFile> {
  const desk = getDesk(ctx.db);
  const unit = desk?.unitName ?? '';
  const people = listPeople(ctx.db, { includeInactive: opts.includeInactive ?? false });
  const contacts = listContacts(ctx.db, { includeInactive: opts.includeInactive ?? false });
  const subtitle = `${unit}　值班电话：${desk?.dutyPhone ?? '—'}　传真：${desk?.fax ?? '—'}`;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DutyDesk';
  sheet(
    wb,
    '本单位人员',
    `${unit}通讯录`,
    subtitle,
    [
      ['姓名', 12],
      ['部门', 20],
      ['职务', 16],
      ['办公电话', 18],
      ['手机', 18],
      ['角色', 22],
      ...(opts.includeInactive ? ([['状态', 10]] as [string, number][]) : []),
    ],
    people.map((p) => [
      p.name,
      p.department ?? '',
      p.title ?? '',
      p.officePhone ?? '',
      p.mobile ?? '',
      p.roles.map((r) => roleWord[r]).join('、'),
      ...(opts.includeInactive ? [p.active ? '在用' : '已停用'] : []),
    ]),
  );
  sheet(
    wb,
    '外部联系单位',
    `${unit}外部联系单位`,
    subtitle,
    [
      ['类别', 14],
      ['名称', 22],
      ['单位', 22],
      ['电话', 18],
      ['手机', 16],
      ['传真', 16],
      ['备注', 24],
    ],
    contacts.map((c) => [contactKindWord[c.kind], c.name, c.unit ?? '', c.phone ?? '', c.mobile ?? '', c.fax ?? '', c.note ?? '']),
  );
  const buf = await wb.xlsx.writeBuffer();
  return {
    fileName: `${unit}通讯录.xlsx`,
    data: Buffer.from(buf).toString('base64'),
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
