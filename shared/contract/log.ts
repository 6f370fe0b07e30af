/**
 * API methods of the duty log (值班记录): entries are versioned, voided with a
 * reason, never deleted; the log book reads any duty day back.
 */
import { z } from 'zod';
import type { DayInfo } from '../domain/calendar';
import { logKinds, type LogKind } from '../domain/log';
import { id, isoDate, isoInstant, officers, optText, phone, reason, text, type ExportedFile } from './common';
import { optLine } from './common';
import { str } from './common';
import { method } from './define';
import { IncidentSummary } from './incidents';

import type { DutyShift } from './duty';
import type { IncidentHandling } from '../domain/log-handling';

// ───────────────────────── duty log ─────────────────────────

export interface LogEntry {
  id: number;
  version: number;
  kind: LogKind;
  /** When the call/notice happened (UTC ISO). */
  occurredAt: string;
  dutyDate: string;
  sourceUnit: string | null;
  sourcePerson: string | null;
  sourcePhone: string | null;
  summary: string;
  detail: string | null;
  /** 已报告/通知的领导和单位及时间 */
  reportedTo: string | null;
  /** 拟办意见 */
  proposal: string | null;
  /** 领导批示 */
  instruction: string | null;
  /** 办理结果 */
  outcome: string | null;
  /** 承办人 / 承办时间 */
  handler: string | null;
  handledAt: string | null;
  /** 记录人 and 记录时间 of the first version. */
  recordedBy: string;
  recordedAt: string;
  updatedBy: string;
  updatedAt: string;
  incidentId: number | null;
  voided: boolean;
  voidReason: string | null;
  voidedAt: string | null;
  voidedBy: string | null;
  /** For an entry turned into an incident: the incident's reports, escalation and instructions. */
  handling?: IncidentHandling | null;
}

export interface LogEntryVersion {
  version: number;
  entry: Omit<LogEntry, 'voided' | 'voidReason' | 'voidedAt' | 'voidedBy' | 'incidentId'>;
  reason: string | null;
  at: string;
  by: string;
}

export const logFields = {
  kind: z.enum(logKinds),
  occurredAt: isoInstant.optional(),
  sourceUnit: optLine(80),
  sourcePerson: optLine(40),
  sourcePhone: phone,
  summary: text(200),
  detail: optText(5000),
};
export const logFollowUp = {
  reportedTo: optText(500),
  proposal: optText(2000),
  instruction: optText(2000),
  outcome: optText(2000),
  handler: optLine(40),
  handledAt: isoInstant.nullish().transform((v) => v ?? null),
};

/** One duty day's log as the paper logbook shows it (值班记录): who was on duty, every entry, the incidents. */
export interface LogBook {
  unitName: string;
  dutyPhone: string | null;
  timeZone: string;
  dutyDate: string;
  day: DayInfo;
  /** The duty day's window: from the handover (08:30) to the next (UTC ISO). */
  startsAt: string;
  endsAt: string;
  /** Who was on duty by the published roster (empty when none was published). */
  shifts: DutyShift[];
  /** Every entry of the duty day, oldest first, voided ones included (marked). */
  entries: LogEntry[];
  /** Incidents learned of during the duty day. */
  incidents: IncidentSummary[];
}

/** The longest range one log export covers (a year, leap day included). */
export const logExportMaxDays = 366;

export const logMethods = {
  // ── duty log
  'log.create': method<LogEntry>()({
    input: z.object({ ...logFields, incidentId: id.optional() }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'log.update': method<LogEntry>()({
    input: z
      .object({ id, expectedVersion: z.number().int().min(1), reason, ...logFields, ...logFollowUp })
      .partial({
        kind: true,
        summary: true,
        sourceUnit: true,
        sourcePerson: true,
        sourcePhone: true,
        detail: true,
        reportedTo: true,
        proposal: true,
        instruction: true,
        outcome: true,
        handler: true,
        handledAt: true,
      })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'log.void': method<LogEntry>()({ input: z.object({ id, reason }).strict(), access: officers, kind: 'mutation' }),
  'log.list': method<{ dutyDate: string | null; entries: LogEntry[] }>()({
    input: z
      .object({
        /** A duty day; omitted (with no range) = the current duty day. */
        dutyDate: isoDate.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        kind: z.enum(logKinds).optional(),
        query: str().trim().max(60).optional(),
        includeVoided: z.boolean().optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    access: 'session',
    kind: 'query',
  }),
  'log.get': method<LogEntry>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  'log.book': method<LogBook>()({ input: z.object({ dutyDate: isoDate }).strict(), access: 'session', kind: 'query' }),
  'log.exportXlsx': method<ExportedFile>()({
    input: z
      .object({ from: isoDate, to: isoDate, kind: z.enum(logKinds).optional(), query: str().trim().max(60).optional() })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'dateRange', path: ['to'] }),
    access: 'session',
    kind: 'query',
  }),
  'log.history': method<LogEntryVersion[]>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
} as const;
