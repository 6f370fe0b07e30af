/**
 * API methods of the duty log and incidents (issue 4).
 *
 * log.*        duty log entries (值班记录): versioned, voided with reason, never deleted
 * incident.*   incidents (突发事件): versioned, graded, instructions, attachments
 * report.*     the report chain 首报 → 续报 → 终报, its deadline rules
 * escalation.* acknowledgement chain with its policy
 * due.*        every running countdown for the console
 */
import { z } from 'zod';
import { method } from './define';
import { empty, id, isoDate, isoInstant, optText, phone, reason, text, type ExportedFile } from './common';
import { incidentCategories, incidentStatuses, reportKinds, reportMethods, allSubTypes } from '../domain/incident';
import type { IncidentCategory, IncidentLevel, IncidentStatus, IncidentSubType, ReportKind, ReportMethod } from '../domain/incident';
import { logKinds, type LogKind } from '../domain/log';
import type { DeadlineKind, DeadlineState, ReportRules } from '../domain/deadline';
import {
  contactMethods,
  escalationTargets,
  type ContactMethod,
  type EscalationPolicy,
  type EscalationState,
  type EscalationTarget,
} from '../domain/escalation';
import type { GradingBasis } from '../domain/grading';
import type { DayInfo } from '../domain/calendar';
import type { DutyShift } from './roster';
import type { ReportableIncident } from '../domain/incident-report';

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
}

export interface LogEntryVersion {
  version: number;
  entry: Omit<LogEntry, 'voided' | 'voidReason' | 'voidedAt' | 'voidedBy' | 'incidentId'>;
  reason: string | null;
  at: string;
  by: string;
}

const logFields = {
  kind: z.enum(logKinds),
  occurredAt: isoInstant.optional(),
  sourceUnit: optText(80),
  sourcePerson: optText(40),
  sourcePhone: phone,
  summary: text(200),
  detail: optText(5000),
};
const logFollowUp = {
  reportedTo: optText(500),
  proposal: optText(2000),
  instruction: optText(2000),
  outcome: optText(2000),
  handler: optText(40),
  handledAt: isoInstant.nullish().transform((v) => v ?? null),
};

// ───────────────────────── incidents ─────────────────────────

/** An incident's own fields: the same shape the report templates read (first-report elements included). */
export type IncidentFields = ReportableIncident;

