/**
 * The duty log as a book (值班记录): one duty day with who was on duty, every
 * entry and the incidents learned of — for the 值班记录 page and its A4
 * print — and the Excel export of a range of days.
 */
import type { ExportedFile } from '../../../shared/contract/common';
import { type LogKind } from '../../../shared/domain/log';
import { DomainError } from '../../../shared/errors';
import type { ReadCtx } from '../context';
import { getDesk } from '../desk/db';
import { listIncidents } from '../incidents/db';
import { listLogEntries } from './db';
import { withHandling } from './handling';
import { effectiveFollowUp } from '../../../shared/domain/log-handling';

import { logExportMaxDays, type LogBook, type LogEntry } from "../../../shared/contract/log";
import { translate } from '../../../shared/i18n';
import { localParts } from '../../../shared/time';
import { deskTimeZone, iso } from '../context';
import { deskDutyDayBounds } from '../duty/day';
import { dutyDays } from "../duty/service";
import { newWorkbook, officialSheet, workbookFile } from '../lib/xlsx';

/** Official documents are in Chinese whatever the screen language. */
const kindName = (k: LogKind): string => translate('zh-CN', `log.kind.${k}`);

/** Every entry of a duty day, oldest first (the book reads forwards); a day holds far fewer than this. */
const dayLimit = 5000;

export function logBook(ctx: ReadCtx, dutyDate: string): LogBook {
  const tz = deskTimeZone(ctx.db);
  const desk = getDesk(ctx.db);
  const { start: startsAt, end: endsAt } = deskDutyDayBounds(ctx.db, dutyDate);
  const day = dutyDays(ctx.db, dutyDate, 1)[0]!;
  const entries = withHandling(ctx.db, listLogEntries(ctx.db, { fromDate: dutyDate, toDate: dutyDate, includeVoided: true, limit: dayLimit }).reverse());
  const incidents = listIncidents(ctx.db, { fromIso: iso(startsAt), toIso: iso(endsAt), limit: 500 }, ctx.now).sort((a, b) =>
    a.learnedAt < b.learnedAt ? -1 : a.learnedAt > b.learnedAt ? 1 : a.id - b.id,
  );
  return {
    unitName: desk?.unitName ?? '',
    dutyPhone: desk?.dutyPhone ?? null,
    timeZone: tz,
    dutyDate,
    day: day.day,
    startsAt: iso(startsAt),
    endsAt: iso(endsAt),
    shifts: day.shifts,
    entries,
    incidents,
  };
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

const localStamp = (instant: string, tz: string): string => {
  const p = localParts(Date.parse(instant), tz);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
};

function entryState(e: LogEntry, tz: string): string {
  if (e.voided) return `已作废（${e.voidReason ?? ''}，${e.voidedBy ?? ''} ${e.voidedAt ? localStamp(e.voidedAt, tz) : ''}）`;
  return e.version > 1 ? `第${e.version}版` : '';
}

/** The log of a range of duty days as an Excel sheet that prints on A4 landscape in Excel and WPS. */
export async function logXlsx(
  ctx: ReadCtx,
  input: { from: string; to: string; kind?: LogKind | undefined; query?: string | undefined },
): Promise<ExportedFile> {
  if (daysBetween(input.from, input.to) > logExportMaxDays) {
    throw new DomainError('VALIDATION', 'incidents.errors.rangeTooLong', { max: logExportMaxDays });
  }
  const tz = deskTimeZone(ctx.db);
  const desk = getDesk(ctx.db);
  const entries = withHandling(ctx.db, listLogEntries(ctx.db, {
    fromDate: input.from,
    toDate: input.to,
    includeVoided: true,
    limit: 1_000_000,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.query ? { query: input.query } : {}),
  }).reverse());
  const incidentNo = new Map<number, string>();
  for (const e of entries) {
    if (e.incidentId !== null && !incidentNo.has(e.incidentId)) {
      const row = ctx.db.prepare('SELECT no FROM incidents WHERE id = ?').get(e.incidentId) as { no: string } | undefined;
      incidentNo.set(e.incidentId, row?.no ?? '');
    }
  }

  const wb = newWorkbook();
  const filters = [input.kind ? `类别：${kindName(input.kind)}` : '', input.query ? `含"${input.query}"` : ''].filter(Boolean).join('　');
  const sheet = officialSheet(wb, {
    name: '值班记录',
    title: `${desk?.unitName ?? ''}值班记录`,
    subtitle: `值班日期：${input.from} 至 ${input.to}　共 ${entries.length} 条${filters ? `　${filters}` : ''}　值班电话：${desk?.dutyPhone ?? '—'}`,
    orientation: 'landscape',
    columns: [
      ['值班日期', 12],
      ['时间', 17],
      ['类别', 7],
      ['来电（文）单位', 18],
      ['联系人', 10],
      ['电话', 15],
      ['内容摘要', 40],
      ['详细内容', 40],
      ['已报告/通知的领导和单位及时间', 24],
      ['拟办意见', 20],
      ['领导批示', 20],
      ['办理结果', 20],
      ['承办人', 10],
      ['承办时间', 17],
      ['记录人', 10],
      ['关联事件', 11],
      ['状态', 20],
    ],
  });
  for (const e of entries) {
    // An entry turned into an incident shows its handling from the incident (official text: Chinese).
    const f = effectiveFollowUp(e, 'zh-CN', tz);
    sheet.add(
      [
        e.dutyDate,
        localStamp(e.occurredAt, tz),
        kindName(e.kind),
        e.sourceUnit ?? '',
        e.sourcePerson ?? '',
        e.sourcePhone ?? '',
        e.summary,
        e.detail ?? '',
        f.reportedTo ?? '',
        e.proposal ?? '',
        f.instruction ?? '',
        f.outcome ?? '',
        e.handler ?? '',
        e.handledAt ? localStamp(e.handledAt, tz) : '',
        e.recordedBy,
        e.incidentId !== null ? (incidentNo.get(e.incidentId) ?? '') : '',
        entryState(e, tz),
      ],
      { strike: e.voided, centre: (i) => i < 3 },
    );
  }
  const range = input.from === input.to ? input.from : `${input.from}至${input.to}`;
  return workbookFile(wb, `${desk?.unitName ?? ''}值班记录-${range}.xlsx`);
}
