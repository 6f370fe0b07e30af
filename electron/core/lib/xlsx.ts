/**
 * Excel sheets as offices print them: a 宋体 title row, a subtitle, a grey
 * header row repeated on every printed page, ruled 仿宋 cells, A4 fitted to
 * the width, "第 x 页 共 y 页" in the footer. Text that a spreadsheet would
 * read as a formula is neutralised (see `safeCell`).
 */
import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../../shared/contract';
export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Neutralises text a spreadsheet would read as a formula (a leading apostrophe). */
export const safeCell = (s: string): string => (/^[=+\-@\t\r]/u.test(s) ? `'${s}` : s);

const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

export interface SheetSpec {
  name: string;
  title: string;
  subtitle: string;
  /** Header text and column width. */
  columns: [string, number][];
  orientation: 'portrait' | 'landscape';
  fontSize?: number;
}

export interface OfficialSheet {
  ws: ExcelJS.Worksheet;
  /**
   * Appends a data row: numbers stay numbers, text is neutralised; `strike` greys and strikes it (voided records),
   * `bold` marks it (holidays on a roster).
   */
  add(values: (string | number)[], opts?: { strike?: boolean; bold?: boolean; centre?: (column: number, value: string | number) => boolean }): void;
  /** Appends a line of text across every column (notes, signatures) under the table. */
  line(text: string): void;
}

export function officialSheet(wb: ExcelJS.Workbook, spec: SheetSpec): OfficialSheet {
  const ws = wb.addWorksheet(spec.name, {
    pageSetup: { paperSize: 9, orientation: spec.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
  });
  const font = { name: '仿宋', size: spec.fontSize ?? 11 };
  const n = spec.columns.length;
  ws.columns = spec.columns.map(([, width]) => ({ width }));
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = safeCell(spec.title);
  title.font = { name: '宋体', size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = safeCell(spec.subtitle);
  ws.getCell(2, 1).font = font;
  spec.columns.forEach(([h], i) => {
    const c = ws.getRow(3).getCell(i + 1);
    c.value = h;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    c.border = border;
  });
  ws.pageSetup.printTitlesRow = '3:3';
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  let next = 4;
  return {
    ws,
    add(values, opts = {}) {
      const row = ws.getRow(next);
      next += 1;
      values.forEach((v, i) => {
        const c = row.getCell(i + 1);
        c.value = typeof v === 'number' ? v : safeCell(v);
        c.font = opts.strike ? { ...font, strike: true, color: { argb: 'FF777777' } } : opts.bold ? { ...font, bold: true } : font;
        const centre = opts.centre ? opts.centre(i, v) : typeof v === 'number';
        c.alignment = { vertical: 'top', wrapText: true, horizontal: centre ? 'center' : 'left' };
        c.border = border;
      });
    },
    line(text) {
      ws.mergeCells(next, 1, next, n);
      ws.getCell(next, 1).value = safeCell(text);
      ws.getCell(next, 1).font = font;
      next += 1;
    },
  };
}

export async function workbookFile(wb: ExcelJS.Workbook, fileName: string): Promise<ExportedFile> {
  const buf = await wb.xlsx.writeBuffer();
  return { fileName, data: Buffer.from(buf).toString('base64'), mime: xlsxMime };
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DutyDesk';
  return wb;
}
