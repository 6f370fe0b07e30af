/**
 * The month's presence checks (查岗统计) as an Excel file: checks made by unit
 * with answer rate and 漏岗/脱岗, then every check of the month.
 */
import type { ExportedFile } from '../../../shared/contract';
import type { PresenceStats } from '../../../shared/contract/presence';
import { translate } from '../../../shared/i18n';
import { localDateTime } from '../../../shared/time';
import { newWorkbook, officialSheet, workbookFile } from '../lib/xlsx';

const zh = (k: string) => translate('zh-CN', k);
const yesNo = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');

export async function presenceXlsx(s: PresenceStats): Promise<ExportedFile> {
  const wb = newWorkbook();
  const [y, m] = s.month.split('-').map(Number);
  const title = `${s.unitName}${y}年${m}月查岗情况统计表`;
  const units = officialSheet(wb, {
    name: '查岗统计',
    title,
    subtitle: `下级单位：查岗 ${s.made.total} 次，涉及 ${s.made.units} 个单位，接听率 ${s.made.answerRate ?? '—'}%，漏岗 ${s.made.missed} 次，脱岗 ${s.made.left} 次；上级查岗 ${s.received.total} 次`,
    columns: [['单位', 30], ['查岗次数', 10], ['接听', 8], ['接听率（%）', 12], ['漏岗', 8], ['脱岗', 8]],
    orientation: 'portrait',
  });
  for (const u of s.byUnit) units.add([u.unitName, u.checks, u.answered, u.answerRate ?? '—', u.missed, u.left], { centre: (i) => i > 0 });
  const all = officialSheet(wb, {
    name: '查岗记录',
    title: `${s.unitName}${y}年${m}月查岗记录`,
    subtitle: '',
    columns: [['时间', 18], ['类别', 8], ['方式', 8], ['查岗人/单位', 24], ['是否接听', 8], ['响铃/秒', 9], ['接听人', 10], ['在岗情况', 14], ['处理/备注', 30]],
    orientation: 'landscape',
    fontSize: 10,
  });
  for (const c of s.checks) {
    all.add([
      localDateTime(Date.parse(c.at), s.timeZone).slice(0, 16),
      zh(`presence.direction.${c.direction}`),
      zh(`presence.method.${c.method}`),
      c.direction === 'made' ? (c.unitName ?? '') : (c.checker ?? ''),
      yesNo(c.answered),
      [c.rings !== null ? `${c.rings}声` : '', c.answerSeconds !== null ? `${c.answerSeconds}秒` : ''].filter(Boolean).join(' '),
      c.answeredBy ?? '',
      c.direction === 'made'
        ? c.postState ? zh(`presence.post.${c.postState}`) : ''
        : `值班员${yesNo(c.officerAtPost) ? (c.officerAtPost ? '在岗' : '不在岗') : '—'}，领导${c.leaderAtPost === null ? '—' : c.leaderAtPost ? '在岗' : '不在岗'}`,
      [c.followUp, c.note].filter(Boolean).join('；'),
    ]);
  }
  return workbookFile(wb, `${title}.xlsx`);
}
