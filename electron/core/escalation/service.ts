/**
 * Escalations: start, record contacts, acknowledge (with 批示), cancel, and
 * the view with the current step resolved to a person and a phone.
 */
import type { Escalation, Input } from '../../../shared/contract';
import { escalationState, type EscalationTarget } from '../../../shared/domain/escalation';
import { DomainError } from '../../../shared/errors';
import type { ReadCtx, WriteCtx } from '../context';
import { getContact } from '../directory/contacts-db';
import { getPerson } from '../directory/people-db';
import { getIncident } from '../incidents/db';
import {
    acknowledgeEscalation,
    cancelEscalation,
    contactsOf,
    escalationsOf,
    getEscalation,
    insertContact,
    insertEscalation,
    type EscalationRecord,
} from './db';

import { actorName, iso, toUtc } from '../context';
import { dutyNow } from "../duty/service";
import { addInstruction } from '../incidents/service';
import { getEscalationSettings } from '../incidents/settings';

export interface Reachable {
  name: string | null;
  phone: string | null;
}

type LeaderLookup = (ctx: Pick<ReadCtx, 'db'>, atMs: number) => Reachable | null;

/**
 * How the leader on duty (带班领导) is found at an instant: from the
 * published roster (the roster service's "who is on duty now"), the first
 * leader of the shift running then. Tests may swap the lookup.
 */
export const rosterLeaderLookup: LeaderLookup = (ctx, atMs) => {
  const shift = dutyNow(ctx.db, atMs).current.find((s) => s.leader.length > 0);
  const p = shift?.leader[0];
  return p ? { name: p.name, phone: p.mobile ?? p.officePhone ?? null } : null;
};
let leaderLookup: LeaderLookup = rosterLeaderLookup;
export function setLeaderOnDutyLookup(fn: LeaderLookup | null): void {
  leaderLookup = fn ?? rosterLeaderLookup;
}

export function resolveTarget(ctx: Pick<ReadCtx, 'db'>, target: EscalationTarget, atMs: number): Reachable {
  const s = getEscalationSettings(ctx.db);
  if (target === 'leaderOnDuty') return leaderLookup(ctx, atMs) ?? { name: null, phone: null };
  if (target === 'principalLeader') {
    const p = s.principalPersonId ? getPerson(ctx.db, s.principalPersonId) : null;
    return { name: p?.name ?? null, phone: p?.mobile ?? p?.officePhone ?? null };
  }
  const c = s.superiorContactId ? getContact(ctx.db, s.superiorContactId) : null;
  return { name: c?.name ?? null, phone: c?.phone ?? c?.mobile ?? null };
}

export function escalationView(ctx: Pick<ReadCtx, 'db' | 'now'>, rec: EscalationRecord): Escalation {
  const st = escalationState(rec.policy, Date.parse(rec.startedAt), ctx.now, {
    acknowledgedAt: rec.acknowledgedAt ? Date.parse(rec.acknowledgedAt) : null,
    cancelledAt: rec.cancelledAt ? Date.parse(rec.cancelledAt) : null,
  });
  return {
    id: rec.id,
    incidentId: rec.incidentId,
    policy: rec.policy,
    startedAt: rec.startedAt,
    startedBy: rec.startedBy,
    acknowledgedAt: rec.acknowledgedAt,
    acknowledgedBy: rec.acknowledgedBy,
    acknowledgedVia: rec.acknowledgedVia,
    cancelledAt: rec.cancelledAt,
    cancelReason: rec.cancelReason,
    state: { ...st, stepStartedAt: iso(st.stepStartedAt), dueAt: iso(st.dueAt), endsAt: iso(st.endsAt) },
    currentTarget: resolveTarget(ctx, st.target, ctx.now),
    contacts: contactsOf(ctx.db, rec.id),
  };
}

export const escalationViews = (ctx: Pick<ReadCtx, 'db' | 'now'>, incidentId: number): Escalation[] =>
  escalationsOf(ctx.db, incidentId).map((r) => escalationView(ctx, r));

