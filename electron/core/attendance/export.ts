/**
 * The monthly attendance sheet (值班考勤表) as an Excel file that prints on A4
 * landscape: one row per person, one column per duty day, the totals.
 */
import type { AttendanceMonth } from '../../../shared/contract/attendance';
import type { ExportedFile } from '../../../shared/contract';
import type { AttendanceState } from '../../../shared/domain/attendance';
import { translate } from '../../../shared/i18n';
import { newWorkbook, officialSheet, workbookFile } from '../lib/xlsx';

const shortWord = (s: AttendanceState): string => translate('zh-CN', `attendance.short.${s}`);

export async function attendanceXlsx(m: AttendanceMonth): Promise<ExportedFile> {
  const wb = newWorkbook();
  const [y, mo] = m.month.split('-').map(Number);
  const states: AttendanceState[] = ['normal', 'late', 'earlyLeave', 'lateAndEarly', 'absent', 'leave', 'covering'];
  const sheet = officialSheet(wb, {
    name: '考勤表',
    title: `${m.unitName}${y}年${mo}月值班考勤表`,
    subtitle: `迟到/早退宽限 ${m.rules.graceMinutes} 分钟`,
    columns: [['姓名', 10], ...m.dates.map((d): [string, number] => [String(Number(d.slice(8))), 4.2]), ...states.map((s): [string, number] => [shortWord(s), 5])],
    orientation: 'landscape',
    fontSize: 9,
  });
  for (const r of m.rows) {
    sheet.add(
      [r.name, ...m.dates.map((d) => (r.cells[d] ?? []).map((c) => shortWord(c.state)).join('/')), ...states.map((s) => r.totals[s] ?? 0)],
      { centre: (i) => i > 0 },
    );
  }
  sheet.line(`合计：${states.map((s) => `${translate('zh-CN', `attendance.state.${s}`)} ${m.totals[s] ?? 0}`).join('　')}`);
  sheet.line('制表：　　　　　　审核：　　　　　　');
  return workbookFile(wb, `${y}年${mo}月值班考勤表.xlsx`);
}
