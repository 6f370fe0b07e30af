/** Incoming documents and telegrams (来文 / 明传电报): registered (公开/内部 only), circulated (传阅), handled by a deadline with a result. */
import type { DocumentDetail, DocumentFields, DocumentSheet, IncomingDocument, RegisterDueItem } from '../../../shared/contract';
import { isStorableSecrecy, type DocumentState } from '../../../shared/domain/document';
import { DomainError } from '../../../shared/errors';
import { localDate } from '../../../shared/time';
import { actorName, deskTimeZone, iso, toUtc, type In, type ReadCtx, type WriteCtx } from '../context';
import { getDesk } from '../desk/db';
import { deskDutyDayBounds } from '../duty/day';
import { getLogEntry } from '../log/db';
import type { Db } from '../store/connection';
import {
  documentCountsBetween,
  documentFieldsOf,
  documentFromLog,
  getDocumentRow,
  insertDocument,
  insertRead,
  listDocumentRows,
  markDocumentDone,
  nextDocumentNo,
  openDueDocuments,
  readsOf,
  setDocumentState,
  updateDocument,
  voidDocument,
  type DocumentRow,
} from './db';

function documentView(ctx: ReadCtx, r: DocumentRow): IncomingDocument {
  const state = r.state as DocumentState;
  return {
    id: r.id,
    no: r.no,
    version: r.version,
    ...documentFieldsOf(r),
    receivedDate: r.received_date,
    state,
    result: r.result,
    doneAt: r.done_at,
    doneBy: r.done_by,
    overdue: r.voided_at === null && state !== 'done' && r.due_at !== null && Date.parse(r.due_at) < ctx.now,
    readers: [...new Set(readsOf(ctx.db, r.id).map((x) => x.reader))],
    fromLogEntryId: r.from_log_entry_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
  };
}

export function mustDocumentRow(db: Db, id: number): DocumentRow {
  const r = getDocumentRow(db, id);
  if (!r) throw new DomainError('NOT_FOUND', 'documents.errors.notFound', { id });
  return r;
}

export const documentDetail = (ctx: ReadCtx, id: number): DocumentDetail => ({ ...documentView(ctx, mustDocumentRow(ctx.db, id)), reads: readsOf(ctx.db, id) });

export function listDocuments(ctx: ReadCtx, input: In<'documents.list'>): IncomingDocument[] {
  const state = input.state ?? 'all';
  return listDocumentRows(ctx.db, {
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(state === 'open' || state === 'done' ? { state } : {}),
    ...(state === 'overdue' ? { overdueAt: iso(ctx.now) } : {}),
    ...(input.query ? { query: input.query } : {}),
    ...(input.fromLogEntryId !== undefined ? { fromLogEntryId: input.fromLogEntryId } : {}),
  }).map((r) => documentView(ctx, r));
}

export function documentSheet(ctx: ReadCtx, input: In<'documents.sheet'>): DocumentSheet {
  return {
    unitName: getDesk(ctx.db)?.unitName ?? '',
    from: input.from,
    to: input.to,
    items: listDocuments(ctx, { from: input.from, to: input.to, ...(input.kind ? { kind: input.kind } : {}), ...(input.query ? { query: input.query } : {}) }).reverse(),
    generatedAt: iso(ctx.now),
  };
}

/** Defence in depth: the contract refuses 秘密 and above with the reason; so do the service and the schema. */
function checkSecrecy(s: string): void {
  if (!isStorableSecrecy(s)) throw new DomainError('VALIDATION', 'errors.VALIDATION', { issues: [{ path: 'secrecy', messageKey: 'validation.secrecy' }] });
}

function checkTimes(ctx: WriteCtx, f: DocumentFields): void {
  if (Date.parse(f.receivedAt) > ctx.now + 5 * 60_000) throw new DomainError('VALIDATION', 'documents.errors.receivedInFuture');
  if (f.dueAt !== null && Date.parse(f.dueAt) < Date.parse(f.receivedAt))
    throw new DomainError('VALIDATION', 'documents.errors.dueBeforeReceived', { issues: [{ path: 'dueAt', messageKey: 'documents.errors.dueBeforeReceived' }] });
}

export function createDocument(ctx: WriteCtx, input: In<'documents.create'>): IncomingDocument {
  const at = iso(ctx.now);
  checkSecrecy(input.secrecy);
  const f: DocumentFields = {
    kind: input.kind,
    fromUnit: input.fromUnit,
    docNo: input.docNo ?? null,
    title: input.title,
    secrecy: input.secrecy as DocumentFields['secrecy'],
    urgency: input.urgency,
    receivedAt: input.receivedAt ? toUtc(input.receivedAt) : at,
    pages: input.pages ?? null,
    proposal: input.proposal ?? null,
    instruction: input.instruction ?? null,
    dueAt: input.dueAt ? toUtc(input.dueAt) : null,
  };
  checkTimes(ctx, f);
  if (input.fromLogEntryId !== undefined) {
    const e = getLogEntry(ctx.db, input.fromLogEntryId);
    if (!e || e.voided) throw new DomainError('NOT_FOUND', 'incidents.errors.logNotFound', { id: input.fromLogEntryId });
    if (e.kind !== 'incoming_doc') throw new DomainError('VALIDATION', 'documents.errors.logKind');
    if (documentFromLog(ctx.db, input.fromLogEntryId)) throw new DomainError('CONFLICT', 'documents.errors.logAlreadyRaised');
  }
  const receivedDate = localDate(Date.parse(f.receivedAt), deskTimeZone(ctx.db));
  const no = nextDocumentNo(ctx.db, receivedDate.slice(0, 4));
  const id = insertDocument(ctx.db, f, { no, receivedDate, fromLogEntryId: input.fromLogEntryId ?? null }, actorName(ctx), at);
  ctx.audit({ action: 'document.create', entity: 'document', entityId: id, after: { ...f, no, fromLogEntryId: input.fromLogEntryId ?? null } });
  return documentView(ctx, mustDocumentRow(ctx.db, id));
}

