/**
 * The daily report, or the roll-up of a range (值班周报 / 月报), as an Excel
 * file with the same tables as the printout.
 */
import type { ExportedFile } from '../../../shared/contract';
import type { DailyReport, DailyReportRollup, DailyReportStats } from '../../../shared/contract/reports';
import { attendanceStates } from '../../../shared/domain/attendance';
import { logKinds } from '../../../shared/domain/log';
import { translate } from '../../../shared/i18n';
import { localDateTime } from '../../../shared/time';
import { newWorkbook, officialSheet, workbookFile, type OfficialSheet } from '../lib/xlsx';

const zh = (k: string, p?: Record<string, unknown>) => translate('zh-CN', k, p);
const at = (s: string | null, tz: string) => (s ? localDateTime(Date.parse(s), tz).slice(0, 16) : '—');

function statsRows(sheet: OfficialSheet, s: DailyReportStats): void {
  sheet.add([zh('reports.table.log'), s.logTotal, logKinds.map((k) => `${zh(`log.kind.${k}`)} ${s.logCounts[k] ?? 0}`).join('，')]);
  sheet.add([
    zh('reports.table.incidents'),
    s.incidents.length,
    s.incidents.map((i) => `${i.no} ${i.title}（${zh(`incidents.level.${i.level}`)}，${zh(`reports.reportState.${i.reportState}`)}）`).join('；') || '—',
  ]);
  sheet.add([zh('reports.table.incidentReports'), s.incidentReports, '']);
  sheet.add([zh('reports.table.escalations'), s.escalations.started, zh('reports.table.escalationDetail', s.escalations)]);
  sheet.add([zh('reports.table.presence'), s.presence.received + s.presence.made, zh('reports.table.presenceDetail', s.presence)]);
  sheet.add([
    zh('reports.table.attendance'),
    Object.values(s.attendance).reduce((a, b) => a + (b ?? 0), 0),
    attendanceStates.filter((k) => s.attendance[k]).map((k) => `${zh(`attendance.state.${k}`)} ${s.attendance[k]}`).join('，') || '—',
  ]);
  sheet.add([
    zh('reports.table.handover'),
    s.handovers.length,
    s.handovers
      .map((h) => `${h.dutyDate}${new Set(s.handovers.map((x) => x.shiftId)).size > 1 ? ` ${h.shiftName}` : ''} ${zh(`handover.state.${h.state}`)}${h.outgoing ? `（${zh('reports.handoverPair', { out: h.outgoing, in: h.incoming ?? '—' })}）` : ''}`)
      .join('；') || '—',
  ]);
  sheet.add([zh('reports.table.instructions'), s.instructions.total, zh('reports.table.instructionDetail', s.instructions)]);
  for (const sec of s.sections) {
    sheet.add([zh(sec.titleKey), sec.count ?? sec.reportable, sec.rows.map((r) => `${zh(r.labelKey, r.params)} ${typeof r.value === 'object' ? zh(r.value.key, r.value.params) : r.value}`).join('，')]);
  }
}

const columns: [string, number][] = [
  ['项目', 16],
  ['数量', 8],
  ['情况', 70],
];

export async function dailyReportXlsx(r: DailyReport, unitName: string, tz: string): Promise<ExportedFile> {
  const wb = newWorkbook();
  const title = `${unitName}${r.kind === 'zero' ? '零报告' : '值班日报'}（${r.reportDate}）`;
  const sheet = officialSheet(wb, {
    name: r.kind === 'zero' ? '零报告' : '值班日报',
    title,
    subtitle: `报告时段：${at(r.periodStart, tz)} 至 ${at(r.periodEnd, tz)}　报送时限：${at(r.dueAt, tz)}`,
    columns,
    orientation: 'portrait',
  });
  statsRows(sheet, r.stats);
  sheet.line(r.summary);
  sheet.line(
    `拟稿：${r.draftedBy}　审核：${r.reviewedBy ?? '　　'}　报送：${r.sentAt ? `${at(r.sentAt, tz)} 报${r.recipient ?? ''}（${zh(`incidents.method.${r.method ?? 'written'}`)}）${r.late ? '【迟报】' : ''}` : '未报送'}`,
  );
  return workbookFile(wb, `${title}.xlsx`);
}

export async function rollupXlsx(r: DailyReportRollup): Promise<ExportedFile> {
  const wb = newWorkbook();
  const title = `${r.unitName}值班情况汇总（${r.from} 至 ${r.to}）`;
  const sheet = officialSheet(wb, { name: '汇总', title, subtitle: `共 ${r.days.length} 天`, columns, orientation: 'portrait' });
  statsRows(sheet, r.stats);
  const days = officialSheet(wb, {
    name: '日报报送',
    title: `${r.unitName}值班日报报送情况`,
    subtitle: `${r.from} 至 ${r.to}`,
    columns: [
      ['日期', 14],
      ['类别', 10],
      ['状态', 10],
      ['报送时限', 18],
      ['报送时间', 18],
      ['是否迟报', 10],
    ],
    orientation: 'portrait',
  });
  for (const d of r.days) {
    days.add([
      d.date,
      d.kind ? zh(`reports.kind.${d.kind}`) : '—',
      zh(`reports.state.${d.state}`),
      at(d.dueAt, r.timeZone),
      at(d.sentAt, r.timeZone),
      d.late ? '迟报' : d.overdue ? '逾期未报' : d.sentAt ? '按时' : '',
    ], { centre: () => true });
  }
  return workbookFile(wb, `${title}.xlsx`);
}
