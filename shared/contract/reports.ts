/**
 * API methods of the daily report (值班日报) and the zero report (零报告), and
 * their weekly and monthly roll-ups (值班周报 / 月报).
 *
 * A report is drafted from the period's record (拟稿), reviewed by the leader
 * (审核) and sent (报送, recipient, method and time). Its deadline is kept
 * with it: a report sent after it is late, forever.
 */
import { z } from 'zod';
import type { AttendanceState } from '../domain/attendance';
import { dailyReportModes, type DailyReportRules } from '../domain/daily-report';
import type { IncidentLevel, IncidentStatus } from '../domain/incident';
import { reportMethods, type ReportMethod } from '../domain/incident';
import type { LogKind } from '../domain/log';
import { empty, id, isoDate, isoInstant, officers, optText, reason, text, type ExportedFile } from './common';
import { method } from './define';
import type { HandoverState } from './handover';
import type { OpenInstruction } from './leader';

/**
 * A section another domain adds to the report (petitions, supervised items …):
 * a title, rows of label and value, and how many of its items are reportable
 * (any makes the day "有事": no zero report). Texts are i18n keys with params.
 */
export interface ReportValue {
  key: string;
  params: Record<string, number>;
}

export interface ReportSection {
  key: string;
  titleKey: string;
  /** A value is a number, a text (names, numbers), or a message to translate (counts in words: 2批23人次 / 2 batches, 23 person-times). */
  rows: { labelKey: string; params?: Record<string, string | number>; value: number | string | ReportValue }[];
  /** How many of the items make the day "有事" (none: a zero report is still possible). */
  reportable: number;
  /** The 数量 the report's table shows (how many there were); defaults to `reportable`. */
  count?: number;
}

export const incidentReportStates = ['onTime', 'late', 'pending', 'noDeadline', 'notReported'] as const;
export type IncidentReportState = (typeof incidentReportStates)[number];

export interface DailyReportStats {
  periodStart: string;
  periodEnd: string;
  logCounts: Partial<Record<LogKind, number>>;
  logTotal: number;
  incidents: {
    id: number;
    no: string;
    title: string;
    level: IncidentLevel;
    status: IncidentStatus;
    learnedAt: string;
    reports: number;
    lateReports: number;
    openDeadlines: number;
    /**
     * late (a report late or a deadline passed unmet), pending (a deadline still open), on time (every deadline met in
     * time), and where no deadline ever applied: noDeadline (reported; 无时限) or notReported (未报告, no deadline).
     */
    reportState: IncidentReportState;
  }[];
  incidentReports: number;
  escalations: { started: number; acknowledged: number; pending: number };
  presence: { received: number; made: number; answered: number; missed: number; left: number };
  attendance: Partial<Record<AttendanceState, number>>;
  /** Each shift change handing over in the period (one per duty day with the default 24-hour shift). */
  handovers: { dutyDate: string; shiftId: number; shiftName: string; handoverAt: string; state: HandoverState | 'none'; outgoing: string | null; incoming: string | null }[];
  instructions: { total: number; pending: number; inProgress: number; done: number; items: OpenInstruction[] };
  sections: ReportSection[];
  zero: boolean;
}

export type DailyReportKind = 'daily' | 'zero';
export type DailyReportState = 'draft' | 'reviewed' | 'sent';

export interface DailyReport {
  id: number;
  reportDate: string;
  version: number;
  kind: DailyReportKind;
  state: DailyReportState;
  periodStart: string;
  periodEnd: string;
  dueAt: string;
  summary: string;
  stats: DailyReportStats;
  draftedBy: string;
  draftedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  recipient: string | null;
  method: ReportMethod | null;
  sentAt: string | null;
  sentBy: string | null;
  late: boolean | null;
  updatedAt: string;
  updatedBy: string;
  voided: boolean;
  voidReason: string | null;
}

export interface DailyReportView {
  now: string;
  date: string;
  periodStart: string;
  periodEnd: string;
  dueAt: string;
  /** Not sent and past its deadline. */
  overdue: boolean;
  record: DailyReport | null;
  /** Voided earlier reports of the same date (their lateness stays visible). */
  voided: DailyReport[];
  live: DailyReportStats;
  suggestedSummary: string;
  rules: DailyReportRules;
  unitName: string;
  timeZone: string;
}

export interface DailyReportDay {
  date: string;
  dueAt: string;
  state: DailyReportState | 'none';
  kind: DailyReportKind | null;
  sentAt: string | null;
  late: boolean | null;
  overdue: boolean;
}

export interface DailyReportRollup {
  from: string;
  to: string;
  unitName: string;
  timeZone: string;
  stats: DailyReportStats;
  days: DailyReportDay[];
}

const dateRange = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'dateRange', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 366 * 86_400_000, { message: 'rangeTooLong', path: ['to'] });

export const dailyReportRulesSchema = z
  .object({
    mode: z.enum(dailyReportModes),
    cutoffMinutes: z.number().int().min(0).max(1439),
    recipient: text(80),
    zeroWording: text(500).nullable().optional(),
  })
  .strict();

export const dailyReportMethods = {
  'dailyReport.get': method<DailyReportView>()({ input: z.object({ date: isoDate.optional() }).strict(), access: 'session', kind: 'query' }),
  'dailyReport.draft': method<DailyReport>()({
    input: z.object({ date: isoDate, summary: optText(8000) }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'dailyReport.update': method<DailyReport>()({
    input: z.object({ id, expectedVersion: z.number().int().min(1), summary: text(8000), refresh: z.boolean().optional(), reason: optText(500) }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'dailyReport.review': method<DailyReport>()({
    input: z.object({ id, expectedVersion: z.number().int().min(1), note: optText(500) }).strict(),
    access: ['leader', 'admin'],
    kind: 'mutation',
  }),
  'dailyReport.send': method<DailyReport>()({
    input: z
      .object({ id, expectedVersion: z.number().int().min(1), recipient: text(80), method: z.enum(reportMethods), sentAt: isoInstant.optional() })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'dailyReport.void': method<DailyReport>()({ input: z.object({ id, reason }).strict(), access: ['leader', 'admin'], kind: 'mutation' }),
  'dailyReport.list': method<DailyReportDay[]>()({ input: dateRange, access: 'session', kind: 'query' }),
  'dailyReport.rollup': method<DailyReportRollup>()({ input: dateRange, access: 'session', kind: 'query' }),
  'dailyReport.exportXlsx': method<ExportedFile>()({ input: dateRange, access: 'session', kind: 'query' }),
  'dailyReport.rules': method<DailyReportRules>()({ input: empty, access: 'session', kind: 'query' }),
  'dailyReport.setRules': method<DailyReportRules>()({ input: dailyReportRulesSchema, access: ['admin'], kind: 'mutation' }),
} as const;