function mustPending(ctx: Pick<ReadCtx, 'db'>, id: number): EscalationRecord {
  const e = getEscalation(ctx.db, id);
  if (!e) throw new DomainError('NOT_FOUND', 'incidents.errors.escalationNotFound', { id });
  if (e.acknowledgedAt || e.cancelledAt) throw new DomainError('CONFLICT', 'incidents.errors.escalationClosed');
  return e;
}

export function startEscalation(ctx: WriteCtx, incidentId: number): Escalation {
  if (!getIncident(ctx.db, incidentId)) throw new DomainError('NOT_FOUND', 'incidents.errors.incidentNotFound', { id: incidentId });
  if (escalationsOf(ctx.db, incidentId).some((e) => !e.acknowledgedAt && !e.cancelledAt)) {
    throw new DomainError('CONFLICT', 'incidents.errors.escalationPending');
  }
  const { policy } = getEscalationSettings(ctx.db);
  const rec = insertEscalation(ctx.db, incidentId, policy, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'escalation.start', entity: 'escalation', entityId: rec.id, after: { incidentId, policy } });
  return escalationView(ctx, rec);
}

export function recordContact(ctx: WriteCtx, input: Input<'escalation.contact'>): Escalation {
  const rec = mustPending(ctx, input.escalationId);
  const atMs = input.at ? Date.parse(input.at) : ctx.now;
  if (atMs > ctx.now + 60_000) throw new DomainError('VALIDATION', 'incidents.errors.sentInFuture');
  const st = escalationState(rec.policy, Date.parse(rec.startedAt), atMs);
  const who = resolveTarget(ctx, st.target, atMs);
  const c = insertContact(ctx.db, rec.id, {
    round: st.round,
    stepIndex: st.stepIndex,
    target: st.target,
    targetName: who.name,
    targetPhone: who.phone,
    method: input.method,
    at: input.at ? toUtc(input.at) : iso(ctx.now),
    note: input.note ?? null,
    by: actorName(ctx),
  });
  ctx.audit({ action: 'escalation.contact', entity: 'escalation', entityId: rec.id, after: c });
  return escalationView(ctx, rec);
}

export function acknowledge(ctx: WriteCtx, input: Input<'escalation.acknowledge'>): Escalation {
  const rec = mustPending(ctx, input.escalationId);
  const at = input.at ? toUtc(input.at) : iso(ctx.now);
  if (Date.parse(at) > ctx.now + 60_000) throw new DomainError('VALIDATION', 'incidents.errors.sentInFuture');
  if (Date.parse(at) < Date.parse(rec.startedAt)) throw new DomainError('VALIDATION', 'incidents.errors.ackBeforeStart');
  const st = escalationState(rec.policy, Date.parse(rec.startedAt), Date.parse(at));
  const byName = input.byName ?? resolveTarget(ctx, st.target, Date.parse(at)).name;
  if (!byName) throw new DomainError('VALIDATION', 'incidents.errors.ackNameRequired');
  acknowledgeEscalation(ctx.db, rec.id, at, byName, input.via);
  ctx.audit({
    action: 'escalation.acknowledge',
    entity: 'escalation',
    entityId: rec.id,
    after: { acknowledgedAt: at, acknowledgedBy: byName, via: input.via, round: st.round, stepIndex: st.stepIndex, target: st.target },
  });
  if (input.instruction) {
    addInstruction(ctx, { incidentId: rec.incidentId, leaderName: byName, text: input.instruction, givenAt: at, escalationId: rec.id });
  }
  return escalationView(ctx, getEscalation(ctx.db, rec.id)!);
}

export function cancel(ctx: WriteCtx, id: number, reason: string): Escalation {
  mustPending(ctx, id);
  cancelEscalation(ctx.db, id, iso(ctx.now), actorName(ctx), reason);
  ctx.audit({ action: 'escalation.cancel', entity: 'escalation', entityId: id, reason });
  return escalationView(ctx, getEscalation(ctx.db, id)!);
}
