/**
 * Escalations: start, record contacts, acknowledge (with 批示), cancel, and
 * the view with the current step resolved to a person and a phone.
 */
import type { Escalation, Input } from '../../../shared/contract';
import type { EscalationInform, MyEscalationItem, TargetFallback } from '../../../shared/contract/escalation';
import type { DutyPerson } from '../../../shared/contract/duty';
import { alwaysSteps, escalationState, policyForLevel, stepSchedule, type EscalationTarget } from '../../../shared/domain/escalation';
import { DomainError } from '../../../shared/errors';
import type { ReadCtx, WriteCtx } from '../context';
import { getContact, listContacts } from '../directory/contacts-db';
import { getPerson, listPeople } from '../directory/people-db';
import { getIncident } from '../incidents/db';
import {
    acknowledgeEscalation,
    cancelEscalation,
    contactsOf,
    escalationsOf,
    getEscalation,
    insertContact,
    insertEscalation,
    pendingEscalations,
    type EscalationRecord,
} from './db';

import { actorName, iso, toUtc } from '../context';
import { dutyDays, dutyNow } from "../duty/service";
import { listUsers } from '../auth/db';
import type { Db } from '../store/connection';
import { addInstruction } from '../incidents/service';
import { getEscalationSettings } from '../incidents/settings';

export interface Reachable {
  name: string | null;
  phone: string | null;
  /** The directory person, when the target is one (not the superior office). */
  personId?: number | null;
  /** The login account reached when it is the admin's (an admin need not be a directory person). */
  userId?: number | null;
  /** Why this person: null when the step reached whom it names; otherwise the fallback taken (or `none`: nobody at all). */
  fallback?: TargetFallback | null;
}

type LeaderLookup = (ctx: Pick<ReadCtx, 'db'>, atMs: number) => Reachable | null;

const toReachable = (p: DutyPerson): Reachable => ({ name: p.name, phone: p.mobile ?? p.officePhone ?? null, personId: p.personId });

/**
 * How the leader on duty (带班领导) is found at an instant: from the
 * published roster (the roster service's "who is on duty now"), the first
 * leader of the shift running then. Tests may swap the lookup.
 */
export const rosterLeaderLookup: LeaderLookup = (ctx, atMs) => {
  const shift = dutyNow(ctx.db, atMs).current.find((s) => s.leader.length > 0);
  const p = shift?.leader[0];
  return p ? toReachable(p) : null;
};
let leaderLookup: LeaderLookup = rosterLeaderLookup;
export function setLeaderOnDutyLookup(fn: LeaderLookup | null): void {
  leaderLookup = fn ?? rosterLeaderLookup;
}

/** The first leader rostered on a shift of a duty day (the shift handing over stays responsible until accepted). */
export function shiftLeader(db: Db, dutyDate: string, shiftId: number): Reachable | null {
  const p = dutyDays(db, dutyDate, 1)[0]?.shifts.find((s) => s.shiftId === shiftId && s.leader.length > 0)?.leader[0];
  return p ? toReachable(p) : null;
}

/** The desk's principal leader: the one the escalation settings name, else the person marked 单位主要领导 in the directory. */
function principalLeader(db: Db): Reachable | null {
  const s = getEscalationSettings(db);
  const p = s.principalPersonId ? getPerson(db, s.principalPersonId) : (listPeople(db).find((x) => x.roles.includes('principal')) ?? null);
  return p ? { name: p.name, phone: p.mobile ?? p.officePhone ?? null, personId: p.id } : null;
}

/** The desk's admin (办公室): the first active admin login, by the name of its directory person when linked. */
function deskAdmin(db: Db): Reachable | null {
  const u = listUsers(db).find((x) => x.active && x.roles.includes('admin'));
  if (!u) return null;
  const p = u.personId ? getPerson(db, u.personId) : null;
  return { name: p?.name ?? u.displayName, phone: p ? (p.mobile ?? p.officePhone ?? null) : null, personId: p?.id ?? null, userId: u.id };
}

export interface ResolveOptions {
  /** The shift an escalation is about (a handover's outgoing shift): its leader is asked before the principal leader. */
  shift?: { dutyDate: string; shiftId: number } | undefined;
}

