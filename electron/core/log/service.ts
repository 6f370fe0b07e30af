/**
 * The duty log (值班记录): create, edit as a new version, void with reason.
 */
import type { Input, LogEntry } from '../../../shared/contract';
import { DomainError } from '../../../shared/errors';

import type { ReadCtx, WriteCtx } from '../context';
import { actorName, iso, toUtc } from '../context';
import { deskDutyDate } from '../duty/day';
import { getIncident } from '../incidents/db';
import { contentOf, getLogEntry, insertLogEntry, updateLogEntry, voidLogEntry, type LogContent } from './db';

export function mustLogEntry(ctx: Pick<ReadCtx, 'db'>, id: number): LogEntry {
  const e = getLogEntry(ctx.db, id);
  if (!e) throw new DomainError('NOT_FOUND', 'incidents.errors.logNotFound', { id });
  return e;
}

export function createLogEntry(ctx: WriteCtx, input: Input<'log.create'> & { sourcePhone?: string | null }): LogEntry {
  const at = iso(ctx.now);
  const occurredAt = input.occurredAt ? toUtc(input.occurredAt) : at;
  if (input.incidentId !== undefined && !getIncident(ctx.db, input.incidentId)) {
    throw new DomainError('NOT_FOUND', 'incidents.errors.incidentNotFound', { id: input.incidentId });
  }
  const content: LogContent = {
    kind: input.kind,
    occurredAt,
    dutyDate: deskDutyDate(ctx.db, Date.parse(occurredAt)),
    sourceUnit: input.sourceUnit ?? null,
    sourcePerson: input.sourcePerson ?? null,
    sourcePhone: input.sourcePhone ?? null,
    summary: input.summary,
    detail: input.detail ?? null,
    reportedTo: null,
    proposal: null,
    instruction: null,
    outcome: null,
    handler: null,
    handledAt: null,
  };
  const entry = insertLogEntry(ctx.db, { ...content, incidentId: input.incidentId ?? null }, actorName(ctx), at);
  ctx.audit({ action: 'logEntry.create', entity: 'logEntry', entityId: entry.id, after: content });
  return entry;
}

type LogPatch = Partial<Omit<LogContent, 'dutyDate'>>;

export function updateLog(ctx: WriteCtx, id: number, expectedVersion: number, patch: LogPatch, reason: string): LogEntry {
  const cur = mustLogEntry(ctx, id);
  if (cur.voided) throw new DomainError('CONFLICT', 'incidents.errors.logVoided');
  if (cur.version !== expectedVersion) throw new DomainError('CONFLICT', 'incidents.errors.versionConflict', { current: cur.version });
  const before = contentOf(cur);
  const merged: LogContent = { ...before };
  for (const [k, v] of Object.entries(patch) as [keyof LogPatch, unknown][]) {
    if (v === undefined) continue;
    (merged as Record<string, unknown>)[k] = (k === 'occurredAt' || k === 'handledAt') && typeof v === 'string' ? toUtc(v) : v;
  }
  merged.dutyDate = deskDutyDate(ctx.db, Date.parse(merged.occurredAt));
  const changed = (Object.keys(merged) as (keyof LogContent)[]).filter((k) => merged[k] !== before[k]);
  if (changed.length === 0) throw new DomainError('VALIDATION', 'incidents.errors.noChange');
  const after = updateLogEntry(ctx.db, cur, cur.version + 1, merged, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'logEntry.update', entity: 'logEntry', entityId: id, before, after: merged, reason });
  return after;
}

export function voidLog(ctx: WriteCtx, id: number, reason: string): LogEntry {
  const cur = mustLogEntry(ctx, id);
  if (cur.voided) throw new DomainError('CONFLICT', 'incidents.errors.logVoided');
  const after = voidLogEntry(ctx.db, id, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'logEntry.void', entity: 'logEntry', entityId: id, before: contentOf(cur), reason });
  return after;
}
