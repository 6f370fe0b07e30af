/**
 * API methods of the handover (交接班) and of the items carried from shift to
 * shift (待办事项 / 注意事项).
 *
 * States (DOMAIN §6): 草稿 → 已交班 → 已接班确认, or 有异议 (returned with a
 * note) back to the outgoing officer. Until the incoming officer confirms,
 * the outgoing shift stays responsible.
 */
import { z } from 'zod';
import type { LogKind } from '../domain/log';
import type { IncidentLevel, IncidentStatus } from '../domain/incident';
import type { DeadlineKind } from '../domain/deadline';
import type { EscalationTarget } from '../domain/escalation';
import { empty, id, isoDate, officers, optText, text } from './common';
import { method } from './define';
import type { OpenInstruction } from './leader';
import type { EscalationPosition } from './escalation';

export const handoverStates = ['draft', 'submitted', 'returned', 'confirmed'] as const;
export type HandoverState = (typeof handoverStates)[number];

export interface HandoverObject {
  name: string;
  /** Handed over in order (钥匙在、电话在). */
  ok: boolean;
  note: string | null;
}

export interface HandoverContent {
  /** 交班说明: what the outgoing officer says about the shift. */
  notes: string | null;
  /** 注意事项 written on the form (besides the carried-over items). */
  watchItems: string | null;
  objects: HandoverObject[];
}

export interface DutyTodo {
  id: number;
  kind: 'todo' | 'watch';
  text: string;
  /** The duty day it was raised on. */
  dutyDate: string;
  logEntryId: number | null;
  createdAt: string;
  createdBy: string;
  closedAt: string | null;
  closedBy: string | null;
  closeNote: string | null;
}

/** What the shift held, gathered for the form (live for a draft, frozen at submission). */
export interface HandoverSnapshot {
  dutyDate: string;
  /** The outgoing shift (白班, 夜班, or the desk's one 24-hour shift) and the one taking over. */
  shiftId: number;
  shiftName: string;
  incoming: { dutyDate: string; shiftName: string } | null;
  start: string;
  end: string;
  logCounts: Partial<Record<LogKind, number>>;
  logTotal: number;
  entries: { id: number; occurredAt: string; kind: LogKind; summary: string; unfinished: boolean }[];
  incidents: {
    id: number;
    no: string;
    title: string;
    level: IncidentLevel;
    status: IncidentStatus;
    nextDeadline: { kind: DeadlineKind; dueAt: string; overdue: boolean } | null;
    lastInstruction: string | null;
  }[];
  escalations: { id: number; incidentNo: string; title: string; target: EscalationTarget; targetName: string | null; dueAt: string; exhausted: boolean }[];
  todos: DutyTodo[];
  instructions: OpenInstruction[];
  /** Who was rostered (names), for the signatures. */
  leaders: string[];
  officers: string[];
}

