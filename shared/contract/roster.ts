/**
 * The roster: calendar (day types), shift templates, plans and versions,
 * generation, swaps, who is on duty, print and export.
 *
 * Admins plan and publish; leaders and officers read. Published versions are
 * immutable: amendments publish v2, v3 … with a change list.
 */
import { readers } from './common';
import { line } from './common';
import { str } from './common';
import { z } from 'zod';
import { type DayInfo, type DayType } from '../domain/calendar';
import type { FairnessRow, UnfilledSlot } from '../domain/roster-generate';
import type { Assignment, Conflict, RosterRules, ShiftTemplate, SlotKey, Unavailability } from '../domain/roster-rules';
import { dutyRoles } from '../roles';
import { empty, id, isoDate, optText, reason, text } from './common';
import { method } from './define';

export interface LeaveRecord extends Unavailability {
  id: number;
  personName: string;
  createdAt: string;
}

export const rosterPlanStates = ['draft', 'published', 'voided'] as const;
export type RosterPlanState = (typeof rosterPlanStates)[number];

export interface RosterPlan {
  id: number;
  title: string;
  from: string;
  to: string;
  notes: string | null;
  state: RosterPlanState;
  /** Latest published version; 0 before the first publication. */
  version: number;
  publishedAt: string | null;
  /** The working copy differs from the published version. */
  dirty: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RosterPerson {
  id: number;
  name: string;
  roles: string[];
  department: string | null;
  mobile: string | null;
  officePhone: string | null;
  active: boolean;
}

export interface RosterDetail {
  plan: RosterPlan;
  days: DayInfo[];
  shifts: ShiftTemplate[];
  slots: SlotKey[];
  /** The working copy (draft, or the published version plus pending edits). */
  assignments: Assignment[];
  conflicts: Conflict[];
  people: RosterPerson[];
  leave: LeaveRecord[];
  missingYears: number[];
}

export interface SlotChange extends SlotKey {
  from: number | null;
  to: number | null;
}

export interface RosterVersion {
  planId: number;
  version: number;
  publishedAt: string;
  publishedBy: string;
  reason: string | null;
  changes: SlotChange[];
}

export interface GenerateOutcome {
  detail: RosterDetail;
  unfilled: UnfilledSlot[];
  fairness: FairnessRow[];
}

export interface RosterPrintPerson {
  name: string;
  phone: string | null;
  /** 部门, for the multi-department grid (`?layout=departments`). */
  department?: string | null;
}

export interface RosterPrintRow {
  date: string;
  weekday: number;
  dayType: DayType;
  holidayName: string | null;
  shiftName: string;
  leader: RosterPrintPerson[];
  officer: RosterPrintPerson[];
  standby: RosterPrintPerson[];
}

export interface RosterPrintData {
  title: string;
  unitName: string;
  dutyPhone: string | null;
  fax: string | null;
  from: string;
  to: string;
  version: number;
  /** Date of issue (publication of this version), local date. */
  issuedOn: string | null;
  notes: string | null;
  /** More than one shift a day: one row per shift. */
  multiShift: boolean;
  rows: RosterPrintRow[];
}

export interface RosterFile {
  fileName: string;
  /** base64 of the file's bytes (xlsx) or the text itself (ics). */
  data: string;
  mime: string;
}

export interface RosterImportIssue {
  /** 1-based row in the sheet. */
  row: number;
  /** Column letter or header name; empty for the whole row. */
  column: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface RosterImportOutcome {
  ok: boolean;
  issues: RosterImportIssue[];
  /** Rows read (roster: duty days; people: persons). */
  rows: number;
  planId: number | null;
  peopleCreated: number;
}

export const swapKinds = ['swap', 'cover'] as const;
export type SwapKind = (typeof swapKinds)[number];
export const swapStates = ['requested', 'approved', 'rejected', 'cancelled'] as const;
export type SwapState = (typeof swapStates)[number];

export interface SwapRequest {
  id: number;
  planId: number;
  kind: SwapKind;
  /** A gives up dateA; in a swap A takes B's dateB. */
  personA: number;
  dateA: string;
  /** The other person: swaps with A, or covers A. */
  personB: number;
  dateB: string | null;
  reason: string;
  state: SwapState;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** Version published by the approval. */
  version: number | null;
  /** Hard-rule warnings the swap would cause (shown to the approver). */
  warnings: Conflict[];
}

const needSchema = z
  .object({ leader: z.number().int().min(0).max(3), officer: z.number().int().min(0).max(10), standby: z.number().int().min(0).max(5) })
  .strict();
const needsSchema = z.object({ workday: needSchema, weekend: needSchema, holiday: needSchema, makeup: needSchema }).strict();
const shiftFields = {
  name: line(20),
  startMinutes: z.number().int().min(0).max(1439),
  durationMinutes: z.number().int().min(30).max(1440),
  needs: needsSchema,
  sortOrder: z.number().int().min(0).max(1000).default(0),
};
const slotSchema = { planId: id, date: isoDate, shiftId: id, role: z.enum(dutyRoles), index: z.number().int().min(0).max(9) };
export const rosterRulesSchema = z
  .object({
    minRestDays: z.number().int().min(0).max(6),
    weights: z.object({ workday: z.number().min(0).max(10), weekend: z.number().min(0).max(10), holiday: z.number().min(0).max(10), makeup: z.number().min(0).max(10) }).strict(),
  })
  .strict();
/** Excel files up to 2 MB (as base64, ~2.7 MB of text). */
export const maxRosterImportBase64 = 2_800_000;
const base64 = str().max(maxRosterImportBase64).regex(/^[A-Za-z0-9+/=\r\n]*$/u);
export const rosterMethods = {
  'shifts.list': method<ShiftTemplate[]>()({ input: z.object({ includeInactive: z.boolean().optional() }).strict(), access: 'session', kind: 'query' }),
  'shifts.create': method<ShiftTemplate>()({ input: z.object(shiftFields).strict(), access: ['admin'], kind: 'mutation' }),
  'shifts.update': method<ShiftTemplate>()({
    input: z.object({ id, ...shiftFields, active: z.boolean().optional() }).partial({ sortOrder: true }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),

  'roster.rules': method<RosterRules>()({ input: empty, access: 'session', kind: 'query' }),
  'roster.setRules': method<RosterRules>()({ input: rosterRulesSchema, access: ['admin'], kind: 'mutation' }),
  'roster.leaveList': method<LeaveRecord[]>()({ input: z.object({ from: isoDate, to: isoDate }).strict(), access: readers, kind: 'query' }),
  'roster.addLeave': method<LeaveRecord>()({
    input: z.object({ personId: id, from: isoDate, to: isoDate, reason: text(100) }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'roster.voidLeave': method<null>()({ input: z.object({ id, reason }).strict(), access: ['admin'], kind: 'mutation' }),

  'roster.plans': method<RosterPlan[]>()({ input: z.object({ includeVoided: z.boolean().optional() }).strict(), access: readers, kind: 'query' }),
  'roster.createPlan': method<RosterPlan>()({
    input: z.object({ title: line(80), from: isoDate, to: isoDate, notes: optText(500) }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'roster.updatePlan': method<RosterPlan>()({
    input: z.object({ planId: id, title: line(80).optional(), notes: optText(500).optional() }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'roster.voidPlan': method<RosterPlan>()({ input: z.object({ planId: id, reason }).strict(), access: ['admin'], kind: 'mutation' }),
  'roster.get': method<RosterDetail>()({ input: z.object({ planId: id }).strict(), access: readers, kind: 'query' }),
  'roster.generate': method<GenerateOutcome>()({ input: z.object({ planId: id }).strict(), access: ['admin'], kind: 'mutation' }),
  'roster.assign': method<RosterDetail>()({
    input: z.object({ ...slotSchema, personId: id.nullable(), pinned: z.boolean().optional() }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'roster.publish': method<RosterPlan>()({
    input: z.object({ planId: id, reason: reason.optional(), acceptWarnings: z.boolean().optional() }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'roster.versions': method<RosterVersion[]>()({ input: z.object({ planId: id }).strict(), access: readers, kind: 'query' }),
  'roster.fairness': method<FairnessRow[]>()({ input: z.object({ planId: id }).strict(), access: readers, kind: 'query' }),
  'roster.printData': method<RosterPrintData>()({
    input: z.object({ planId: id, version: z.number().int().min(1).optional() }).strict(),
    access: readers,
    kind: 'query',
  }),
  'roster.exportXlsx': method<RosterFile>()({
    input: z.object({ planId: id, version: z.number().int().min(1).optional() }).strict(),
    access: readers,
    kind: 'query',
  }),
  'roster.exportIcs': method<RosterFile>()({
    input: z.object({ planId: id, personId: id.optional() }).strict(),
    access: readers,
    kind: 'query',
  }),
  'roster.importXlsx': method<RosterImportOutcome>()({
    input: z.object({ base64, kind: z.enum(['roster', 'people']), dryRun: z.boolean().optional() }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),

  'swaps.request': method<SwapRequest>()({
    input: z
      .object({ planId: id, kind: z.enum(swapKinds), personA: id, dateA: isoDate, personB: id, dateB: isoDate.nullish(), reason })
      .strict(),
    access: readers,
    kind: 'mutation',
  }),
  'swaps.list': method<SwapRequest[]>()({
    input: z.object({ planId: id.optional(), state: z.enum(swapStates).optional() }).strict(),
    access: readers,
    kind: 'query',
  }),
  'swaps.decide': method<SwapRequest>()({
    input: z.object({ id, approve: z.boolean(), note: optText(200) }).strict(),
    access: ['admin', 'leader'],
    kind: 'mutation',
  }),
  'swaps.cancel': method<SwapRequest>()({ input: z.object({ id, reason }).strict(), access: readers, kind: 'mutation' })
} as const;
