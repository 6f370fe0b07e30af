/**
 * The petition register and its statistics as Excel sheets that print on A4.
 * ID numbers are exported exactly as the caller sees them: masked unless the
 * role may see them (the views come from the service, already masked).
 */
import type { ExportedFile, PetitionStats } from '../../../shared/contract';
import { batchText, changeText, type Period } from '../../../shared/domain/petition';
import { statsRows } from '../../../shared/domain/petition-table';
import { translate } from '../../../shared/i18n';
import { localDateTime } from '../../../shared/time';
import { deskTimeZone, type ReadCtx } from '../context';
import { getDesk } from '../desk/db';
import { newWorkbook, officialSheet, workbookFile } from '../lib/xlsx';
import { listPetitions, petitionStats } from './service';

const zh = (key: string, params?: Record<string, string>): string => translate('zh-CN', key, params);
const cn = (d: string): string => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
export const periodText = (p: Period): string => (p.from === p.to ? cn(p.from) : `${cn(p.from)}至${cn(p.to)}`);

/** The rows of the statistics table in official Chinese (the Excel sheet; the print page builds the same rows). */
export const zhStatsRows = (s: PetitionStats) =>
  statsRows(s, {
    label: (k, params) => zh(`petitions.stats.${k}`, params),
    count: batchText,
    pieces: (c) => `${c.batches}件`,
    change: changeText,
  });

export async function petitionStatsXlsx(ctx: ReadCtx, period: Period): Promise<ExportedFile> {
  const s = petitionStats(ctx, period);
  const wb = newWorkbook();
  const sheet = officialSheet(wb, {
    name: '信访情况统计表',
    title: `${s.unitName}信访情况统计表`,
    subtitle: `统计时段：${s.periodName ? `${s.periodName}（${periodText(period)}）` : periodText(period)}　环比：${periodText(s.previous)}　同比：${periodText(s.lastYear)}`,
    orientation: 'landscape',
    columns: [
      ['项目', 22],
      ['本期', 16],
      ['上期', 16],
      ['环比', 26],
      ['去年同期', 16],
      ['同比', 26],
    ],
  });
  for (const r of zhStatsRows(s)) sheet.add([`${r.depth === 1 ? '　' : ''}${r.label}`, r.current, r.previous, r.mom, r.lastYear, r.yoy], { bold: r.depth === 0 });
  sheet.line(`领导包案：在办${s.cases.open}件，已结案${s.cases.closed}件；督办${s.supervised}次；回访${s.followups}次。`);
  sheet.line(`制表时间：${localDateTime(ctx.now, deskTimeZone(ctx.db)).slice(0, 16)}`);
  return workbookFile(wb, `${s.unitName}信访情况统计表-${period.from}至${period.to}.xlsx`);
}

export async function petitionsXlsx(ctx: ReadCtx, period: Period): Promise<ExportedFile> {
  const tz = deskTimeZone(ctx.db);
  const unit = getDesk(ctx.db)?.unitName ?? '';
  const list = listPetitions(ctx, { from: period.from, to: period.to, limit: 2000 }).reverse();
  const wb = newWorkbook();
  const sheet = officialSheet(wb, {
    name: '信访登记台账',
    title: `${unit}信访登记台账`,
    subtitle: `登记时段：${periodText(period)}　共 ${list.length} 件`,
    orientation: 'landscape',
    fontSize: 10,
    columns: [
      ['编号', 13],
      ['接待时间', 17],
      ['形式', 9],
      ['级别', 7],
      ['人数', 6],
      ['信访人', 16],
      ['身份证号', 21],
      ['联系电话', 14],
      ['类别', 11],
      ['反映问题', 34],
      ['包案领导', 10],
      ['责任单位', 14],
      ['状态', 9],
      ['备注', 16],
    ],
  });
  for (const p of list) {
    const marks = [p.group ? '集体访' : '', p.repeat ? '重复访' : '', p.abnormal ? `非正常上访（${zh(`petitions.abnormalKind.${p.abnormalKind ?? 'other'}`)}）` : '', p.lateCount > 0 ? `超期${p.lateCount}项` : '']
      .filter(Boolean)
      .join('、');
    sheet.add([
      p.no,
      localDateTime(Date.parse(p.receivedAt), tz).slice(0, 16),
      zh(`petitions.form.${p.form}`),
      zh(`petitions.level.${p.level}`),
      p.persons,
      p.petitioners.map((x) => `${x.name}${x.keyPerson ? '（重点）' : ''}`).join('、'),
      p.petitioners.map((x) => x.idNumber ?? '').filter(Boolean).join('、'),
      p.petitioners.map((x) => x.phone ?? '').filter(Boolean).join('、'),
      p.category,
      p.summary + (p.demands ? `　诉求：${p.demands}` : ''),
      p.leader ?? '',
      p.unit ?? '',
      zh(`petitions.state.${p.state}`),
      marks,
    ]);
  }
  return workbookFile(wb, `${unit}信访登记台账-${period.from}至${period.to}.xlsx`);
}