export interface Handover {
  id: number;
  dutyDate: string;
  /** The outgoing shift of that duty day and when it hands over (as when the form was begun). */
  shiftId: number;
  shiftName: string;
  handoverAt: string;
  version: number;
  state: HandoverState;
  content: HandoverContent;
  snapshot: HandoverSnapshot | null;
  outgoingName: string | null;
  submittedAt: string | null;
  incomingName: string | null;
  confirmedAt: string | null;
  confirmNote: string | null;
  returnedAt: string | null;
  returnNote: string | null;
  /** The audit chain head at confirmation, printed on the record. */
  chainSeq: number | null;
  chainHash: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** A shift change, as a key: the outgoing shift of a duty day. */
export interface HandoverKey {
  dutyDate: string;
  shiftId: number;
}

/** 带班领导已知悉: the leader acknowledged, as themself, the escalation of a handover nobody has accepted. */
export interface HandoverAck {
  dutyDate: string;
  shiftId: number;
  /** The escalation step it was acknowledged at. */
  round: number;
  stepIndex: number;
  target: EscalationTarget;
  byName: string;
  at: string;
  note: string | null;
}

/** The officers of one side of a shift change: rostered, plus whoever signed in covering (替班). */
export interface HandoverSide {
  names: string[];
  /** Whether the logged-in person is one of them (any officer, when the roster names nobody). */
  isMe: boolean;
}

export interface HandoverView {
  now: string;
  /** Who hands over (the outgoing shift's officers) and who accepts (the incoming shift's): only they see and may use 交班 / 同意接班 / 有异议. */
  outgoing: HandoverSide;
  incomingOfficers: HandoverSide;
  /** The outgoing shift this form belongs to: its duty day, template, and the shift taking over. */
  dutyDate: string;
  shiftId: number;
  shiftName: string;
  incoming: { dutyDate: string; shiftId: number; shiftName: string };
  /** The shift changes before and after this one (for paging). */
  prev: HandoverKey;
  next: HandoverKey;
  handoverAt: string;
  /** Confirmation due by (the shift change + the limit from settings). */
  confirmBy: string;
  record: Handover | null;
  live: HandoverSnapshot;
  objectsTemplate: string[];
  /** Past its limit and not accepted: the step reached and who it went to (frozen at the leader's acknowledgement). */
  escalation: EscalationPosition | null;
  acknowledgement: HandoverAck | null;
  /** A handover whose time has passed but is not confirmed: the outgoing shift stays responsible. */
  responsibility: {
    dutyDate: string;
    shiftId: number;
    shiftName: string;
    state: HandoverState | 'none';
    outgoing: string[];
    confirmBy: string;
    overdue: boolean;
    acknowledgement: HandoverAck | null;
  } | null;
  /** Open items carried over, and open instructions (待落实 / 落实中). */
  todos: DutyTodo[];
  instructions: OpenInstruction[];
}

export interface HandoverPrint {
  unitName: string;
  deskId: string;
  timeZone: string;
  handover: Handover;
  snapshot: HandoverSnapshot;
  acknowledgement: HandoverAck | null;
}

export interface HandoverVersion {
  version: number;
  state: HandoverState;
  reason: string | null;
  at: string;
  by: string;
}

export interface HandoverSettings {
  /** Minutes after the handover minute by which the incoming officer confirms; then it escalates. */
  confirmMinutes: number;
  /** The desk's checklist of handed-over objects. */
  objects: string[];
}

const contentFields = {
  notes: optText(4000),
  watchItems: optText(4000),
  objects: z
    .array(z.object({ name: text(40), ok: z.boolean(), note: optText(200) }).strict())
    .max(30),
};

export const handoverSettingsSchema = z
  .object({ confirmMinutes: z.number().int().min(5).max(24 * 60), objects: z.array(text(40)).max(30) })
  .strict();

/**
 * Which handover: the outgoing shift of a duty day. Without `shiftId`, the
 * shift handing over at the duty day's end (the desk's one shift by default;
 * with 白班/夜班, the 夜班).
 */
const key = { dutyDate: isoDate, shiftId: id.optional() };

/** 交班 / 同意接班 / 有异议 are the duty officers' own acts (a leader's or admin's login sees the record, never the buttons); the service checks it is the shift's officer. */
const dutyOfficers = ['officer'] as const;

export const handoverMethods = {
  'handover.get': method<HandoverView>()({ input: z.object({ dutyDate: isoDate.optional(), shiftId: id.optional() }).strict(), access: 'session', kind: 'query' }),
  'handover.save': method<Handover>()({
    input: z.object({ ...key, expectedVersion: z.number().int().min(0), ...contentFields }).strict(),
    access: dutyOfficers,
    kind: 'mutation',
  }),
  'handover.submit': method<Handover>()({
    input: z.object({ ...key, expectedVersion: z.number().int().min(0), ...contentFields }).strict(),
    access: dutyOfficers,
    kind: 'mutation',
  }),
  'handover.confirm': method<Handover>()({
    input: z.object({ ...key, expectedVersion: z.number().int().min(1), note: optText(500) }).strict(),
    access: dutyOfficers,
    kind: 'mutation',
  }),
  'handover.return': method<Handover>()({
    input: z.object({ ...key, expectedVersion: z.number().int().min(1), note: text(500) }).strict(),
    access: dutyOfficers,
    kind: 'mutation',
  }),
  /** 已知悉: the leader on duty, from the leader's own login, acknowledges the escalation of an unaccepted handover. */
  'handover.acknowledge': method<HandoverAck>()({ input: z.object({ ...key, note: optText(500) }).strict(), access: ['leader'], kind: 'mutation' }),
  'handover.print': method<HandoverPrint>()({ input: z.object({ ...key }).strict(), access: 'session', kind: 'query' }),
  'handover.history': method<HandoverVersion[]>()({ input: z.object({ ...key }).strict(), access: 'session', kind: 'query' }),
  'handover.settings': method<HandoverSettings>()({ input: empty, access: 'session', kind: 'query' }),
  'handover.setSettings': method<HandoverSettings>()({ input: handoverSettingsSchema, access: ['admin'], kind: 'mutation' }),
  'todo.list': method<DutyTodo[]>()({ input: z.object({ includeClosed: z.boolean().optional() }).strict(), access: 'session', kind: 'query' }),
  'todo.add': method<DutyTodo>()({
    input: z.object({ kind: z.enum(['todo', 'watch']), text: text(500), logEntryId: id.optional() }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'todo.close': method<DutyTodo>()({ input: z.object({ id, note: text(500) }).strict(), access: officers, kind: 'mutation' }),
} as const;
