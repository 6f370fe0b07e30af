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
  type StepMode,
} from '../domain/escalation';
import type { IncidentLevel } from '../domain/incident';
import { empty, id, isoInstant, officers, optText, reason } from './common';
import { optLine } from './common';
import { method } from './define';
import { IncidentSummary } from './incidents';

import { contactMethods, stepModes } from '../domain/escalation';

const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/**
 * Why an escalation step reached the person it did, when not the one it
 * names: no leader on the roster now → the leader of the shift handing over
 * (`shiftLeader`, handovers) → the principal leader (`principal`) → the
 * admin (`admin`); `none` when even the admin is missing. Null: as named.
 */
export const targetFallbacks = ['shiftLeader', 'principal', 'admin', 'none'] as const;
export type TargetFallback = (typeof targetFallbacks)[number];

/** Where an escalation stands: its round and step, whom that step calls (with the fallback taken when the roster names no leader), or that it ran out. */
export interface EscalationPosition {
  round: number;
  stepIndex: number;
  target: EscalationTarget;
  targetName: string | null;
  targetPhone: string | null;
  targetFallback: TargetFallback | null;
  exhausted: boolean;
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
  currentTarget: { name: string | null; phone: string | null; fallback: TargetFallback | null };
  contacts: EscalationContact[];
  /** Always-inform steps: due whatever the chain did, done once the person was told. */
  informs: EscalationInform[];
  /** Steps that will still run, in order, with when (empty once nothing more will run). */
  upcoming: { round: number; stepIndex: number; target: EscalationTarget; mode: StepMode; at: string; name: string | null }[];
}

export interface EscalationInform {
  stepIndex: number;
  target: EscalationTarget;
  dueAt: string;
  name: string | null;
  phone: string | null;
  /** Why this person (see TargetFallback); null when the step reached whom it names, or once done. */
  fallback: TargetFallback | null;
  /** Who recorded that the person was told, how and when; null while still due. */
  done: { at: string; by: string; method: ContactMethod } | null;
}

/** One item of a leader's "待我处理" list: a step addressed to the logged-in person. */
export interface MyEscalationItem {
  escalationId: number;
  incidentId: number;
  incidentNo: string;
  title: string;
  level: IncidentLevel;
  stepIndex: number;
  target: EscalationTarget;
  /** `chain`: the step waiting for acknowledgement; `inform`: an always-inform step. */
  kind: 'chain' | 'inform';
  dueAt: string;
  overdue: boolean;
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
      /** An always-inform step (due whatever the chain did), not the acknowledgement chain. */
      inform: boolean;
      targetName: string | null;
      targetPhone: string | null;
      targetFallback: TargetFallback | null;
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
      escalation: EscalationPosition | null;
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
            alwaysLevels: z.array(levelSchema).max(4).optional(),
            mode: z.enum(stepModes).optional(),
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
    input: z
      .object({
        escalationId: id,
        method: z.enum(contactMethods),
        note: optText(500),
        at: isoInstant.optional(),
        /** An always-inform step told (default: the chain's current step). */
        stepIndex: z.number().int().min(0).max(5).optional(),
      })
      .strict(),
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
  /** A leader logged in as themself acknowledges a step addressed to them, with their 批示. */
  'escalation.acknowledgeMine': method<Escalation>()({
    input: z.object({ escalationId: id, instruction: optText(2000) }).strict(),
    access: ['leader', 'admin'],
    kind: 'mutation',
  }),
  /** Steps addressed to the logged-in person (待我处理). */
  'escalation.mine': method<MyEscalationItem[]>()({ input: empty, access: 'session', kind: 'query' }),
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
