/**
 * API methods of incidents (突发事件) and their report chain (首报 → 续报 → 终报).
 *
 * incident.*   incidents: versioned, graded, instructions, attachments
 * report.*     the report chain and its deadline rules
 * (log.* is in ./log.ts; escalation.* and due.* in ./escalation.ts)
 */
import { officers } from './common';
import { line, optLine } from './common';
import { str } from './common';
import { Escalation } from './escalation';
import { LogEntry } from './log';
import { z } from 'zod';
import type { DeadlineBasis, DeadlineKind, DeadlineState, ReportRules } from '../domain/deadline';
import { accidentRoles, nationalAccidentRule } from '../domain/deadline';
import { type ContactMethod, type EscalationTarget } from '../domain/escalation';
import type { GradingBasis } from '../domain/grading';
import type { IncidentCategory, IncidentLevel, IncidentStatus, IncidentSubType, ReportKind, ReportMethod } from '../domain/incident';
import { allSubTypes, incidentCategories, incidentStatuses, reportKinds, reportMethods } from '../domain/incident';
import type { ReportableIncident } from '../domain/incident-report';
import { type LogKind } from '../domain/log';
import { empty, id, isoDate, isoInstant, optText, reason, text, type ExportedFile } from './common';
import { method } from './define';

// ───────────────────────── duty log ─────────────────────────
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
  /** The rule that set it (null on deadlines made before rules were labelled). */
  basis: DeadlineBasis | null;
  metAt: string | null;
  metByReportId: number | null;
  state: DeadlineState;
  createdAt: string;
}

/**
 * The deadlines today's rules would give an open incident, where they differ
 * from the ones it has (the rules changed after it was learned of).
 */
export interface DeadlineDrift {
  current: { kind: DeadlineKind; dueAt: string | null; basis: DeadlineBasis | null }[];
  proposed: { kind: DeadlineKind; dueAt: string | null; basis: DeadlineBasis | null }[];
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
  /** Set when the report rules changed since the deadlines were set and would now give others. */
  deadlineDrift: DeadlineDrift | null;
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

const count = z.number().int().min(0).max(100000);
const incidentFields = {
  title: line(120),
  category: z.enum(incidentCategories),
  subType: z.enum(allSubTypes as [IncidentSubType, ...IncidentSubType[]]),
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  occurredAt: isoInstant,
  learnedAt: isoInstant,
  location: optLine(200),
  unit: optLine(120),
  source: optLine(200),
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
const ruleMinutes = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60)
  .nullable();
export const accidentRuleSchema = z
  .object({ role: z.enum(accidentRoles), unitMinutes: ruleMinutes, levelMinutes: ruleMinutes })
  .strict();
export const reportRulesSchema = z
  .object({
    levels: z.array(levelRuleSchema).length(4),
    // Rules stored before the accident rule existed read with the Order 493 defaults.
    accident: accidentRuleSchema.default(nationalAccidentRule),
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
/** The 事件 page's filters (the list and its Excel ledger take the same). */
const incidentFilter = z
  .object({
    status: z.array(z.enum(incidentStatuses)).max(3).optional(),
    category: z.enum(incidentCategories).optional(),
    level: incidentFields.level.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    query: str().trim().max(60).optional(),
    limit: z.number().int().min(1).max(10000).optional(),
  })
  .strict();

export const incidentsMethods = {
  // ── duty log

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
    input: z.object({ incidentId: id, leaderName: line(40), text: text(2000), givenAt: isoInstant.optional() }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'incident.attach': method<Attachment>()({
    input: z
      .object({
        incidentId: id,
        name: line(200),
        mime: str().trim().min(1).max(100),
        /** File content, base64; at most 20 MB decoded. */
        dataBase64: str().max(Math.ceil(attachmentMaxBytes / 3) * 4 + 4),
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
        recipient: line(120),
        method: z.enum(reportMethods),
        sentAt: isoInstant.optional(),
        signedBy: optLine(40),
      })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'report.get': method<ReportPrint>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  'report.rules': method<ReportRules>()({ input: empty, access: 'session', kind: 'query' }),
  'report.setRules': method<ReportRules>()({ input: reportRulesSchema, access: ['admin'], kind: 'mutation' }),
  /** Open incidents whose deadlines today's rules would set differently. */
  'report.rulesDrift': method<{ id: number; no: string; title: string }[]>()({ input: empty, access: 'session', kind: 'query' }),
  'incident.reapplyDeadlines': method<IncidentDetail>()({
    input: z.object({ id, reason }).strict(),
    access: ['leader', 'admin'],
    kind: 'mutation',
  }),

  // ── escalation

  // ── due next
} as const;

export type {
    ContactMethod,
    EscalationTarget, IncidentCategory,
    IncidentLevel,
    IncidentStatus,
    IncidentSubType, LogKind, ReportKind,
    ReportMethod
};
