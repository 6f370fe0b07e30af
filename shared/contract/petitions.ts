/**
 * API methods of petitions (信访): the register with its petitioners, the
 * workflow under 信访工作条例 with its deadlines, 交办/转办, 督办, 回访,
 * leaders' cases (领导包案) and the statistics in 批 and 人次.
 *
 * ID numbers leave the core masked unless the caller's role may see them
 * (shared/domain/id-number.ts): on screen, in exports, in version history.
 */
import { z } from 'zod';
import { isValidIdNumber } from '../domain/id-number';
import {
  abnormalKinds,
  petitionForms,
  petitionLevels,
  type AbnormalKind,
  type Count,
  type PetitionDeadlineKind,
  type PetitionForm,
  type PetitionLevel,
  type PetitionLimits,
  type PetitionState,
} from '../domain/petition';
import { id, isoDate, isoInstant, officers, optText, phone, reason, text, type ExportedFile } from './common';
import { str } from './common';
import { method } from './define';

/** One stored version of a register record: what it held, why it changed, when and by whom. */
export interface RecordVersion<T> {
  version: number;
  data: T;
  reason: string | null;
  at: string;
  by: string;
}

export interface Petitioner {
  id: number;
  version: number;
  name: string;
  phone: string | null;
  /** Masked (440102********1234) unless the caller may see ID numbers. */
  idNumber: string | null;
  idNumberMasked: boolean;
  address: string | null;
  /** 重点人员 */
  keyPerson: boolean;
  /** How many petitions (not voided) name this person. */
  visits: number;
}

export interface PetitionFields {
  receivedAt: string;
  form: PetitionForm;
  /** Persons who came (a group of 23 is one petition of 23 persons). */
  persons: number;
  level: PetitionLevel;
  abnormal: boolean;
  abnormalKind: AbnormalKind | null;
  category: string;
  summary: string;
  demands: string | null;
  /** 包案领导 */
  leader: string | null;
  /** 责任单位 */
  unit: string | null;
  /** 属地 */
  locality: string | null;
}

/** A petitioner as a version of the petition names them (ID numbers never enter a petition's versions). */
export interface VersionPetitioner {
  id: number;
  name: string;
  representative: boolean;
}

/** What one version of a petition holds: its fields and, from the first edit on, who it names. */
export type PetitionVersionData = PetitionFields & { petitioners?: VersionPetitioner[] };

export interface PetitionDeadline {
  id: number;
  kind: PetitionDeadlineKind;
  startDate: string;
  dueDate: string;
  /** The instant the due date ends (midnight closing it, desk zone). */
  dueAt: string;
  metOn: string | null;
  /** Met after the due date, or still open after it: late, for good. */
  late: boolean;
  superseded: boolean;
  assignmentId: number | null;
}

export interface PetitionStep {
  id: number;
  step: string;
  onDate: string;
  text: string | null;
  days: number | null;
  inTime: boolean | null;
  at: string;
  by: string;
}

export interface PetitionAssignment {
  id: number;
  kind: 'assign' | 'transfer';
  unit: string;
  assignedOn: string;
  dueDate: string | null;
  note: string | null;
  doneOn: string | null;
  result: string | null;
  by: string;
}

export interface PetitionAction {
  id: number;
  kind: 'supervise' | 'followup' | 'caseNote';
  onDate: string;
  text: string;
  byName: string | null;
  satisfied: boolean | null;
  at: string;
  by: string;
}

/** 五包: what a leader owning a case answers for. */
export const caseDuties = ['grasp', 'educate', 'solve', 'stabilise', 'lawful'] as const;
export type CaseDuty = (typeof caseDuties)[number];

export interface PetitionCase {
  leader: string;
  duties: CaseDuty[];
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  closingNote: string | null;
}

export interface Petition extends PetitionFields {
  id: number;
  /** 信访编号: XF2026-0001. */
  no: string;
  version: number;
  receivedDate: string;
  state: PetitionState;
  group: boolean;
  /** One of its petitioners came before. */
  repeat: boolean;
  petitioners: (Petitioner & { representative: boolean })[];
  /** The next open deadline (soonest), if any. */
  nextDeadline: PetitionDeadline | null;
  lateCount: number;
  fromLogEntryId: number | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  voided: boolean;
  voidReason: string | null;
}