/**
 * Who a step reaches, never silently nobody. The leader on duty: from the
 * roster at that instant → (for a handover) the leader of the shift handing
 * over → the principal leader (settings, else the directory's 单位主要领导)
 * → the admin. The principal leader: settings → directory → the admin. The
 * superior duty office: settings, else the first external contact of kind
 * 上级值班室. Each fallback says which it took; `none` when even that fails.
 */
export function resolveTarget(ctx: Pick<ReadCtx, 'db'>, target: EscalationTarget, atMs: number, opts: ResolveOptions = {}): Reachable {
  const nobody: Reachable = { name: null, phone: null, personId: null, fallback: 'none' };
  const chain: [TargetFallback | null, () => Reachable | null][] =
    target === 'leaderOnDuty'
      ? [
          [null, () => leaderLookup(ctx, atMs)],
          ['shiftLeader', () => (opts.shift ? shiftLeader(ctx.db, opts.shift.dutyDate, opts.shift.shiftId) : null)],
          ['principal', () => principalLeader(ctx.db)],
          ['admin', () => deskAdmin(ctx.db)],
        ]
      : target === 'principalLeader'
        ? [
            [null, () => principalLeader(ctx.db)],
            ['admin', () => deskAdmin(ctx.db)],
          ]
        : [[null, () => superiorOffice(ctx.db)]];
  for (const [fallback, find] of chain) {
    const r = find();
    if (r) return { ...r, fallback };
  }
  return nobody;
}

function superiorOffice(db: Db): Reachable | null {
  const s = getEscalationSettings(db);
  const c = s.superiorContactId ? getContact(db, s.superiorContactId) : (listContacts(db, { kind: 'superior' })[0] ?? null);
  return c ? { name: c.name, phone: c.phone ?? c.mobile ?? null, personId: null } : null;
}

const isClosed = (rec: EscalationRecord): boolean => rec.cancelledAt !== null;

/** The always-inform steps of an escalation and whether each was done. */
function informsOf(ctx: Pick<ReadCtx, 'db' | 'now'>, rec: EscalationRecord, contacts = contactsOf(ctx.db, rec.id)): EscalationInform[] {
  return alwaysSteps(rec.policy, Date.parse(rec.startedAt)).map((a) => {
    const c = contacts.find((x) => x.stepIndex === a.stepIndex);
    const who = resolveTarget(ctx, a.target, Math.min(a.dueAt, ctx.now));
    return {
      stepIndex: a.stepIndex,
      target: a.target,
      dueAt: iso(a.dueAt),
      name: c?.targetName ?? who.name,
      phone: c?.targetPhone ?? who.phone,
      fallback: c ? null : (who.fallback ?? null),
      done: c ? { at: c.at, by: c.by, method: c.method } : null,
    };
  });
}

/** Whether anything of an escalation is still to do: the chain unacknowledged, or an inform not done. */
export function escalationOpen(ctx: Pick<ReadCtx, 'db' | 'now'>, rec: EscalationRecord): boolean {
  if (isClosed(rec)) return false;
  return rec.acknowledgedAt === null || informsOf(ctx, rec).some((i) => i.done === null);
}

export function escalationView(ctx: Pick<ReadCtx, 'db' | 'now'>, rec: EscalationRecord): Escalation {
  const st = escalationState(rec.policy, Date.parse(rec.startedAt), ctx.now, {
    acknowledgedAt: rec.acknowledgedAt ? Date.parse(rec.acknowledgedAt) : null,
    cancelledAt: rec.cancelledAt ? Date.parse(rec.cancelledAt) : null,
  });
  const contacts = contactsOf(ctx.db, rec.id);
  const informs = informsOf(ctx, rec, contacts);
  // What will still run: while the chain waits, every later step; after an acknowledgement only the informs still due.
  const upcoming: Escalation['upcoming'] = [];
  if (!isClosed(rec)) {
    for (const x of stepSchedule(rec.policy, Date.parse(rec.startedAt))) {
      const step = rec.policy.steps[x.stepIndex]!;
      const mode = step.mode ?? 'untilAck';
      const inform = informs.find((i) => i.stepIndex === x.stepIndex);
      const chainRuns = rec.acknowledgedAt === null && st.status === 'waiting' && x.at > ctx.now;
      const informDue = mode === 'always' && x.round === 0 && inform && inform.done === null;
      if (chainRuns || informDue) {
        upcoming.push({ round: x.round, stepIndex: x.stepIndex, target: x.target, mode, at: iso(x.at), name: resolveTarget(ctx, x.target, Math.max(x.at, ctx.now)).name });
      }
    }
  }
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
    currentTarget: (({ name, phone, fallback }) => ({ name, phone, fallback: fallback ?? null }))(resolveTarget(ctx, st.target, ctx.now)),
    contacts,
    informs,
    upcoming,
  };
}