export interface Incident extends IncidentFields {
  id: number;
  /** Display number, e.g. 2026-0042. */
  no: string;
  version: number;
  status: IncidentStatus;
  /** The grade Order 493 suggests, when it applies. */
  suggestedLevel: IncidentLevel | null;
  suggestedBasis: GradingBasis[];
  /** Set when the level differs from the suggestion: who and why. */
  levelOverride: { by: string; reason: string; at: string } | null;
  fromLogEntryId: number | null;
  /** End of the 补报 window (Art. 13), when it applies. */
  supplementUntil: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface IncidentVersion {
  version: number;
  fields: IncidentFields;
  reason: string | null;
  at: string;
  by: string;
}

export interface Deadline {
  id: number;
  incidentId: number;
  kind: DeadlineKind;
  dueAt: string;
  metAt: string | null;
  metByReportId: number | null;
  state: DeadlineState;
  createdAt: string;
}

export interface Report {
  id: number;
  incidentId: number;
  kind: ReportKind;
  followupNo: number | null;
  /** 首报 / 续报一 / 终报 */
  title: string;
  content: string;
  recipient: string;
  method: ReportMethod;
  sentAt: string;
  signedBy: string | null;
  recordedAt: string;
  recordedBy: string;
  /** The incident version the report describes. */
  incidentVersion: number;
  /** Deadlines this report met, frozen at filing: lateness is never recomputed away. */
  met: { kind: DeadlineKind; dueAt: string; late: boolean }[];
  late: boolean;
}

export interface EscalationContact {
  id: number;
  round: number;
  stepIndex: number;
  target: EscalationTarget;
  targetName: string | null;
  targetPhone: string | null;
  method: ContactMethod;
  at: string;
  note: string | null;
  by: string;
}

export interface Escalation {
  id: number;
  incidentId: number;
  policy: EscalationPolicy;
  startedAt: string;
  startedBy: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedVia: ContactMethod | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  state: Omit<EscalationState, 'stepStartedAt' | 'dueAt' | 'endsAt'> & { stepStartedAt: string; dueAt: string; endsAt: string };
  /** Who the current step should reach (resolved now). */
  currentTarget: { name: string | null; phone: string | null };
  contacts: EscalationContact[];
}

export interface Instruction {
  id: number;
  incidentId: number;
  leaderName: string;
  text: string;
  givenAt: string;
  recordedAt: string;
  recordedBy: string;
  escalationId: number | null;
}

export interface Attachment {
  id: number;
  incidentId: number;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  addedAt: string;
  addedBy: string;
  voided: boolean;
  voidReason: string | null;
}

export type TimelineItem =
  | { type: 'created'; at: string; by: string }
  | { type: 'edited'; at: string; by: string; version: number; reason: string | null; changed: string[] }
  | { type: 'status'; at: string; by: string; from: IncidentStatus; to: IncidentStatus; reason: string | null }
  | { type: 'report'; at: string; by: string; reportId: number; title: string; late: boolean }
  | { type: 'escalationStarted'; at: string; by: string; escalationId: number }
  | {
      type: 'contact';
      at: string;
      by: string;
      escalationId: number;
      target: EscalationTarget;
      targetName: string | null;
      method: ContactMethod;
    }
  | { type: 'acknowledged'; at: string; by: string; escalationId: number }
  | { type: 'escalationCancelled'; at: string; by: string; escalationId: number; reason: string | null }
  | { type: 'instruction'; at: string; by: string; leaderName: string; text: string }
  | { type: 'attachment'; at: string; by: string; name: string }
  | { type: 'logEntry'; at: string; by: string; entryId: number; summary: string };

export interface IncidentDetail {
  incident: Incident;
  versions: IncidentVersion[];
  reports: Report[];
  deadlines: Deadline[];
  escalations: Escalation[];
  instructions: Instruction[];
  attachments: Attachment[];
  logEntries: LogEntry[];
  timeline: TimelineItem[];
  nextReportKinds: ReportKind[];
}

export interface IncidentSummary {
  id: number;
  no: string;
  title: string;
  category: IncidentCategory;
  subType: IncidentSubType;
  level: IncidentLevel;
  status: IncidentStatus;
  occurredAt: string;
  learnedAt: string;
  deaths: number;
  missing: number;
  levelOverridden: boolean;
  reportCount: number;
  lateCount: number;
  /** The soonest unmet deadline, if any. */
  nextDeadline: { kind: DeadlineKind; dueAt: string; overdue: boolean } | null;
  /** Latest leader instruction. */
  lastInstruction: string | null;
}

export type DueItem =
  | {
      kind: 'report';
      id: string;
      incidentId: number;
      incidentNo: string;
      title: string;
      level: IncidentLevel;
      deadlineKind: DeadlineKind;
      dueAt: string;
      overdue: boolean;
    }
  | {
      kind: 'escalation';
      id: string;
      incidentId: number;
      incidentNo: string;
      title: string;
      level: IncidentLevel;
      escalationId: number;
      round: number;
      stepIndex: number;
      target: EscalationTarget;
      targetName: string | null;
      targetPhone: string | null;
      /** Exhausted escalations stay listed, overdue, until acknowledged or cancelled. */
      exhausted: boolean;
      dueAt: string;
      overdue: boolean;
    };

/**
 * What the lock and login screens may know without a session: that
 * countdowns exist and when they fall due — ids and times, no titles.
 */
export interface DuePending {
  items: { id: string; kind: DueItem['kind']; dueAt: string; overdue: boolean }[];
}

export interface DueList {
  now: string;
  items: DueItem[];
  /** Open incidents, with latest instruction, for the console. */
  openIncidents: IncidentSummary[];
}

const count = z.number().int().min(0).max(100000);
const incidentFields = {
  title: text(120),
  category: z.enum(incidentCategories),
  subType: z.enum(allSubTypes as [IncidentSubType, ...IncidentSubType[]]),
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  occurredAt: isoInstant,
  learnedAt: isoInstant,
  location: optText(200),
  unit: optText(120),
  source: optText(200),
  description: optText(10000),
  deaths: count,
  missing: count,
  seriousInjuries: count,
  injuries: count,
  directLossYuan: z.number().int().min(0).max(1e13),
  scope: optText(2000),
  trend: optText(2000),
  leadersOnSite: optText(2000),
  measures: optText(4000),
};

export const levelRuleSchema = z
  .object({
    level: incidentFields.level,
    phoneMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .nullable(),
    writtenMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .nullable(),
  })
  .strict();
export const reportRulesSchema = z
  .object({
    levels: z.array(levelRuleSchema).length(4),
    supplementDays: z.number().int().min(1).max(365),
    supplementDaysRoadFire: z.number().int().min(1).max(365),
    supplementDueMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  })
  .strict()
  .refine((r) => new Set(r.levels.map((l) => l.level)).size === 4, { message: 'custom', path: ['levels'] });

export const escalationPolicySchema = z
  .object({
    steps: z
      .array(
        z
          .object({
            target: z.enum(escalationTargets),
            waitMinutes: z
              .number()
              .int()
              .min(1)
              .max(24 * 60),
          })
          .strict(),
      )
      .min(1)
      .max(6),
    repeats: z.number().int().min(1).max(10),
  })
  .strict();

export interface EscalationSettings {
  policy: EscalationPolicy;
  /** 单位主要领导 (a person of the directory) for step `principalLeader`. */
  principalPersonId: number | null;
  /** 上级值班室 (a contact) for step `superiorOffice`. */
  superiorContactId: number | null;
}

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

export interface ReportPrint {
  report: Report;
  incident: IncidentFields & { no: string };
  unitName: string;
  dutyPhone: string | null;
  fax: string | null;
  timeZone: string;
}

/** Attachments are limited to 20 MB (base64 adds a third on the wire). */
export const attachmentMaxBytes = 20 * 1024 * 1024;

const officers = ['officer', 'leader', 'admin'] as const;

/** The 事件 page's filters (the list and its Excel ledger take the same). */
const incidentFilter = z
  .object({
    status: z.array(z.enum(incidentStatuses)).max(3).optional(),
    category: z.enum(incidentCategories).optional(),
    level: incidentFields.level.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    query: z.string().trim().max(60).optional(),
    limit: z.number().int().min(1).max(10000).optional(),
  })
  .strict();

export const incidentsMethods = {
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
        query: z.string().trim().max(60).optional(),
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
      .object({ from: isoDate, to: isoDate, kind: z.enum(logKinds).optional(), query: z.string().trim().max(60).optional() })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'dateRange', path: ['to'] }),
    access: 'session',
    kind: 'query',
  }),
  'log.history': method<LogEntryVersion[]>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),

  // ── incidents
  'incident.create': method<Incident>()({
    input: z
      .object({
        ...incidentFields,
        // Casualties and loss default to zero on create only (an update must not reset them).
        deaths: count.default(0),
        missing: count.default(0),
        seriousInjuries: count.default(0),
        injuries: count.default(0),
        directLossYuan: incidentFields.directLossYuan.default(0),
        fromLogEntryId: id.optional(),
        /** Required when the level differs from the Order 493 suggestion. */
        levelReason: reason.optional(),
      })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'incident.update': method<Incident>()({
    input: z
      .object(incidentFields)
      .omit({ level: true })
      .partial()
      .extend({ id, expectedVersion: z.number().int().min(1), reason })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'incident.setLevel': method<Incident>()({
    input: z.object({ id, level: incidentFields.level, reason }).strict(),
    access: ['leader', 'admin'],
    kind: 'mutation',
  }),
  'incident.setStatus': method<Incident>()({
    input: z.object({ id, status: z.enum(incidentStatuses), reason: reason.optional() }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'incident.list': method<IncidentSummary[]>()({
    input: incidentFilter,
    access: 'session',
    kind: 'query',
  }),
  'incident.exportXlsx': method<ExportedFile>()({
    input: incidentFilter,
    access: 'session',
    kind: 'query',
  }),
  'incident.get': method<IncidentDetail>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  'incident.addInstruction': method<Instruction>()({
    input: z.object({ incidentId: id, leaderName: text(40), text: text(2000), givenAt: isoInstant.optional() }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'incident.attach': method<Attachment>()({
    input: z
      .object({
        incidentId: id,
        name: text(200),
        mime: z.string().trim().min(1).max(100),
        /** File content, base64; at most 20 MB decoded. */
        dataBase64: z.string().max(Math.ceil(attachmentMaxBytes / 3) * 4 + 4),
      })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'incident.attachment': method<Attachment & { dataBase64: string }>()({
    input: z.object({ id }).strict(),
    access: 'session',
    kind: 'query',
  }),
  'incident.voidAttachment': method<Attachment>()({ input: z.object({ id, reason }).strict(), access: officers, kind: 'mutation' }),

  // ── reports
  'report.template': method<{ kind: ReportKind; title: string; content: string; recipient: string }>()({
    input: z.object({ incidentId: id, kind: z.enum(reportKinds) }).strict(),
    access: 'session',
    kind: 'query',
  }),
  'report.file': method<Report>()({
    input: z
      .object({
        incidentId: id,
        kind: z.enum(reportKinds),
        content: text(20000),
        recipient: text(120),
        method: z.enum(reportMethods),
        sentAt: isoInstant.optional(),
        signedBy: optText(40),
      })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'report.get': method<ReportPrint>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  'report.rules': method<ReportRules>()({ input: empty, access: 'session', kind: 'query' }),
  'report.setRules': method<ReportRules>()({ input: reportRulesSchema, access: ['admin'], kind: 'mutation' }),

  // ── escalation
  'escalation.start': method<Escalation>()({ input: z.object({ incidentId: id }).strict(), access: officers, kind: 'mutation' }),
  'escalation.contact': method<Escalation>()({
    input: z.object({ escalationId: id, method: z.enum(contactMethods), note: optText(500), at: isoInstant.optional() }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'escalation.acknowledge': method<Escalation>()({
    input: z
      .object({
        escalationId: id,
        /** Who acknowledged (name as said on the phone); defaults to the current step's person. */
        byName: optText(40),
        via: z.enum(contactMethods),
        at: isoInstant.optional(),
        /** The leader's instruction (批示), recorded on the incident. */
        instruction: optText(2000),
      })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'escalation.cancel': method<Escalation>()({ input: z.object({ escalationId: id, reason }).strict(), access: officers, kind: 'mutation' }),
  'escalation.settings': method<EscalationSettings>()({ input: empty, access: 'session', kind: 'query' }),
  'escalation.setSettings': method<EscalationSettings>()({
    input: z.object({ policy: escalationPolicySchema, principalPersonId: id.nullable(), superiorContactId: id.nullable() }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),

  // ── due next
  'due.list': method<DueList>()({ input: empty, access: 'session', kind: 'query' }),
  'due.pending': method<DuePending>()({ input: empty, access: 'public', kind: 'query' }),
} as const;

export type {
  LogKind,
  IncidentCategory,
  IncidentLevel,
  IncidentStatus,
  IncidentSubType,
  ReportKind,
  ReportMethod,
  ContactMethod,
  EscalationTarget,
};
