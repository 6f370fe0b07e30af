/**
 * Escalation: who to reach next and until when, from a policy and a clock.
 *
 * A policy is an ordered list of steps (1 leader on duty → 2 the unit's
 * principal leader → 3 the superior duty office), each waiting N minutes for
 * an acknowledgement before the next step is due; the whole list repeats up
 * to K rounds. The state is a pure function of the policy, the start instant,
 * the acknowledgement/cancel instants and now — no timers to lose.
 *
 * Two kinds of step: "escalate if not acknowledged" (the chain stops at the
 * first acknowledgement) and "always inform" — for a grave event the
 * principal leader must be told whatever the leader on duty did. Which steps
 * always inform is set per incident level (`alwaysLevels`); an always-inform
 * step falls due at its place in the first round and stays due until someone
 * records that the person was told (or the person acknowledges it
 * themself), acknowledgement of the chain or not.
 */
import type { IncidentLevel } from './incident';

const minute = 60_000;

export const escalationTargets = ['leaderOnDuty', 'principalLeader', 'superiorOffice'] as const;
export type EscalationTarget = (typeof escalationTargets)[number];

export const stepModes = ['untilAck', 'always'] as const;
export type StepMode = (typeof stepModes)[number];

export interface EscalationStep {
  target: EscalationTarget;
  /** Minutes to wait for an acknowledgement before the next step. */
  waitMinutes: number;
  /**
   * Incident levels for which this step always informs (not only when the
   * chain is unacknowledged). Empty or missing: escalate-if-unacknowledged only.
   */
  alwaysLevels?: IncidentLevel[];
  /** Resolved when an escalation starts, from the incident's level; stored with it. */
  mode?: StepMode;
}

export interface EscalationPolicy {
  steps: EscalationStep[];
  /** How many rounds through the steps before the escalation is exhausted (K ≥ 1). */
  repeats: number;
}

/**
 * Defaults: the principal leader is told of every 较大 or graver event, the
 * superior duty office of every 重大 or graver one (the report chain's
 * 30 min / 1 h rule covers Ⅰ/Ⅱ), whatever the leader on duty did.
 */
export const defaultEscalationPolicy: EscalationPolicy = {
  steps: [
    { target: 'leaderOnDuty', waitMinutes: 10 },
    { target: 'principalLeader', waitMinutes: 10, alwaysLevels: [1, 2, 3] },
    { target: 'superiorOffice', waitMinutes: 15, alwaysLevels: [1, 2] },
  ],
  repeats: 2,
};

/** The policy as it runs for an incident of this level: each step with its mode. */
export function policyForLevel(policy: EscalationPolicy, level: IncidentLevel): EscalationPolicy {
  return {
    repeats: policy.repeats,
    steps: policy.steps.map((s) => ({ ...s, mode: s.alwaysLevels?.includes(level) ? 'always' : 'untilAck' })),
  };
}

/** When each always-inform step falls due: its start in the first round. */
export function alwaysSteps(policy: EscalationPolicy, startedAt: number): { stepIndex: number; target: EscalationTarget; dueAt: number }[] {
  const out: { stepIndex: number; target: EscalationTarget; dueAt: number }[] = [];
  let t = startedAt;
  policy.steps.forEach((s, i) => {
    if (s.mode === 'always') out.push({ stepIndex: i, target: s.target, dueAt: t });
    t += s.waitMinutes * minute;
  });
  return out;
}

/** Start instants of every step of every round (what will still run, and when). */
export function stepSchedule(policy: EscalationPolicy, startedAt: number): { round: number; stepIndex: number; target: EscalationTarget; at: number }[] {
  const out: { round: number; stepIndex: number; target: EscalationTarget; at: number }[] = [];
  let t = startedAt;
  for (let r = 0; r < policy.repeats; r += 1) {
    policy.steps.forEach((s, i) => {
      out.push({ round: r, stepIndex: i, target: s.target, at: t });
      t += s.waitMinutes * minute;
    });
  }
  return out;
}

export const contactMethods = ['phone', 'mobile', 'inApp', 'sms', 'fax', 'inPerson'] as const;
export type ContactMethod = (typeof contactMethods)[number];

export type EscalationStatus = 'waiting' | 'acknowledged' | 'exhausted' | 'cancelled';

export interface EscalationState {
  status: EscalationStatus;
  /** 0-based round (repeat) and step of the current (or final) position. */
  round: number;
  stepIndex: number;
  target: EscalationTarget;
  /** When the current step began and when its wait ends (epoch ms). */
  stepStartedAt: number;
  dueAt: number;
  /** When the last step of the last round ends. */
  endsAt: number;
}

/** Total length of one round, ms. */
export const roundLengthMs = (p: EscalationPolicy): number => p.steps.reduce((s, x) => s + x.waitMinutes * minute, 0);

/**
 * Where an escalation stands at `now`.
 *
 * After an acknowledgement or a cancel, the state is frozen at that instant
 * (so the record shows which step was acknowledged). A step boundary belongs
 * to the next step: at exactly `dueAt` the next person is due.
 */
export function escalationState(
  policy: EscalationPolicy,
  startedAt: number,
  now: number,
  end: { acknowledgedAt?: number | null; cancelledAt?: number | null } = {},
): EscalationState {
  if (policy.steps.length === 0 || policy.repeats < 1) throw new Error('escalation policy needs at least one step and one round');
  const round = roundLengthMs(policy);
  const endsAt = startedAt + round * policy.repeats;
  const stopAt = end.acknowledgedAt ?? end.cancelledAt ?? null;
  const at = stopAt !== null ? Math.min(stopAt, now) : now;
  const t = Math.max(0, at - startedAt);

  if (t >= round * policy.repeats) {
    const last = policy.steps.length - 1;
    const lastStep = policy.steps[last]!;
    const status: EscalationStatus =
      stopAt !== null && stopAt <= now ? (end.acknowledgedAt != null ? 'acknowledged' : 'cancelled') : 'exhausted';
    return {
      status,
      round: policy.repeats - 1,
      stepIndex: last,
      target: lastStep.target,
      stepStartedAt: endsAt - lastStep.waitMinutes * minute,
      dueAt: endsAt,
      endsAt,
    };
  }

  const r = Math.floor(t / round);
  let offset = t - r * round;
  let i = 0;
  let stepStart = startedAt + r * round;
  for (; i < policy.steps.length; i += 1) {
    const len = policy.steps[i]!.waitMinutes * minute;
    if (offset < len) break;
    offset -= len;
    stepStart += len;
  }
  const step = policy.steps[i]!;
  let status: EscalationStatus = 'waiting';
  if (stopAt !== null && stopAt <= now) status = end.acknowledgedAt != null ? 'acknowledged' : 'cancelled';
  return {
    status,
    round: r,
    stepIndex: i,
    target: step.target,
    stepStartedAt: stepStart,
    dueAt: stepStart + step.waitMinutes * minute,
    endsAt,
  };
}

/** A stable id of one step of one round, e.g. to silence its alarm once. */
export const escalationSlotId = (escalationId: number, s: Pick<EscalationState, 'round' | 'stepIndex'>): string =>
  `esc-${escalationId}-${s.round}-${s.stepIndex}`;
