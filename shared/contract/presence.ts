/**
 * API methods of presence checks (查岗): checks this desk received from the
 * superior office and checks it made on subordinate units — a register,
 * versioned, voided with a reason, with monthly statistics.
 */
import { z } from 'zod';
import { id, isoDate, isoInstant, officers, optText, reason, type ExportedFile } from './common';
import { method } from './define';
import { monthSchema } from './attendance';

export const presenceDirections = ['received', 'made'] as const;
export type PresenceDirection = (typeof presenceDirections)[number];
export const presenceMethods_ = ['phone', 'video', 'onSite'] as const;
export type PresenceMethod = (typeof presenceMethods_)[number];
/** 在岗 / 漏岗 (nobody answered or nobody at post) / 脱岗 (the person on duty had left). */
export const postStates = ['atPost', 'missed', 'left'] as const;
export type PostState = (typeof postStates)[number];

export interface PresenceContent {
  direction: PresenceDirection;
  at: string;
  dutyDate: string;
  method: PresenceMethod;
  /** Received: who checked (unit and person); made: our officer who checked. */
  checker: string | null;
  /** Made: the unit checked (a contact of the directory) and its name as recorded. */
  unitContactId: number | null;
  unitName: string | null;
  answered: boolean;
  rings: number | null;
  answerSeconds: number | null;
  answeredBy: string | null;
  /** Received: were our officer and leader at post. */
  officerAtPost: boolean | null;
  leaderAtPost: boolean | null;
  /** Made: the unit's state. */
  postState: PostState | null;
  followUp: string | null;
  note: string | null;
}

export interface PresenceCheck extends PresenceContent {
  id: number;
  version: number;
  logEntryId: number | null;
  recordedBy: string;
  recordedAt: string;
  updatedBy: string;
  updatedAt: string;
  voided: boolean;
  voidReason: string | null;
}

export interface PresenceVersion {
  version: number;
  check: PresenceContent;
  reason: string | null;
  at: string;
  by: string;
}

export interface PresenceStats {
  month: string;
  unitName: string;
  timeZone: string;
  received: { total: number; answered: number; officerAbsent: number; leaderAbsent: number };
  made: { total: number; units: number; answered: number; answerRate: number | null; missed: number; left: number };
  byUnit: { unitName: string; checks: number; answered: number; answerRate: number | null; missed: number; left: number }[];
  checks: PresenceCheck[];
}

const fields = {
  direction: z.enum(presenceDirections),
  at: isoInstant.optional(),
  method: z.enum(presenceMethods_),
  checker: optText(80),
  unitContactId: id.nullish().transform((v) => v ?? null),
  unitName: optText(80),
  answered: z.boolean(),
  rings: z.number().int().min(0).max(99).nullish().transform((v) => v ?? null),
  answerSeconds: z.number().int().min(0).max(3600).nullish().transform((v) => v ?? null),
  answeredBy: optText(40),
  officerAtPost: z.boolean().nullish().transform((v) => v ?? null),
  leaderAtPost: z.boolean().nullish().transform((v) => v ?? null),
  postState: z.enum(postStates).nullish().transform((v) => v ?? null),
  followUp: optText(1000),
  note: optText(1000),
};

export const presenceMethods = {
  'presence.create': method<PresenceCheck>()({
    input: z.object({ ...fields, logEntryId: id.optional() }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'presence.update': method<PresenceCheck>()({
    input: z
      .object({ id, expectedVersion: z.number().int().min(1), reason, ...fields })
      .partial({ direction: true, method: true, answered: true, checker: true, unitContactId: true, unitName: true, rings: true, answerSeconds: true, answeredBy: true, officerAtPost: true, leaderAtPost: true, postState: true, followUp: true, note: true })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'presence.void': method<PresenceCheck>()({ input: z.object({ id, reason }).strict(), access: officers, kind: 'mutation' }),
  'presence.list': method<PresenceCheck[]>()({
    input: z.object({ from: isoDate, to: isoDate, direction: z.enum(presenceDirections).optional() }).strict(),
    access: 'session',
    kind: 'query',
  }),
  'presence.history': method<PresenceVersion[]>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  'presence.stats': method<PresenceStats>()({ input: z.object({ month: monthSchema }).strict(), access: 'session', kind: 'query' }),
  'presence.exportXlsx': method<ExportedFile>()({ input: z.object({ month: monthSchema }).strict(), access: 'session', kind: 'query' }),
} as const;
