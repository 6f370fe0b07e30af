/**
 * The hub console's API: the same renderer in hub mode calls these methods
 * on the hub (`POST /api/<method>`, answers `ApiResult` like the desk's
 * host). Roles at the hub: 上级管理员 hub admin, 上级值班员 hub officer,
 * 领导 read-only leader.
 */
import { z } from 'zod';
import { empty, isoDate, text } from './contract/common';
import { method, type MethodSpec } from './contract/define';
import type { DutyReportFact, CheckAnswerFact } from './hub-protocol';
import { deskIdSchema } from './hub-protocol';

export const hubRoles = ['admin', 'officer', 'leader'] as const;
export type HubRole = (typeof hubRoles)[number];

export interface HubUser {
  login: string;
  displayName: string;
  role: HubRole;
}

export interface HubStatus {
  mode: 'hub';
  hubName: string;
  timeZone: string;
  now: string;
  /** False until the first user is created (`npm run hub -- user …`). */
  hasUsers: boolean;
}

export type HubCheckOutcome = 'onTime' | 'late' | 'missed' | 'waiting';

export interface HubCheckResult {
  version: number;
  deskId: string;
  sentAt: string;
  limitSeconds: number;
  outcome: HubCheckOutcome;
  answer: CheckAnswerFact | null;
}

export interface HubBoardDesk {
  deskId: string;
  unitName: string;
  enrolledAt: string;
  revoked: boolean;
  online: boolean;
  lastSeenAt: string | null;
  headSeq: number;
  lastAt: string | null;
  lastAction: string | null;
  duty: (DutyReportFact & { reportedAt: string }) | null;
  /** The daily or zero report for the board's date: filed on time, late, drafted but not sent, or missing. */
  dailyReport: { state: 'filed' | 'late' | 'drafted' | 'missing'; kind: 'daily' | 'zero' | null; sentAt: string | null };
  checks: HubCheckResult[];
  noticesOpen: number;
  incidentsOpen: number;
}

export interface HubBoard {
  date: string;
  desks: HubBoardDesk[];
  /** Views not built yet on the stream (none left). */
  pending: string[];
}

export interface HubCount {
  /** 批 */
  batches: number;
  /** 人次 */
  personTimes: number;
}

export interface HubPetitionRow {
  /** 上访 per level: district 到区, city 到市, province 赴省, beijing 进京. */
  byLevel: Record<'district' | 'city' | 'province' | 'beijing', HubCount>;
  visits: HubCount;
  total: HubCount;
  byCategory: Record<string, HubCount>;
}

export interface HubPetitionTotals {
  from: string;
  to: string;
  desks: (HubPetitionRow & { deskId: string; unitName: string })[];
  /** The district: every desk's petitions added up. */
  district: HubPetitionRow;
}

export interface HubCheckMonth {
  month: string;
  /** Per desk; `missed` (漏岗) counts checks not answered within the limit, late answers included. */
  rows: { deskId: string; unitName: string; sent: number; onTime: number; late: number; missed: number; meanSeconds: number | null }[];
  checks: HubCheckResult[];
}

export interface HubIncidentRow {
  deskId: string;
  unitName: string;
  incidentId: string;
  no: string | null;
  title: string;
  category: string;
  level: number;
  learnedAt: string;
  location: string | null;
  status: string;
  reports: { title: string | null; sentAt: string; late: boolean }[];
  late: boolean;
}

export interface HubSentNotice {
  version: number;
  kind: 'notice' | 'holiday';
  title: string;
  sentAt: string;
  sentBy: string;
  year: number | null;
  desks: { deskId: string; unitName: string; received: string | null; handled: string | null; handledBy: string | null; declined: boolean }[];
}

export interface HubSentRules {
  version: number;
  title: string;
  sentAt: string;
  sentBy: string;
  mode: 'clock' | 'handover';
  cutoffMinutes: number;
  zeroWording: string | null;
  /** Each target desk: received, applied (handled) or declined — from its stream. */
  desks: HubSentNotice['desks'];
}

const deskTargets = z.array(deskIdSchema).min(1).max(5000).nullable();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/u, { message: 'date' });

export const hubConsoleMethods = {
  'hub.status': method<HubStatus>()({ input: empty, access: 'public', kind: 'query' }),
  'hub.login': method<{ sessionId: string; user: HubUser }>()({
    input: z.object({ login: text(64), password: z.string().min(1).max(200) }).strict(),
    access: 'public',
    kind: 'mutation',
  }),
  'hub.session': method<HubUser | null>()({ input: empty, access: 'public', kind: 'query' }),
  'hub.logout': method<null>()({ input: empty, access: 'session', kind: 'mutation' }),
  'hub.board': method<HubBoard>()({ input: z.object({ date: isoDate }).strict(), access: 'session', kind: 'query' }),
  'hub.incidents': method<HubIncidentRow[]>()({ input: z.object({ from: isoDate, to: isoDate }).strict(), access: 'session', kind: 'query' }),
  /** Petitions across desks in 批/人次, by level and category, received in [from, to]. */
  'hub.petitions': method<HubPetitionTotals>()({
    input: z
      .object({ from: isoDate, to: isoDate })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'dateRange', path: ['to'] }),
    access: 'session',
    kind: 'query',
  }),
  'hub.checkMonth': method<HubCheckMonth>()({ input: z.object({ month }).strict(), access: 'session', kind: 'query' }),
  'hub.sendCheck': method<{ version: number }>()({
    input: z.object({ deskIds: deskTargets, limitSeconds: z.number().int().min(10).max(3600).optional() }).strict(),
    access: ['admin', 'officer'],
    kind: 'mutation',
  }),
  'hub.notices': method<HubSentNotice[]>()({ input: z.object({ kind: z.enum(['notice', 'holiday']) }).strict(), access: 'session', kind: 'query' }),
  'hub.sendNotice': method<{ version: number }>()({
    input: z.object({ title: text(200), body: z.string().trim().max(10_000), deskIds: deskTargets }).strict(),
    access: ['admin', 'officer'],
    kind: 'mutation',
  }),
  'hub.sendHoliday': method<{ version: number; days: number }>()({
    input: z.object({ year: z.number().int().min(2000).max(2100), title: text(200), text: z.string().trim().min(1).max(20_000), deskIds: deskTargets }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  /** Report rules sent down (daily-report deadline, period, zero-report wording), with each desk's receipt and decision. */
  'hub.reportRules': method<HubSentRules[]>()({ input: empty, access: 'session', kind: 'query' }),
  'hub.sendReportRules': method<{ version: number }>()({
    input: z
      .object({
        title: text(200),
        mode: z.enum(['clock', 'handover']),
        cutoffMinutes: z.number().int().min(0).max(1439),
        zeroWording: z.string().trim().min(1).max(500).nullable(),
        deskIds: deskTargets,
      })
      .strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'hub.createCode': method<{ code: string; expiresAt: string }>()({
    input: z.object({ unitHint: z.string().trim().max(100).nullable() }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
} as const satisfies Record<string, MethodSpec>;

export type HubMethodName = keyof typeof hubConsoleMethods;
export type HubInput<M extends HubMethodName> = z.input<(typeof hubConsoleMethods)[M]['input']>;
export type HubOutput<M extends HubMethodName> = (typeof hubConsoleMethods)[M] extends MethodSpec<z.ZodType, infer O> ? O : never;
