/** Supervised items (督办事项 / 台账, 挂账销号): numbered on entry, supervised with notes, extended only with a reason, closed by an authorised role with a note and evidence. */
import type { LedgerDetail, LedgerFields, LedgerFilter, LedgerItem, LedgerSheet, RegisterDueItem } from '../../../shared/contract';
import { isLedgerOverdue, type LedgerState } from '../../../shared/domain/ledger';
import { DomainError } from '../../../shared/errors';
import { translate } from '../../../shared/i18n';
import { addDays, localDate, localInstant } from '../../../shared/time';
import { actorName, deskTimeZone, iso, type In, type ReadCtx, type WriteCtx } from '../context';
import { getDesk } from '../desk/db';
import { deskDutyDayBounds } from '../duty/day';
import { getLogEntry } from '../log/db';
import type { Db } from '../store/connection';
import {
  closeLedgerItem,
  extensionsOf,
  getLedgerAttachment,
  getLedgerRow,
  insertExtension,
  insertLedgerAttachment,
  insertLedgerItem,
  insertNote,
  lastNoteOf,
  ledgerAttachmentsOf,
  ledgerCountsBetween,
  ledgerFieldsOf,
  ledgerRowFromLog,
  listLedgerRows,
  nextLedgerNo,
  notesOf,
  openLedgerRows,
  updateLedgerItem,
  voidLedgerAttachment,
  voidLedgerItem,
  type LedgerContent,
  type LedgerRow,
} from './db';

const today = (ctx: Pick<ReadCtx, 'db' | 'now'>): string => localDate(ctx.now, deskTimeZone(ctx.db));
const endOfDay = (db: Db, date: string): string => iso(localInstant(addDays(date, 1), 0, deskTimeZone(db)));

function itemView(ctx: ReadCtx, r: LedgerRow): LedgerItem {
  const state = r.state as LedgerState;
  return {
    id: r.id,
    no: r.no,
    version: r.version,
    ...ledgerFieldsOf(r),
    enteredDate: r.entered_date,
    firstDeadline: r.first_deadline,
    deadline: r.deadline,
    dueAt: endOfDay(ctx.db, r.deadline),
    state,
    overdue: r.voided_at === null && isLedgerOverdue(r.deadline, today(ctx), state),
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    closingNote: r.closing_note,
    extensions: extensionsOf(ctx.db, r.id).length,
    lastNote: lastNoteOf(ctx.db, r.id),
    fromLogEntryId: r.from_log_entry_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
  };
}

export function mustLedgerRow(db: Db, id: number): LedgerRow {
  const r = getLedgerRow(db, id);
  if (!r) throw new DomainError('NOT_FOUND', 'ledger.errors.notFound', { id });
  return r;
}

export function ledgerDetail(ctx: ReadCtx, id: number): LedgerDetail {
  const r = mustLedgerRow(ctx.db, id);
  return { ...itemView(ctx, r), notes: notesOf(ctx.db, id), extensionList: extensionsOf(ctx.db, id), attachments: ledgerAttachmentsOf(ctx.db, id) };
}

export function listLedger(ctx: ReadCtx, f: LedgerFilter): LedgerItem[] {
  const state = f.state ?? 'all';
  const rows = listLedgerRows(ctx.db, {
    ...(f.source ? { source: f.source } : {}),
    ...(state === 'open' || state === 'closed' ? { state } : {}),
    ...(state === 'overdue' ? { overdueBefore: today(ctx) } : {}),
    ...(f.ownerUnit ? { ownerUnit: f.ownerUnit } : {}),
    ...(f.query ? { query: f.query } : {}),
    ...(f.fromLogEntryId !== undefined ? { fromLogEntryId: f.fromLogEntryId } : {}),
  });
  return rows.map((r) => itemView(ctx, r));
}

/** What a ledger view is, in words (title and filter line of the printed and exported 台账). */
export function ledgerTitle(f: LedgerFilter): { title: string; filterText: string } {
  const zh = (k: string) => translate('zh-CN', k);
  const title = f.source === 'hazard' ? '隐患排查台账' : f.source ? `${zh(`ledger.source.${f.source}`)}督办事项台账` : '督办事项台账';
  const parts = [f.state && f.state !== 'all' ? `状态：${zh(`ledger.filterState.${f.state}`)}` : '', f.ownerUnit ? `责任单位：${f.ownerUnit}` : '', f.query ? `含"${f.query}"` : ''];
  return { title, filterText: parts.filter(Boolean).join('　') };
}

export function ledgerSheet(ctx: ReadCtx, f: LedgerFilter): LedgerSheet {
  const items = listLedger(ctx, f);
  return {
    unitName: getDesk(ctx.db)?.unitName ?? '',
    ...ledgerTitle(f),
    items,
    counts: {
      total: items.length,
      open: items.filter((i) => i.state === 'open').length,
      overdue: items.filter((i) => i.overdue).length,
      closed: items.filter((i) => i.state === 'closed').length,
    },
    generatedAt: iso(ctx.now),
  };
}

