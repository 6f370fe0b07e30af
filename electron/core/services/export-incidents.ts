/**
 * The incident list as an Excel ledger (突发事件台账): one row per incident
 * with the filters of the 事件 page — grade, casualties, loss, reports and
 * how many were late, the latest instruction. Prints on A4 landscape.
 */
import ExcelJS from 'exceljs';
import type { ExportedFile, IncidentSummary } from '../../../shared/contract';
import { categoryNames, levelLabel, officialTime, subTypeNames, wanYuan } from '../../../shared/domain/incident-report';
import type { IncidentStatus } from '../../../shared/domain/incident';
import type { ReadCtx } from '../api/types';
import { getDesk } from '../db/desk';
import { getIncident } from '../db/incidents';
import { deskTimeZone } from './log';
import { safeCell } from './export-roster';

const statusNames: Record<IncidentStatus, string> = { open: '新接报', handling: '处置中', closed: '已结束' };
const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

export async function incidentsXlsx(ctx: ReadCtx, list: IncidentSummary[], filterText: string): Promise<ExportedFile> {
  const tz = deskTimeZone(ctx);
  const desk = getDesk(ctx.db);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DutyDesk';
  const ws = wb.addWorksheet('突发事件台账', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
  });
  const columns: [string, number][] = [
    ['编号', 11],
    ['事件名称', 30],
    ['类别', 20],
    ['等级', 13],
    ['状态', 8],
    ['事发时间', 20],
    ['接报时间', 20],
    ['地点', 20],
    ['单位', 18],
    ['死亡', 6],
    ['失踪', 6],
    ['重伤', 6],
    ['轻伤', 6],
    ['直接经济损失', 13],
    ['报告', 6],
    ['迟报', 6],
    ['最新批示', 30],
  ];
  const n = columns.length;
  const font = { name: '仿宋', size: 11 };
  ws.columns = columns.map(([, width]) => ({ width }));
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).value = safeCell(`${desk?.unitName ?? ''}突发事件台账`);
  ws.getCell(1, 1).font = { name: '宋体', size: 18, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = safeCell(`共 ${list.length} 起${filterText ? `　${filterText}` : ''}`);
  ws.getCell(2, 1).font = font;
  columns.forEach(([h], i) => {
    const c = ws.getRow(3).getCell(i + 1);
    c.value = h;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    c.border = border;
  });
  ws.pageSetup.printTitlesRow = '3:3';
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  list.forEach((s, idx) => {
    const i = getIncident(ctx.db, s.id)!;
    const values: (string | number)[] = [
      i.no,
      i.title,
      `${categoryNames[i.category]}·${subTypeNames[i.subType]}`,
      levelLabel(i.level),
      statusNames[i.status],
      officialTime(i.occurredAt, tz),
      officialTime(i.learnedAt, tz),
      i.location ?? '',
      i.unit ?? '',
      i.deaths,
      i.missing,
      i.seriousInjuries,
      i.injuries,
      i.directLossYuan > 0 ? wanYuan(i.directLossYuan) : '',
      s.reportCount,
      s.lateCount,
      s.lastInstruction ?? '',
    ];
    const row = ws.getRow(4 + idx);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = typeof v === 'number' ? v : safeCell(v);
      cell.font = font;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: typeof v === 'number' ? 'center' : 'left' };
      cell.border = border;
    });
  });
  const buf = await wb.xlsx.writeBuffer();
  return {
    fileName: `${desk?.unitName ?? ''}突发事件台账.xlsx`,
    data: Buffer.from(buf).toString('base64'),
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
