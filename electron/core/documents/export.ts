/**
 * The register of incoming documents and telegrams (收文登记簿) as an Excel
 * sheet that prints on A4 landscape.
 */
import type { ExportedFile } from '../../../shared/contract';
import { translate } from '../../../shared/i18n';
import { localDateTime } from '../../../shared/time';
import { deskTimeZone, type In, type ReadCtx } from '../context';
import { newWorkbook, officialSheet, workbookFile } from '../lib/xlsx';
import { documentSheet } from './service';

const zh = (k: string): string => translate('zh-CN', k);

export async function documentsXlsx(ctx: ReadCtx, input: In<'documents.exportXlsx'>): Promise<ExportedFile> {
  const tz = deskTimeZone(ctx.db);
  const s = documentSheet(ctx, input);
  const t = (at: string | null): string => (at ? localDateTime(Date.parse(at), tz).slice(0, 16) : '');
  const wb = newWorkbook();
  const sheet = officialSheet(wb, {
    name: '收文登记簿',
    title: `${s.unitName}来文来电登记簿`,
    subtitle: `收文时段：${s.from}至${s.to}　共 ${s.items.length} 件`,
    orientation: 'landscape',
    fontSize: 10,
    columns: [
      ['收文号', 13],
      ['收文时间', 16],
      ['类别', 9],
      ['来文单位', 16],
      ['文号', 14],
      ['标题', 32],
      ['密级', 6],
      ['紧急程度', 8],
      ['页数', 5],
      ['拟办意见', 20],
      ['领导批示', 20],
      ['传阅', 16],
      ['办理时限', 16],
      ['办理结果', 20],
    ],
  });
  for (const d of s.items) {
    sheet.add(
      [
        d.no,
        t(d.receivedAt),
        zh(`documents.kind.${d.kind}`),
        d.fromUnit,
        d.docNo ?? '',
        d.title,
        zh(`documents.secrecy.${d.secrecy}`),
        zh(`documents.urgency.${d.urgency}`),
        d.pages ?? '',
        d.proposal ?? '',
        d.instruction ?? '',
        d.readers.join('、'),
        t(d.dueAt) + (d.overdue ? '（已超期）' : ''),
        d.result ?? '',
      ],
      { bold: d.overdue },
    );
  }
  sheet.line(`制表时间：${localDateTime(ctx.now, tz).slice(0, 16)}`);
  return workbookFile(wb, `${s.unitName}来文来电登记簿-${s.from}至${s.to}.xlsx`);
}