export const escalationViews = (ctx: Pick<ReadCtx, 'db' | 'now'>, incidentId: number): Escalation[] =>
  escalationsOf(ctx.db, incidentId).map((r) => escalationView(ctx, r));

function mustPending(ctx: Pick<ReadCtx, 'db' | 'now'>, id: number, opts: { chain: boolean } = { chain: true }): EscalationRecord {
  const e = getEscalation(ctx.db, id);
  if (!e) throw new DomainError('NOT_FOUND', 'incidents.errors.escalationNotFound', { id });
  if (e.cancelledAt || (opts.chain ? e.acknowledgedAt : !escalationOpen(ctx, e))) throw new DomainError('CONFLICT', 'incidents.errors.escalationClosed');
  return e;
}

export function startEscalation(ctx: WriteCtx, incidentId: number): Escalation {
  const inc = getIncident(ctx.db, incidentId);
  if (!inc) throw new DomainError('NOT_FOUND', 'incidents.errors.incidentNotFound', { id: incidentId });
  if (escalationsOf(ctx.db, incidentId).some((e) => !e.acknowledgedAt && !e.cancelledAt)) {
    throw new DomainError('CONFLICT', 'incidents.errors.escalationPending');
  }
  // The steps' kinds are fixed at the start from the incident's level and kept with the escalation.
  const policy = policyForLevel(getEscalationSettings(ctx.db).policy, inc.level);
  const rec = insertEscalation(ctx.db, incidentId, policy, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'escalation.start', entity: 'escalation', entityId: rec.id, after: { incidentId, policy } });
  return escalationView(ctx, rec);
}

