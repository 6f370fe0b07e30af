/**
 * The incident list as an Excel ledger (突发事件台账): one row per incident
 * with the filters of the 事件 page — grade, casualties, loss, reports and
 * how many were late, the latest instruction. Prints on A4 landscape.
 */
import type { ExportedFile, IncidentSummary } from '../../../shared/contract';
import { categoryNames, levelLabel, officialTime, subTypeNames, wanYuan } from '../../../shared/domain/incident-report';
import { translate } from '../../../shared/i18n';
import type { ReadCtx } from '../context';
import { getDesk } from '../desk/db';
import { getIncident } from './db';

import { newWorkbook, officialSheet, workbookFile } from '../lib/xlsx';
import { deskTimeZone } from '../context';

export async function incidentsXlsx(ctx: ReadCtx, list: IncidentSummary[], filterText: string): Promise<ExportedFile> {
  const tz = deskTimeZone(ctx.db);
  const desk = getDesk(ctx.db);
  const wb = newWorkbook();
  const sheet = officialSheet(wb, {
    name: '突发事件台账',
    title: `${desk?.unitName ?? ''}突发事件台账`,
    subtitle: `共 ${list.length} 起${filterText ? `　${filterText}` : ''}`,
    orientation: 'landscape',
    columns: [
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
    ],
  });
  for (const s of list) {
    const i = getIncident(ctx.db, s.id)!;
    sheet.add([
      i.no,
      i.title,
      `${categoryNames[i.category]}·${subTypeNames[i.subType]}`,
      levelLabel(i.level),
      translate('zh-CN', `incidents.status.${i.status}`),
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
    ]);
  }
  return workbookFile(wb, `${desk?.unitName ?? ''}突发事件台账.xlsx`);
}
