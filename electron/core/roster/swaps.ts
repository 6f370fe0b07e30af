/**
 * Swaps and covers (换班/替班): request, approve or reject (approval publishes
 * a new roster version and notifies both people), cancel.
 */
import type { RosterPlan, SlotChange, SwapRequest } from '../../../shared/contract/roster';
import { slotId, type Assignment, type Conflict } from '../../../shared/domain/roster-rules';
import { DomainError } from '../../../shared/errors';
import { loadCalendar } from '../calendar/db';
import type { WriteCtx } from '../context';
import { getPerson, listPeople } from '../directory/people-db';
import { liveBetween } from '../duty/db';
import { notifyPerson } from '../duty/service';
import type { Db } from '../store/connection';
import { getDraft, getPlan, getVersionAssignments, setDraftSlot } from './db';
import { decideSwap, getSwap, insertSwap } from './swaps-db';

import { iso } from '../context';
import { conflictsOf, diffAssignments, mustLivePlan, planDays, writeVersion } from './service';

interface SwapInput {
  planId: number;
  kind: 'swap' | 'cover';
  personA: number;
  dateA: string;
  personB: number;
  dateB: string | null;
}

/** The published roster after applying a swap, or an error key when it cannot apply. */
function applySwap(published: readonly Assignment[], s: SwapInput): { next: Assignment[]; changed: SlotChange[] } {
  const next = published.map((a) => ({ ...a }));
  const slotA = next.find((a) => a.date === s.dateA && a.personId === s.personA);
  if (!slotA) throw new DomainError('CONFLICT', 'roster.errors.notOnDuty', { date: s.dateA });
  if (s.kind === 'swap') {
    if (!s.dateB) throw new DomainError('VALIDATION', 'roster.errors.swapNeedsDate');
    const slotB = next.find((a) => a.date === s.dateB && a.personId === s.personB);
    if (!slotB) throw new DomainError('CONFLICT', 'roster.errors.notOnDuty', { date: s.dateB });
    slotB.personId = s.personA;
  }
  slotA.personId = s.personB;
  return { next, changed: diffAssignments(published, next) };
}

function swapWarnings(db: Db, plan: RosterPlan, s: SwapInput): Conflict[] {
  const published = getVersionAssignments(db, plan.id, plan.version);
  const { next } = applySwap(published, s);
  const cal = loadCalendar(db);
  const all = conflictsOf(db, plan, planDays(cal, plan), next, listPeople(db, { includeInactive: true }));
  const before = new Set(
    conflictsOf(db, plan, planDays(cal, plan), published, listPeople(db, { includeInactive: true })).map(
      (c) => `${c.kind}|${c.date}|${c.personId}`,
    ),
  );
  return all.filter((c) => !before.has(`${c.kind}|${c.date}|${c.personId}`) && (c.personId === s.personA || c.personId === s.personB));
}

export function withWarnings(db: Db, s: Omit<SwapRequest, 'warnings'>): SwapRequest {
  if (s.state !== 'requested') return { ...s, warnings: [] };
  const plan = getPlan(db, s.planId);
  if (!plan || plan.version === 0) return { ...s, warnings: [] };
  try {
    return { ...s, warnings: swapWarnings(db, plan, s) };
  } catch {
    // The roster changed since the request: approving it will say why.
    return { ...s, warnings: [] };
  }
}