export function recordContact(ctx: WriteCtx, input: Input<'escalation.contact'>): Escalation {
  const informing = input.stepIndex !== undefined;
  const rec = mustPending(ctx, input.escalationId, { chain: !informing });
  const atMs = input.at ? Date.parse(input.at) : ctx.now;
  if (atMs > ctx.now + 60_000) throw new DomainError('VALIDATION', 'incidents.errors.sentInFuture');
  let round: number;
  let stepIndex: number;
  let target: EscalationTarget;
  if (informing) {
    const step = rec.policy.steps[input.stepIndex!];
    if (!step || step.mode !== 'always') throw new DomainError('VALIDATION', 'incidents.errors.notAnInformStep');
    round = 0;
    stepIndex = input.stepIndex!;
    target = step.target;
  } else {
    const st = escalationState(rec.policy, Date.parse(rec.startedAt), atMs);
    ({ round, stepIndex, target } = st);
  }
  const who = resolveTarget(ctx, target, atMs);
  const c = insertContact(ctx.db, rec.id, {
    round,
    stepIndex,
    target,
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
  mustPending(ctx, id, { chain: false });
  cancelEscalation(ctx.db, id, iso(ctx.now), actorName(ctx), reason);
  ctx.audit({ action: 'escalation.cancel', entity: 'escalation', entityId: id, reason });
  return escalationView(ctx, getEscalation(ctx.db, id)!);
}

/** Who is logged in, as an escalation may address them: their directory person, or the admin's login itself. */
interface Me {
  personId: number | null;
  userId: number | null;
}
const isMe = (r: Reachable, me: Me): boolean =>
  (me.personId !== null && r.personId === me.personId) || (me.userId !== null && r.personId == null && r.userId === me.userId);

/** Where the logged-in person is addressed by an open escalation: the waiting chain step, or an inform still due. */
function addressedTo(ctx: Pick<ReadCtx, 'db' | 'now'>, rec: EscalationRecord, me: Me): { kind: 'chain' | 'inform'; stepIndex: number; target: EscalationTarget; dueAt: number }[] {
  const out: { kind: 'chain' | 'inform'; stepIndex: number; target: EscalationTarget; dueAt: number }[] = [];
  if (isClosed(rec)) return out;
  const st = escalationState(rec.policy, Date.parse(rec.startedAt), ctx.now);
  if (rec.acknowledgedAt === null && isMe(resolveTarget(ctx, st.target, ctx.now), me)) {
    out.push({ kind: 'chain', stepIndex: st.stepIndex, target: st.target, dueAt: st.dueAt });
  }
  for (const i of informsOf(ctx, rec)) {
    if (i.done || out.some((o) => o.stepIndex === i.stepIndex)) continue;
    if (isMe(resolveTarget(ctx, i.target, Math.min(Date.parse(i.dueAt), ctx.now)), me)) {
      out.push({ kind: 'inform', stepIndex: i.stepIndex, target: i.target, dueAt: Date.parse(i.dueAt) });
    }
  }
  return out;
}

const meOf = (ctx: ReadCtx): Me => ({ personId: ctx.session?.personId ?? null, userId: ctx.session?.userId ?? null });

/** The "待我处理" list: open escalation steps addressed to the logged-in person. */
export function myEscalations(ctx: ReadCtx): MyEscalationItem[] {
  const me = meOf(ctx);
  if (me.personId === null && me.userId === null) return [];
  const out: MyEscalationItem[] = [];
  for (const rec of pendingEscalations(ctx.db)) {
    const inc = getIncident(ctx.db, rec.incidentId);
    if (!inc) continue;
    for (const a of addressedTo(ctx, rec, me)) {
      out.push({ escalationId: rec.id, incidentId: inc.id, incidentNo: inc.no, title: inc.title, level: inc.level, stepIndex: a.stepIndex, target: a.target, kind: a.kind, dueAt: iso(a.dueAt), overdue: a.dueAt < ctx.now });
    }
  }
  return out.sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
}

/**
 * A leader logged in as themself acknowledges what is addressed to them:
 * the waiting chain step (which stops the chain) and/or their always-inform
 * step, recorded under their own account (via 系统内), with their 批示.
 */
export function acknowledgeMine(ctx: WriteCtx, input: Input<'escalation.acknowledgeMine'>): Escalation {
  const rec = mustPending(ctx, input.escalationId, { chain: false });
  const who = meOf(ctx);
  const person = who.personId !== null ? getPerson(ctx.db, who.personId) : null;
  const mine = addressedTo(ctx, rec, who);
  if ((!person && who.userId === null) || mine.length === 0) throw new DomainError('FORBIDDEN', 'incidents.errors.notAddressedToYou');
  // An admin without a directory person answers under the login's name.
  const me = { name: person?.name ?? actorName(ctx), mobile: person?.mobile ?? null, officePhone: person?.officePhone ?? null };
  const at = iso(ctx.now);
  for (const a of mine) {
    if (a.kind === 'chain') {
      acknowledgeEscalation(ctx.db, rec.id, at, me.name, 'inApp');
      ctx.audit({ action: 'escalation.acknowledge', entity: 'escalation', entityId: rec.id, after: { acknowledgedAt: at, acknowledgedBy: me.name, via: 'inApp', stepIndex: a.stepIndex, target: a.target, own: true } });
    }
    // The person's own acknowledgement is also the record that they were told.
    if (rec.policy.steps[a.stepIndex]?.mode === 'always') {
      const c = insertContact(ctx.db, rec.id, { round: 0, stepIndex: a.stepIndex, target: a.target, targetName: me.name, targetPhone: me.mobile ?? me.officePhone ?? null, method: 'inApp', at, note: null, by: actorName(ctx) });
      ctx.audit({ action: 'escalation.contact', entity: 'escalation', entityId: rec.id, after: { ...c, own: true } });
    }
  }
  if (input.instruction) addInstruction(ctx, { incidentId: rec.incidentId, leaderName: me.name, text: input.instruction, givenAt: at, escalationId: rec.id });
  return escalationView(ctx, getEscalation(ctx.db, rec.id)!);
}