function fieldsFrom(input: Partial<LedgerFields>, base: LedgerFields): LedgerFields {
  const f: LedgerFields = { ...base };
  for (const [k, v] of Object.entries(input)) if (v !== undefined) (f as unknown as Record<string, unknown>)[k] = v;
  // The hazard fields belong to 隐患排查 only.
  if (f.source !== 'hazard') Object.assign(f, { hazardPlace: null, hazardLevel: null, measures: null, rectifyState: null });
  else f.rectifyState ??= 'pending';
  return f;
}

const blank: LedgerFields = {
  source: 'other',
  sourceRef: null,
  title: '',
  detail: null,
  ownerUnit: '',
  ownerPerson: null,
  closingStandard: null,
  hazardPlace: null,
  hazardLevel: null,
  measures: null,
  rectifyState: null,
};

export function createLedgerItem(ctx: WriteCtx, input: In<'ledger.create'>): LedgerItem {
  const { deadline, fromLogEntryId, ...rest } = input;
  const f = fieldsFrom(rest as Partial<LedgerFields>, blank);
  if (f.source === 'hazard' && !f.hazardPlace)
    throw new DomainError('VALIDATION', 'ledger.errors.hazardPlace', { issues: [{ path: 'hazardPlace', messageKey: 'validation.required' }] });
  if (f.source === 'hazard' && !f.hazardLevel)
    throw new DomainError('VALIDATION', 'ledger.errors.hazardLevel', { issues: [{ path: 'hazardLevel', messageKey: 'validation.required' }] });
  const entered = today(ctx);
  // A deadline already past is allowed (an item found late is still entered) — it shows red at once.
  if (fromLogEntryId !== undefined) {
    const e = getLogEntry(ctx.db, fromLogEntryId);
    if (!e || e.voided) throw new DomainError('NOT_FOUND', 'incidents.errors.logNotFound', { id: fromLogEntryId });
    if (ledgerRowFromLog(ctx.db, fromLogEntryId)) throw new DomainError('CONFLICT', 'ledger.errors.logAlreadyRaised');
  }
  const at = iso(ctx.now);
  const no = nextLedgerNo(ctx.db, entered.slice(0, 4));
  const id = insertLedgerItem(ctx.db, f, { no, enteredDate: entered, deadline, fromLogEntryId: fromLogEntryId ?? null }, actorName(ctx), at);
  ctx.audit({ action: 'ledger.create', entity: 'ledgerItem', entityId: id, after: { ...f, no, deadline, fromLogEntryId: fromLogEntryId ?? null } });
  return itemView(ctx, mustLedgerRow(ctx.db, id));
}

function mustOpen(r: LedgerRow): void {
  if (r.voided_at) throw new DomainError('CONFLICT', 'ledger.errors.voided');
  if (r.state === 'closed') throw new DomainError('CONFLICT', 'ledger.errors.closed');
}

export function updateLedgerFields(ctx: WriteCtx, input: In<'ledger.update'>): LedgerItem {
  const { id, expectedVersion, reason, ...patch } = input;
  const r = mustLedgerRow(ctx.db, id);
  mustOpen(r);
  if (r.version !== expectedVersion) throw new DomainError('CONFLICT', 'ledger.errors.versionConflict', { current: r.version });
  const before: LedgerContent = { ...ledgerFieldsOf(r), deadline: r.deadline };
  const after: LedgerContent = { ...fieldsFrom(patch as Partial<LedgerFields>, ledgerFieldsOf(r)), deadline: r.deadline };
  if ((Object.keys(after) as (keyof LedgerContent)[]).every((k) => after[k] === before[k])) throw new DomainError('VALIDATION', 'ledger.errors.noChange');
  updateLedgerItem(ctx.db, id, r.version + 1, after, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'ledger.update', entity: 'ledgerItem', entityId: id, before, after, reason });
  return itemView(ctx, mustLedgerRow(ctx.db, id));
}

export function addLedgerNote(ctx: WriteCtx, id: number, text: string): LedgerDetail {
  const r = mustLedgerRow(ctx.db, id);
  mustOpen(r);
  insertNote(ctx.db, id, text, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'ledger.note', entity: 'ledgerItem', entityId: id, after: { text } });
  return ledgerDetail(ctx, id);
}

/** The only way a deadline moves: later, with a reason, as a new version, audited. */
export function extendLedgerItem(ctx: WriteCtx, input: In<'ledger.extend'>): LedgerDetail {
  const r = mustLedgerRow(ctx.db, input.id);
  mustOpen(r);
  if (input.deadline <= r.deadline)
    throw new DomainError('VALIDATION', 'ledger.errors.extendEarlier', { issues: [{ path: 'deadline', messageKey: 'ledger.errors.extendEarlier', params: { current: r.deadline } }], current: r.deadline });
  const at = iso(ctx.now);
  const by = actorName(ctx);
  const before: LedgerContent = { ...ledgerFieldsOf(r), deadline: r.deadline };
  insertExtension(ctx.db, r.id, r.deadline, input.deadline, input.reason, by, at);
  updateLedgerItem(ctx.db, r.id, r.version + 1, { ...before, deadline: input.deadline }, input.reason, by, at);
  ctx.audit({ action: 'ledger.extend', entity: 'ledgerItem', entityId: r.id, before: { deadline: r.deadline }, after: { deadline: input.deadline, wasOverdue: isLedgerOverdue(r.deadline, today(ctx), 'open') }, reason: input.reason });
  return ledgerDetail(ctx, r.id);
}