export interface PetitionDetail extends Petition {
  deadlines: PetitionDeadline[];
  steps: PetitionStep[];
  assignments: PetitionAssignment[];
  actions: PetitionAction[];
  case: PetitionCase | null;
}

export interface PetitionStatsBlock {
  from: string;
  to: string;
  byLevel: Record<PetitionLevel, Count>;
  byForm: Record<PetitionForm, Count>;
  byCategory: Record<string, Count>;
  visits: Count;
  total: Count;
  group: Count;
  abnormal: Count;
  repeat: Count;
}

export interface PetitionStats {
  unitName: string;
  deskLevel: PetitionLevel;
  /** Levels shown (the desk's own and above). */
  levels: PetitionLevel[];
  categories: string[];
  /** The period's name when it is a sensitive period (两会, 国庆 …). */
  periodName: string | null;
  current: PetitionStatsBlock;
  /** 环比: the period just before. */
  previous: PetitionStatsBlock;
  /** 同比: the same period a year earlier. */
  lastYear: PetitionStatsBlock;
  cases: { open: number; closed: number };
  supervised: number;
  followups: number;
  generatedAt: string;
}

export interface SensitivePeriod {
  name: string;
  from: string;
  to: string;
}

export interface PetitionSettings {
  /** The desk's own level: the lowest it records (a district desk: 到区). */
  deskLevel: PetitionLevel;
  categories: string[];
  sensitivePeriods: SensitivePeriod[];
  limits: PetitionLimits;
}

const dayLimit = z.number().int().min(1).max(365);
export const petitionSettingsSchema = z
  .object({
    deskLevel: z.enum(petitionLevels),
    categories: z.array(text(20)).min(1).max(60),
    sensitivePeriods: z
      .array(z.object({ name: text(30), from: isoDate, to: isoDate }).strict().refine((p) => p.from <= p.to, { message: 'dateRange', path: ['to'] }))
      .max(100),
    limits: z
      .object({
        acceptDays: dayLimit,
        concludeDays: dayLimit,
        maxExtensionDays: dayLimit,
        reviewRequestDays: dayLimit,
        reviewAnswerDays: dayLimit,
        recheckRequestDays: dayLimit,
        recheckAnswerDays: dayLimit,
      })
      .strict(),
  })
  .strict();

/** A resident ID number: 18 characters with a valid check character; x is upper-cased. */
export const idNumber = str()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => s === '' || isValidIdNumber(s), { message: 'idNumber' })
  .nullish()
  .transform((v) => (v ? v : null));

export const petitionerInput = z.union([
  z.object({ petitionerId: id, representative: z.boolean().optional() }).strict(),
  z
    .object({
      name: text(40),
      phone,
      idNumber,
      address: optText(200),
      keyPerson: z.boolean().optional(),
      representative: z.boolean().optional(),
    })
    .strict(),
]);

const petitionFields = {
  receivedAt: isoInstant.optional(),
  form: z.enum(petitionForms),
  persons: z.number().int().min(1).max(100_000),
  level: z.enum(petitionLevels),
  abnormal: z.boolean().optional(),
  abnormalKind: z.enum(abnormalKinds).nullish(),
  category: text(20),
  summary: text(500),
  demands: optText(2000),
  leader: optText(40),
  unit: optText(80),
  locality: optText(80),
};

const listFilter = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  state: z.enum(['open', 'all', 'overdue']).optional(),
  level: z.enum(petitionLevels).optional(),
  query: str().trim().max(40).optional(),
  fromLogEntryId: id.optional(),
};