export function requestSwap(ctx: WriteCtx, input: SwapInput & { reason: string }): SwapRequest {
  const plan = mustLivePlan(ctx.db, input.planId);
  if (plan.version === 0) throw new DomainError('CONFLICT', 'roster.errors.notPublished');
  if (input.personA === input.personB) throw new DomainError('VALIDATION', 'roster.errors.samePerson');
  for (const id of [input.personA, input.personB]) {
    const p = getPerson(ctx.db, id);
    if (!p || !p.active) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', { entity: 'person' });
  }
  const dateB = input.kind === 'swap' ? (input.dateB ?? null) : null;
  const s = { ...input, dateB };
  // Throws when A is not on duty on dateA (or B on dateB).
  applySwap(getVersionAssignments(ctx.db, plan.id, plan.version), s);
  const row = insertSwap(ctx.db, { ...s, requestedBy: ctx.session?.login ?? 'system' }, iso(ctx.now));
  const nameA = getPerson(ctx.db, input.personA)!.name;
  notifyPerson(ctx, { personId: input.personB, kind: 'swapRequested', swapId: row.id, params: { name: nameA, date: input.dateA } });
  ctx.audit({ action: 'swap.request', entity: 'roster_swap', entityId: row.id, after: row, reason: input.reason });
  return withWarnings(ctx.db, row);
}

export function decide(ctx: WriteCtx, id: number, approve: boolean, note: string | null): SwapRequest {
  const s = getSwap(ctx.db, id);
  if (!s) throw new DomainError('NOT_FOUND');
  if (s.state !== 'requested') throw new DomainError('CONFLICT', 'roster.errors.swapClosed');
  const plan = mustLivePlan(ctx.db, s.planId);
  const by = ctx.session?.login ?? 'system';
  const at = iso(ctx.now);
  let version: number | null = null;
  const dates = [s.dateA, ...(s.dateB ? [s.dateB] : [])];
  if (approve) {
    const published = getVersionAssignments(ctx.db, plan.id, plan.version);
    const { next, changed } = applySwap(published, s);
    const reason = `${s.kind === 'swap' ? '换班' : '替班'}#${s.id}：${s.reason}`;
    const after = writeVersion(ctx, plan, next, reason, 'roster.amend');
    version = after.version;
    // Carry the change into the working copy where it still holds the old person.
    const draft = new Map(getDraft(ctx.db, plan.id).map((a) => [slotId(a), a]));
    for (const c of changed) {
      const d = draft.get(slotId(c));
      if (d && d.personId === c.from) setDraftSlot(ctx.db, plan.id, c, c.to, d.pinned);
    }
  }
  decideSwap(ctx.db, id, { state: approve ? 'approved' : 'rejected', by, at, note, version });
  // Both people, and the leaders on duty on the dates concerned, see it on their consoles.
  const notify = new Set([s.personA, s.personB]);
  if (approve)
    for (const r of liveBetween(ctx.db, dates[0]!, dates[0]!).concat(s.dateB ? liveBetween(ctx.db, s.dateB, s.dateB) : []))
      if (r.role === 'leader') notify.add(r.person_id);
  const params = {
    a: getPerson(ctx.db, s.personA)!.name,
    b: getPerson(ctx.db, s.personB)!.name,
    date: dates.join('、'),
    version: version ?? 0,
  };
  for (const p of notify) notifyPerson(ctx, { personId: p, kind: approve ? 'swapApproved' : 'swapRejected', swapId: id, params });
  const row = getSwap(ctx.db, id)!;
  ctx.audit({ action: approve ? 'swap.approve' : 'swap.reject', entity: 'roster_swap', entityId: id, before: s, after: row, reason: note });
  return { ...row, warnings: [] };
}

export function cancelSwap(ctx: WriteCtx, id: number, reason: string): SwapRequest {
  const s = getSwap(ctx.db, id);
  if (!s) throw new DomainError('NOT_FOUND');
  if (s.state !== 'requested') throw new DomainError('CONFLICT', 'roster.errors.swapClosed');
  const session = ctx.session;
  const isOwner =
    session?.login === s.requestedBy || (session?.personId != null && (session.personId === s.personA || session.personId === s.personB));
  if (!isOwner && !session?.roles.includes('admin')) throw new DomainError('FORBIDDEN');
  decideSwap(ctx.db, id, { state: 'cancelled', by: session?.login ?? 'system', at: iso(ctx.now), note: reason, version: null });
  const row = getSwap(ctx.db, id)!;
  ctx.audit({ action: 'swap.cancel', entity: 'roster_swap', entityId: id, before: s, after: row, reason });
  return { ...row, warnings: [] };
}