/** 销号: an authorised role (the contract checks it), a closing note and at least one piece of evidence. */
export function closeLedger(ctx: WriteCtx, input: In<'ledger.close'>): LedgerDetail {
  const r = mustLedgerRow(ctx.db, input.id);
  mustOpen(r);
  if (ledgerAttachmentsOf(ctx.db, r.id).every((a) => a.voided)) throw new DomainError('CONFLICT', 'ledger.errors.evidenceMissing');
  if (r.source === 'hazard' && r.rectify_state !== 'rectified') throw new DomainError('CONFLICT', 'ledger.errors.notRectified');
  const at = iso(ctx.now);
  closeLedgerItem(ctx.db, r.id, input.note, actorName(ctx), at);
  ctx.audit({ action: 'ledger.close', entity: 'ledgerItem', entityId: r.id, before: { state: 'open', deadline: r.deadline }, after: { state: 'closed', note: input.note, lateBy: isLedgerOverdue(r.deadline, today(ctx), 'open') } });
  return ledgerDetail(ctx, r.id);
}

export function voidLedger(ctx: WriteCtx, id: number, reason: string): LedgerItem {
  const r = mustLedgerRow(ctx.db, id);
  if (r.voided_at) throw new DomainError('CONFLICT', 'ledger.errors.voided');
  voidLedgerItem(ctx.db, id, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'ledger.void', entity: 'ledgerItem', entityId: id, before: { ...ledgerFieldsOf(r), deadline: r.deadline, state: r.state }, reason });
  return itemView(ctx, mustLedgerRow(ctx.db, id));
}

export function addLedgerAttachment(ctx: WriteCtx, a: { itemId: number; name: string; mime: string; size: number; sha256: string }) {
  const r = mustLedgerRow(ctx.db, a.itemId);
  mustOpen(r);
  const att = insertLedgerAttachment(ctx.db, { ...a, addedAt: iso(ctx.now), addedBy: actorName(ctx) });
  ctx.audit({ action: 'ledger.attach', entity: 'ledgerItem', entityId: a.itemId, after: att });
  return att;
}

export function mustLedgerAttachment(db: Db, id: number) {
  const a = getLedgerAttachment(db, id);
  if (!a) throw new DomainError('NOT_FOUND', 'incidents.errors.attachmentMissing');
  return a;
}

export function voidLedgerEvidence(ctx: WriteCtx, id: number, reason: string) {
  const a = mustLedgerAttachment(ctx.db, id);
  if (a.voided) throw new DomainError('CONFLICT', 'incidents.errors.attachmentVoided');
  mustOpen(mustLedgerRow(ctx.db, a.itemId));
  const after = voidLedgerAttachment(ctx.db, id, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'ledger.voidAttachment', entity: 'ledgerItem', entityId: a.itemId, before: a, after, reason });
  return after;
}

// ───────────────────────── the console and the daily report ─────────────────────────

/** Every open item for the console's "待办时限": past its deadline it is red and stays listed until closed. */
export function ledgerDueItems(ctx: ReadCtx): RegisterDueItem[] {
  const t = today(ctx);
  return openLedgerRows(ctx.db).map((r) => ({
    kind: 'register',
    id: `ledger-${r.id}`,
    register: 'ledger',
    recordId: r.id,
    no: r.no,
    title: r.title,
    what: r.source === 'hazard' ? 'ledger.hazard' : 'ledger.item',
    dueAt: endOfDay(ctx.db, r.deadline),
    overdue: isLedgerOverdue(r.deadline, t, 'open'),
  }));
}

export interface LedgerDayCounts {
  /** Entered (挂号) on the duty day's date. */
  entered: number;
  /** Closed (销号) within the duty day. */
  closed: number;
  open: number;
  /** Open items past their deadline, listed by number and title for the report. */
  overdue: { id: number; no: string; title: string; ownerUnit: string; deadline: string }[];
}

/** A duty day's supervised items for the daily report (日报告): overdue items are reported, never left out. */
export function ledgerDayCounts(ctx: ReadCtx, dutyDate: string): LedgerDayCounts {
  const { start, end } = deskDutyDayBounds(ctx.db, dutyDate);
  const c = ledgerCountsBetween(ctx.db, dutyDate, iso(start), iso(end));
  const open = openLedgerRows(ctx.db);
  // Overdue on the report's day: its deadline day lies before the duty day (the report is written during it).
  const asOf = dutyDate;
  return {
    ...c,
    open: open.length,
    overdue: open.filter((r) => isLedgerOverdue(r.deadline, asOf, 'open')).map((r) => ({ id: r.id, no: r.no, title: r.title, ownerUnit: r.owner_unit, deadline: r.deadline })),
  };
}