export function updateDocumentFields(ctx: WriteCtx, input: In<'documents.update'>): IncomingDocument {
  const { id, expectedVersion, reason, ...patch } = input;
  const r = mustDocumentRow(ctx.db, id);
  if (r.voided_at) throw new DomainError('CONFLICT', 'documents.errors.voided');
  if (r.version !== expectedVersion) throw new DomainError('CONFLICT', 'documents.errors.versionConflict', { current: r.version });
  if (patch.secrecy !== undefined) checkSecrecy(patch.secrecy);
  const before = documentFieldsOf(r);
  const after: DocumentFields = { ...before };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (after as unknown as Record<string, unknown>)[k] = v;
  after.receivedAt = toUtc(after.receivedAt);
  if (after.dueAt) after.dueAt = toUtc(after.dueAt);
  checkTimes(ctx, after);
  if ((Object.keys(after) as (keyof DocumentFields)[]).every((k) => after[k] === before[k])) throw new DomainError('VALIDATION', 'documents.errors.noChange');
  if (r.state === 'done' && after.dueAt !== before.dueAt) throw new DomainError('CONFLICT', 'documents.errors.doneDeadline');
  updateDocument(ctx.db, id, r.version + 1, after, localDate(Date.parse(after.receivedAt), deskTimeZone(ctx.db)), reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'document.update', entity: 'document', entityId: id, before, after, reason });
  return documentView(ctx, mustDocumentRow(ctx.db, id));
}

export function recordRead(ctx: WriteCtx, input: In<'documents.read'>): DocumentDetail {
  const r = mustDocumentRow(ctx.db, input.id);
  if (r.voided_at) throw new DomainError('CONFLICT', 'documents.errors.voided');
  const readAt = input.readAt ? toUtc(input.readAt) : iso(ctx.now);
  if (Date.parse(readAt) > ctx.now + 5 * 60_000) throw new DomainError('VALIDATION', 'documents.errors.readInFuture');
  const at = iso(ctx.now);
  insertRead(ctx.db, r.id, { reader: input.reader, readAt, note: input.note ?? null }, actorName(ctx), at);
  setDocumentState(ctx.db, r.id, 'circulating', actorName(ctx), at);
  ctx.audit({ action: 'document.read', entity: 'document', entityId: r.id, after: { reader: input.reader, readAt, note: input.note ?? null } });
  return documentDetail(ctx, r.id);
}

export function documentDone(ctx: WriteCtx, input: In<'documents.done'>): DocumentDetail {
  const r = mustDocumentRow(ctx.db, input.id);
  if (r.voided_at) throw new DomainError('CONFLICT', 'documents.errors.voided');
  if (r.state === 'done') throw new DomainError('CONFLICT', 'documents.errors.alreadyDone');
  markDocumentDone(ctx.db, r.id, input.result, actorName(ctx), iso(ctx.now));
  const late = r.due_at !== null && Date.parse(r.due_at) < ctx.now;
  ctx.audit({ action: 'document.done', entity: 'document', entityId: r.id, before: { state: r.state }, after: { state: 'done', result: input.result, late } });
  return documentDetail(ctx, r.id);
}

export function voidDocumentRecord(ctx: WriteCtx, id: number, reason: string): IncomingDocument {
  const r = mustDocumentRow(ctx.db, id);
  if (r.voided_at) throw new DomainError('CONFLICT', 'documents.errors.voided');
  voidDocument(ctx.db, id, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'document.void', entity: 'document', entityId: id, before: documentFieldsOf(r), reason });
  return documentView(ctx, mustDocumentRow(ctx.db, id));
}

// ───────────────────────── the console and the daily report ─────────────────────────

/** Documents and telegrams with a 办理 deadline, until done: the console's "待办时限". */
export function documentDueItems(ctx: ReadCtx): RegisterDueItem[] {
  return openDueDocuments(ctx.db).map((r) => ({
    kind: 'register',
    id: `document-${r.id}`,
    register: 'document',
    recordId: r.id,
    no: r.no,
    title: r.title,
    what: `document.${r.kind}`,
    dueAt: r.due_at!,
    overdue: Date.parse(r.due_at!) < ctx.now,
  }));
}

export interface DocumentDayCounts {
  documents: number;
  telegrams: number;
  /** Not done and past their deadline by the end of the duty day (any day's). */
  overdue: number;
}

/** A duty day's incoming documents and telegrams for the daily report (日报告). */
export function documentDayCounts(ctx: ReadCtx, dutyDate: string): DocumentDayCounts {
  const { start, end } = deskDutyDayBounds(ctx.db, dutyDate);
  return { ...documentCountsBetween(ctx.db, iso(start), iso(end)), overdue: openDueDocuments(ctx.db).filter((r) => Date.parse(r.due_at!) < end).length };
}