const onDate = isoDate.optional();
export const petitionStepInput = z.discriminatedUnion('step', [
  z.object({ id, step: z.literal('accept'), on: onDate, text: optText(500) }).strict(),
  z.object({ id, step: z.literal('reject'), on: onDate, text: reason }).strict(),
  z.object({ id, step: z.literal('startHandling'), on: onDate, text: optText(500) }).strict(),
  z.object({ id, step: z.literal('extend'), days: z.number().int().min(1).max(365), text: reason }).strict(),
  z.object({ id, step: z.literal('conclude'), on: onDate, text: text(2000), answerReceivedOn: onDate }).strict(),
  z.object({ id, step: z.literal('requestReview'), on: onDate, text: optText(1000) }).strict(),
  z.object({ id, step: z.literal('answerReview'), on: onDate, text: text(2000), answerReceivedOn: onDate }).strict(),
  z.object({ id, step: z.literal('requestRecheck'), on: onDate, text: optText(1000) }).strict(),
  z.object({ id, step: z.literal('answerRecheck'), on: onDate, text: text(2000) }).strict(),
]);
export type PetitionStepInput = z.output<typeof petitionStepInput>;

const periodInput = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'dateRange', path: ['to'] });

export const petitionsMethods = {
  'petitions.create': method<Petition>()({
    input: z
      .object({ ...petitionFields, petitioners: z.array(petitionerInput).max(50), fromLogEntryId: id.optional() })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'petitions.update': method<Petition>()({
    input: z
      .object({ ...petitionFields })
      .partial()
      .extend({ id, expectedVersion: z.number().int().min(1), reason })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'petitions.void': method<Petition>()({ input: z.object({ id, reason }).strict(), access: officers, kind: 'mutation' }),
  'petitions.get': method<PetitionDetail>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  'petitions.list': method<Petition[]>()({
    input: z.object({ ...listFilter, limit: z.number().int().min(1).max(2000).optional() }).strict(),
    access: 'session',
    kind: 'query',
  }),
  'petitions.history': method<RecordVersion<PetitionVersionData>[]>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  /** Who the petition names: petitioners added (new or found), removed, made representatives — a new version, with a reason. */
  'petitions.setPetitioners': method<PetitionDetail>()({
    input: z
      .object({ id, expectedVersion: z.number().int().min(1), petitioners: z.array(petitionerInput).max(50), reason })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'petitions.step': method<PetitionDetail>()({ input: petitionStepInput, access: officers, kind: 'mutation' }),
  'petitions.assign': method<PetitionDetail>()({
    input: z
      .object({ id, kind: z.enum(['assign', 'transfer']), unit: text(80), on: onDate, dueDate: isoDate.nullish(), note: optText(500) })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'petitions.assignmentDone': method<PetitionDetail>()({
    input: z.object({ assignmentId: id, on: onDate, result: text(1000) }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'petitions.action': method<PetitionDetail>()({
    input: z
      .object({
        id,
        kind: z.enum(['supervise', 'followup', 'caseNote']),
        on: onDate,
        text: text(2000),
        byName: optText(40),
        satisfied: z.boolean().nullish(),
      })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'petitions.setCase': method<PetitionDetail>()({
    input: z.object({ id, leader: text(40), duties: z.array(z.enum(caseDuties)).max(caseDuties.length), reason: optText(500) }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'petitions.closeCase': method<PetitionDetail>()({
    input: z.object({ id, note: text(1000) }).strict(),
    access: ['leader', 'admin'],
    kind: 'mutation',
  }),
  'petitions.stats': method<PetitionStats>()({ input: periodInput, access: 'session', kind: 'query' }),
  'petitions.statsXlsx': method<ExportedFile>()({ input: periodInput, access: 'session', kind: 'query' }),
  'petitions.exportXlsx': method<ExportedFile>()({ input: periodInput, access: 'session', kind: 'query' }),
  'petitioners.search': method<Petitioner[]>()({
    input: z.object({ query: str().trim().min(1).max(40) }).strict(),
    access: 'session',
    kind: 'query',
  }),
  'petitioners.update': method<Petitioner>()({
    input: z
      .object({ name: text(40), phone, idNumber, address: optText(200), keyPerson: z.boolean() })
      .partial()
      .extend({ id, expectedVersion: z.number().int().min(1), reason })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'petitions.settings': method<PetitionSettings>()({ input: z.object({}).strict(), access: 'session', kind: 'query' }),
  'petitions.setSettings': method<PetitionSettings>()({ input: petitionSettingsSchema, access: ['admin'], kind: 'mutation' }),
} as const;
