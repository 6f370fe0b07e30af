/**
 * API methods of escalation (逐级报告: the acknowledgement chain and its policy)
 * and of "due next" (every running countdown for the console).
 */
import { z } from 'zod';
import type { DeadlineKind } from '../domain/deadline';
import {
  escalationTargets,
  type ContactMethod,
  type EscalationPolicy,
  type EscalationState,
  type EscalationTarget,
} from '../domain/escalation';
import type { IncidentLevel } from '../domain/incident';
import { empty, id, isoInstant, officers, optText, reason } from './common';
import { optLine } from './common';
import { method } from './define';
import { IncidentSummary } from './incidents';

import { contactMethods } from '../domain/escalation';

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
    }
  | RegisterDueItem
  | {
      /** A handover waiting for the incoming officer's confirmation; past its limit it escalates (handover/service.ts). */
      kind: 'handover';
      id: string;
      dutyDate: string;
      /** The outgoing shift (白班, 夜班, or the desk's one shift). */
      shiftId: number;
      shiftName: string;
      state: 'draft' | 'submitted' | 'returned' | 'none';
      /** 带班领导已知悉: the leader acknowledged the escalation; listed and red until accepted, no longer ringing. */
      acknowledged: { byName: string; at: string } | null;
      dueAt: string;
      overdue: boolean;
      escalation: {
        round: number;
        stepIndex: number;
        target: EscalationTarget;
        targetName: string | null;
        targetPhone: string | null;
        exhausted: boolean;
      } | null;
    }
  | {
      /** The daily (or zero) report of a date, until it is sent; a late one stays listed until sent (reports/service.ts). */
      kind: 'dailyReport';
      id: string;
      reportDate: string;
      state: 'draft' | 'reviewed' | 'none';
      dueAt: string;
      overdue: boolean;
    };

/**
 * A deadline of a register (信访, 督办事项, 来文): listed until met, red once
 * passed. Registers count days, not minutes: they show, they do not ring.
 */
export interface RegisterDueItem {
  kind: 'register';
  id: string;
  register: 'petition' | 'ledger' | 'document';
  recordId: number;
  /** The record's number (XF2026-0001, DB2026-001, SW2026-0001). */
  no: string;
  title: string;
  /** What is due, as a key under `registers.due.*` (accept, conclude, ledger, document …). */
  what: string;
  dueAt: string;
  overdue: boolean;
}

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

export const escalationMethods = {
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
        byName: optLine(40),
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
