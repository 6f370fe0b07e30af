/**
 * A ledger (台账) as an Excel sheet: the items of a view with 挂号 number,
 * dates, owner, state, 销号 date and who; the hazard-screening ledger with
 * its own columns. Prints on A4 landscape.
 */
import type { ExportedFile, LedgerFilter, LedgerItem } from '../../../shared/contract';
import { translate } from '../../../shared/i18n';
import { localDateTime } from '../../../shared/time';
import { deskTimeZone, type ReadCtx } from '../context';
import { newWorkbook, officialSheet, workbookFile } from '../lib/xlsx';
import { ledgerSheet } from './service';

const zh = (k: string): string => translate('zh-CN', k);

/** 状态 as the ledger prints it: 已销号, 超期未销号, 在办. */
export const ledgerStateText = (i: LedgerItem): string => (i.state === 'closed' ? '已销号' : i.overdue ? '超期未销号' : '在办');

export async function ledgerXlsx(ctx: ReadCtx, f: LedgerFilter): Promise<ExportedFile> {
  const tz = deskTimeZone(ctx.db);
  const s = ledgerSheet(ctx, f);
  const hazard = f.source === 'hazard';
  const wb = newWorkbook();
  const closed = (i: LedgerItem): string => (i.closedAt ? `${localDateTime(Date.parse(i.closedAt), tz).slice(0, 10)} ${i.closedBy ?? ''}` : '');
  const sheet = officialSheet(wb, {
    name: s.title,
    title: `${s.unitName}${s.title}`,
    subtitle: `共 ${s.counts.total} 项：在办 ${s.counts.open - s.counts.overdue}，超期 ${s.counts.overdue}，已销号 ${s.counts.closed}${s.filterText ? `　${s.filterText}` : ''}`,
    orientation: 'landscape',
    fontSize: 10,
    columns: hazard
      ? [
          ['挂号', 11],
          ['排查日期', 11],
          ['地点', 16],
          ['隐患', 30],
          ['等级', 8],
          ['整改措施', 30],
          ['责任单位', 14],
          ['责任人', 9],
          ['整改时限', 11],
          ['整改状态', 9],
          ['状态', 11],
          ['销号日期及人员', 16],
        ]
      : [
          ['挂号', 11],
          ['挂号日期', 11],
          ['来源', 10],
          ['督办事项', 32],
          ['责任单位', 14],
          ['责任人', 9],
          ['办结时限', 11],
          ['延期', 6],
          ['最新进展', 28],
          ['状态', 11],
          ['销号日期及人员', 16],
        ],
  });
  for (const i of s.items) {
    sheet.add(
      hazard
        ? [
            i.no,
            i.enteredDate,
            i.hazardPlace ?? '',
            i.title,
            i.hazardLevel ? zh(`ledger.hazardLevel.${i.hazardLevel}`) : '',
            i.measures ?? '',
            i.ownerUnit,
            i.ownerPerson ?? '',
            i.deadline,
            i.rectifyState ? zh(`ledger.rectify.${i.rectifyState}`) : '',
            ledgerStateText(i),
            closed(i),
          ]
        : [
            i.no,
            i.enteredDate,
            zh(`ledger.source.${i.source}`) + (i.sourceRef ? `\n${i.sourceRef}` : ''),
            i.title,
            i.ownerUnit,
            i.ownerPerson ?? '',
            i.deadline,
            i.extensions,
            i.lastNote ?? '',
            ledgerStateText(i),
            closed(i),
          ],
      { bold: i.overdue },
    );
  }
  sheet.line(`制表时间：${localDateTime(ctx.now, tz).slice(0, 16)}`);
  return workbookFile(wb, `${s.unitName}${s.title}.xlsx`);
}
