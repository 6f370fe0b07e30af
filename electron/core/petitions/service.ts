/** Petitions (信访): the register, its workflow and deadlines under 信访工作条例, leaders' cases and the 批/人次 statistics. */
import { z } from 'zod';
import type {
  Petition,
  PetitionDeadline,
  PetitionDetail,
  PetitionFields,
  Petitioner,
  PetitionSettings,
  PetitionStats,
  PetitionStatsBlock,
  PetitionStepInput,
  RegisterDueItem,
  VersionPetitioner,
} from '../../../shared/contract';
import { petitionSettingsSchema } from '../../../shared/contract/petitions';
import { maskIdNumber, maySeeIdNumbers } from '../../../shared/domain/id-number';
import {
  defaultPetitionCategories,
  extensionProblem,
  isGroupVisit,
  isInTime,
  lastDayOf,
  levelRank,
  levelsFrom,
  maxRepresentatives,
  nationalPetitionLimits,
  previousPeriod,
  repeatIds,
  samePeriodLastYear,
  tally,
  type CountedPetition,
  type Count,
  type Period,
  type PetitionDeadlineKind,
  type PetitionForm,
  type PetitionLevel,
  type PetitionState,
} from '../../../shared/domain/petition';
import { DomainError } from '../../../shared/errors';
import { addDays, localDate, localInstant } from '../../../shared/time';
import { actorName, deskTimeZone, iso, toUtc, type In, type ReadCtx, type WriteCtx } from '../context';
import { deskDutyDayBounds } from '../duty/day';
import { getLogEntry } from '../log/db';
import { getDesk } from '../desk/db';
import type { Db } from '../store/connection';
import { defineSetting, readGroup, writeGroup, type SettingGroup } from '../store/settings';
import {
  actionCounts,
  actionsOf,
  assignmentsOf,
  caseCounts,
  caseOf,
  closeCaseRow,
  countingRows,
  deadlinesOf,
  getAssignment,
  getPetitionerRow,
  getPetitionRow,
  insertAction,
  insertAssignment,
  insertDeadline,
  insertFirstPetitionVersion,
  insertPetition,
  insertPetitioner,
  insertStep,
  isRepeatRow,
  linkPetitioner,
  listPetitionRows,
  markAssignmentDone,
  meetDeadline,
  nextPetitionNo,
  openDeadline,
  openPetitionDeadlines,
  petitionerByIdNumber,
  petitionerContent,
  petitionFieldsOf,
  petitionersOf,
  petitionRowsBetween,
  searchPetitioners,
  setPetitionState,
  setRepresentative,
  stepsOf,
  supersedeDeadline,
  updatePetition,
  updatePetitioner,
  unlinkPetitioner,
  upsertCase,
  visitCounts,
  voidPetition,
  type DeadlineRow,
  type PetitionerRow,
  type PetitionRow,
} from './db';

// ───────────────────────── settings ─────────────────────────

const shape = petitionSettingsSchema.shape;
export const defaultPetitionSettings: PetitionSettings = {
  deskLevel: 'district',
  categories: defaultPetitionCategories,
  // Holidays from the State Council notice (DOMAIN §5); the desk adds 两会 and its own when they are announced.
  sensitivePeriods: [
    { name: '2026年春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '2026年国庆', from: '2026-10-01', to: '2026-10-07' },
  ],
  limits: nationalPetitionLimits,
};
const settingsGroup: SettingGroup<PetitionSettings> = {
  deskLevel: defineSetting('petitions.deskLevel', shape.deskLevel, defaultPetitionSettings.deskLevel),
  categories: defineSetting('petitions.categories', shape.categories as z.ZodType<string[]>, defaultPetitionSettings.categories),
  sensitivePeriods: defineSetting(
    'petitions.sensitivePeriods',
    shape.sensitivePeriods as z.ZodType<PetitionSettings['sensitivePeriods']>,
    defaultPetitionSettings.sensitivePeriods,
  ),
  limits: defineSetting('petitions.limits', shape.limits, defaultPetitionSettings.limits),
};

export const petitionSettings = (db: Db): PetitionSettings => readGroup(db, settingsGroup);

export function setPetitionSettings(ctx: WriteCtx, input: PetitionSettings): PetitionSettings {
  const { before, after } = writeGroup(ctx.db, settingsGroup, input);
  ctx.audit({ action: 'settings.petitions', entity: 'settings', entityId: 'petitions', before, after });
  return after;
}

// ───────────────────────── views ─────────────────────────

const today = (ctx: Pick<ReadCtx, 'db' | 'now'>): string => localDate(ctx.now, deskTimeZone(ctx.db));
/** The instant a due date ends: midnight closing it, in the desk's zone. */
const endOfDay = (db: Db, date: string): string => iso(localInstant(addDays(date, 1), 0, deskTimeZone(db)));
const maySee = (ctx: Pick<ReadCtx, 'session'>): boolean => maySeeIdNumbers(ctx.session?.roles ?? []);

function petitionerView(ctx: Pick<ReadCtx, 'session'>, r: PetitionerRow, visits: number): Petitioner {
  const show = maySee(ctx);
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    phone: r.phone,
    idNumber: r.id_number === null ? null : show ? r.id_number : maskIdNumber(r.id_number),
    idNumberMasked: r.id_number !== null && !show,
    address: r.address,
    keyPerson: r.key_person === 1,
    visits,
  };
}

function deadlineView(db: Db, d: DeadlineRow, todayDate: string): PetitionDeadline {
  const superseded = d.superseded_at !== null;
  return {
    id: d.id,
    kind: d.kind as PetitionDeadlineKind,
    startDate: d.start_date,
    dueDate: d.due_date,
    dueAt: endOfDay(db, d.due_date),
    metOn: d.met_on,
    late: !superseded && (d.met_on !== null ? !isInTime(d.due_date, d.met_on) : todayDate > d.due_date),
    superseded,
    assignmentId: d.assignment_id,
  };
}

function petitionView(ctx: ReadCtx, r: PetitionRow): Petition {
  const people = petitionersOf(ctx.db, r.id);
  const visits = visitCounts(ctx.db, people.map((p) => p.id));
  const t = today(ctx);
  const deadlines = deadlinesOf(ctx.db, r.id).map((d) => deadlineView(ctx.db, d, t));
  const open = deadlines.filter((d) => d.metOn === null && !d.superseded).sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  return {
    id: r.id,
    no: r.no,
    version: r.version,
    ...petitionFieldsOf(r),
    receivedDate: r.received_date,
    state: r.state as PetitionState,
    group: isGroupVisit(r.persons),
    repeat: isRepeatRow(ctx.db, r),
    petitioners: people.map((p) => ({ ...petitionerView(ctx, p, visits.get(p.id) ?? 0), representative: p.representative === 1 })),
    nextDeadline: r.voided_at === null ? (open[0] ?? null) : null,
    lateCount: deadlines.filter((d) => d.late).length,
    fromLogEntryId: r.from_log_entry_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
  };
}

export function mustPetitionRow(db: Db, id: number): PetitionRow {
  const r = getPetitionRow(db, id);
  if (!r) throw new DomainError('NOT_FOUND', 'petitions.errors.notFound', { id });
  return r;
}

export function petitionDetail(ctx: ReadCtx, id: number): PetitionDetail {
  const r = mustPetitionRow(ctx.db, id);
  const t = today(ctx);
  return {
    ...petitionView(ctx, r),
    deadlines: deadlinesOf(ctx.db, id).map((d) => deadlineView(ctx.db, d, t)),
    steps: stepsOf(ctx.db, id),
    assignments: assignmentsOf(ctx.db, id),
    actions: actionsOf(ctx.db, id),
    case: caseOf(ctx.db, id),
  };
}

export function listPetitions(ctx: ReadCtx, input: In<'petitions.list'>): Petition[] {
  const rows = listPetitionRows(ctx.db, {
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(input.level ? { level: input.level } : {}),
    ...(input.query ? { query: input.query } : {}),
    ...(input.fromLogEntryId !== undefined ? { fromLogEntryId: input.fromLogEntryId } : {}),
    limit: input.limit ?? 500,
  });
  const list = rows.map((r) => petitionView(ctx, r));
  if (input.state === 'open') return list.filter((p) => p.nextDeadline !== null);
  if (input.state === 'overdue') return list.filter((p) => p.nextDeadline?.late);
  return list;
}

export function searchPetitionerViews(ctx: ReadCtx, q: string): Petitioner[] {
  const rows = searchPetitioners(ctx.db, q);
  const visits = visitCounts(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => petitionerView(ctx, r, visits.get(r.id) ?? 0));
}

/** The audit copy of a petitioner: the ID number masked (the audit stream travels to the hub; versions keep the full value). */
const auditPetitioner = (c: ReturnType<typeof petitionerContent>) => ({ ...c, idNumber: c.idNumber ? maskIdNumber(c.idNumber) : null });

// ───────────────────────── register ─────────────────────────

/**
 * The rules a petition's fields keep. On an edit, `before` is the stored
 * version: a level or category the desk has since dropped from its settings
 * stays valid on the records that already carry it.
 */
function checkFields(ctx: WriteCtx, f: PetitionFields, before?: PetitionFields): void {
  const s = petitionSettings(ctx.db);
  if (levelRank(f.level) < levelRank(s.deskLevel) && f.level !== before?.level)
    throw new DomainError('VALIDATION', 'petitions.errors.levelBelowDesk', { issues: [{ path: 'level', messageKey: 'petitions.errors.levelBelowDesk' }] });
  if (!s.categories.includes(f.category) && f.category !== before?.category)
    throw new DomainError('VALIDATION', 'petitions.errors.unknownCategory', { issues: [{ path: 'category', messageKey: 'petitions.errors.unknownCategory' }] });
  if (f.abnormalKind !== null && !f.abnormal) throw new DomainError('VALIDATION', 'petitions.errors.abnormalKindWithoutFlag');
  if (f.abnormal && f.abnormalKind === null)
    throw new DomainError('VALIDATION', 'petitions.errors.abnormalKindMissing', { issues: [{ path: 'abnormalKind', messageKey: 'validation.required' }] });
  if (Date.parse(f.receivedAt) > ctx.now + 5 * 60_000) throw new DomainError('VALIDATION', 'petitions.errors.receivedInFuture');
}

/** 条例 Art. 26: a group (five or more) chooses at most five representatives, who are the petitioners recorded; otherwise no more petitioners than persons. */
function checkPetitionerCount(persons: number, count: number): void {
  if (isGroupVisit(persons) && count > maxRepresentatives)
    throw new DomainError('VALIDATION', 'petitions.errors.tooManyRepresentatives', {
      max: maxRepresentatives,
      issues: [{ path: 'petitioners', messageKey: 'petitions.errors.tooManyRepresentatives', params: { max: maxRepresentatives } }],
    });
  if (!isGroupVisit(persons) && count > persons)
    throw new DomainError('VALIDATION', 'petitions.errors.morePetitionersThanPersons', {
      issues: [{ path: 'petitioners', messageKey: 'petitions.errors.morePetitionersThanPersons' }],
    });
}

type PetitionerInput = In<'petitions.create'>['petitioners'][number];

/** The petitioners an input names: found by id, or new — one person, one record: an ID number seen before links to that petitioner (重复访). */
function resolvePetitioners(ctx: WriteCtx, list: readonly PetitionerInput[], by: string, at: string): { id: number; representative: boolean }[] {
  const out: { id: number; representative: boolean }[] = [];
  for (const p of list) {
    let pid: number;
    if ('petitionerId' in p) {
      if (!getPetitionerRow(ctx.db, p.petitionerId)) throw new DomainError('NOT_FOUND', 'petitions.errors.petitionerNotFound');
      pid = p.petitionerId;
    } else {
      const known = p.idNumber ? petitionerByIdNumber(ctx.db, p.idNumber) : null;
      if (known) pid = known.id;
      else {
        const c = { name: p.name, phone: p.phone, idNumber: p.idNumber, address: p.address, keyPerson: p.keyPerson ?? false };
        pid = insertPetitioner(ctx.db, c, by, at);
        ctx.audit({ action: 'petitioner.create', entity: 'petitioner', entityId: pid, after: auditPetitioner(c) });
      }
    }
    if (out.some((x) => x.id === pid)) throw new DomainError('VALIDATION', 'petitions.errors.duplicatePetitioner');
    out.push({ id: pid, representative: p.representative ?? false });
  }
  return out;
}

/** Who a petition names now, as its versions record it. */
const namedPetitioners = (db: Db, id: number): VersionPetitioner[] =>
  petitionersOf(db, id).map((p) => ({ id: p.id, name: p.name, representative: p.representative === 1 }));

const logKindsForPetition = ['visit', 'incoming_call', 'incoming_doc'] as const;

export function createPetition(ctx: WriteCtx, input: In<'petitions.create'>): Petition {
  const at = iso(ctx.now);
  const by = actorName(ctx);
  const f: PetitionFields = {
    receivedAt: input.receivedAt ? toUtc(input.receivedAt) : at,
    form: input.form,
    persons: input.persons,
    level: input.level,
    abnormal: input.abnormal ?? false,
    abnormalKind: input.abnormalKind ?? null,
    category: input.category,
    summary: input.summary,
    demands: input.demands ?? null,
    leader: input.leader ?? null,
    unit: input.unit ?? null,
    locality: input.locality ?? null,
  };
  checkFields(ctx, f);
  const group = isGroupVisit(f.persons);
  checkPetitionerCount(f.persons, input.petitioners.length);
  if (input.fromLogEntryId !== undefined) {
    const e = getLogEntry(ctx.db, input.fromLogEntryId);
    if (!e || e.voided) throw new DomainError('NOT_FOUND', 'incidents.errors.logNotFound', { id: input.fromLogEntryId });
    if (!(logKindsForPetition as readonly string[]).includes(e.kind)) throw new DomainError('VALIDATION', 'petitions.errors.logKind');
    if (listFromLog(ctx.db, input.fromLogEntryId)) throw new DomainError('CONFLICT', 'petitions.errors.logAlreadyRaised');
  }
  const tz = deskTimeZone(ctx.db);
  const receivedDate = localDate(Date.parse(f.receivedAt), tz);
  const no = nextPetitionNo(ctx.db, receivedDate.slice(0, 4));
  const id = insertPetition(ctx.db, f, { no, receivedDate, fromLogEntryId: input.fromLogEntryId ?? null }, by, at);
  const linked = resolvePetitioners(ctx, input.petitioners, by, at);
  for (const p of linked) linkPetitioner(ctx.db, id, p.id, group || p.representative);
  insertFirstPetitionVersion(ctx.db, id, f, namedPetitioners(ctx.db, id), by, at);
  const limits = petitionSettings(ctx.db).limits;
  insertDeadline(ctx.db, id, { kind: 'accept', startDate: receivedDate, dueDate: lastDayOf(receivedDate, limits.acceptDays) }, at);
  ctx.audit({
    action: 'petition.create',
    entity: 'petition',
    entityId: id,
    after: { ...f, no, petitioners: linked.map((p) => p.id), fromLogEntryId: input.fromLogEntryId ?? null },
  });
  return petitionView(ctx, mustPetitionRow(ctx.db, id));
}

const listFromLog = (db: Db, logId: number): boolean => listPetitionRows(db, { fromLogEntryId: logId, includeVoided: true, limit: 1 }).length > 0;

export function updatePetitionFields(ctx: WriteCtx, input: In<'petitions.update'>): Petition {
  const { id, expectedVersion, reason, ...patch } = input;
  const cur = mustPetitionRow(ctx.db, id);
  if (cur.voided_at) throw new DomainError('CONFLICT', 'petitions.errors.voided');
  if (cur.version !== expectedVersion) throw new DomainError('CONFLICT', 'petitions.errors.versionConflict', { current: cur.version });
  const before = petitionFieldsOf(cur);
  const merged: PetitionFields = { ...before };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v;
  merged.receivedAt = toUtc(merged.receivedAt);
  if (!merged.abnormal) merged.abnormalKind = null;
  checkFields(ctx, merged, before);
  const changed = (Object.keys(merged) as (keyof PetitionFields)[]).filter((k) => merged[k] !== before[k]);
  if (changed.length === 0) throw new DomainError('VALIDATION', 'petitions.errors.noChange');
  if (changed.includes('receivedAt') && cur.state !== 'registered') throw new DomainError('CONFLICT', 'petitions.errors.receivedFixed');
  if (changed.includes('persons')) {
    const count = petitionersOf(ctx.db, id).length;
    checkPetitionerCount(merged.persons, count);
    // Now a group visit: the petitioners recorded are its representatives.
    if (isGroupVisit(merged.persons)) for (const p of petitionersOf(ctx.db, id)) if (p.representative !== 1) setRepresentative(ctx.db, id, p.id, true);
  }
  const named = namedPetitioners(ctx.db, id);
  const receivedDate = localDate(Date.parse(merged.receivedAt), deskTimeZone(ctx.db));
  updatePetition(ctx.db, id, cur.version + 1, merged, receivedDate, named, reason, actorName(ctx), iso(ctx.now));
  if (receivedDate !== cur.received_date) {
    // Still only registered: the 15-day deadline runs from the corrected day.
    const d = openDeadline(ctx.db, id, 'accept');
    if (d) {
      supersedeDeadline(ctx.db, d.id, iso(ctx.now));
      const limits = petitionSettings(ctx.db).limits;
      insertDeadline(ctx.db, id, { kind: 'accept', startDate: receivedDate, dueDate: lastDayOf(receivedDate, limits.acceptDays) }, iso(ctx.now));
    }
  }
  ctx.audit({ action: 'petition.update', entity: 'petition', entityId: id, before, after: merged, reason });
  return petitionView(ctx, mustPetitionRow(ctx.db, id));
}

/**
 * Changes who a petition names: adds petitioners (new, or found and linked —
 * their visits then count as 重复访), takes off one entered by mistake, marks
 * representatives. A new version of the petition records the list, with the reason.
 */
export function setPetitionPetitioners(ctx: WriteCtx, input: In<'petitions.setPetitioners'>): PetitionDetail {
  const cur = mustPetitionRow(ctx.db, input.id);
  if (cur.voided_at) throw new DomainError('CONFLICT', 'petitions.errors.voided');
  if (cur.version !== input.expectedVersion) throw new DomainError('CONFLICT', 'petitions.errors.versionConflict', { current: cur.version });
  checkPetitionerCount(cur.persons, input.petitioners.length);
  const at = iso(ctx.now);
  const by = actorName(ctx);
  const group = isGroupVisit(cur.persons);
  const before = namedPetitioners(ctx.db, cur.id);
  const wanted = resolvePetitioners(ctx, input.petitioners, by, at).map((p) => ({ ...p, representative: group || p.representative }));
  const same =
    wanted.length === before.length && wanted.every((w) => before.some((b) => b.id === w.id && b.representative === w.representative));
  if (same) throw new DomainError('VALIDATION', 'petitions.errors.noChange');
  for (const b of before) if (!wanted.some((w) => w.id === b.id)) unlinkPetitioner(ctx.db, cur.id, b.id);
  for (const w of wanted) {
    const was = before.find((b) => b.id === w.id);
    if (!was) linkPetitioner(ctx.db, cur.id, w.id, w.representative);
    else if (was.representative !== w.representative) setRepresentative(ctx.db, cur.id, w.id, w.representative);
  }
  const after = namedPetitioners(ctx.db, cur.id);
  updatePetition(ctx.db, cur.id, cur.version + 1, petitionFieldsOf(cur), cur.received_date, after, input.reason, by, at);
  ctx.audit({ action: 'petition.petitioners', entity: 'petition', entityId: cur.id, before: { petitioners: before }, after: { petitioners: after }, reason: input.reason });
  return petitionDetail(ctx, cur.id);
}

export function voidPetitionRecord(ctx: WriteCtx, id: number, reason: string): Petition {
  const cur = mustPetitionRow(ctx.db, id);
  if (cur.voided_at) throw new DomainError('CONFLICT', 'petitions.errors.voided');
  voidPetition(ctx.db, id, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'petition.void', entity: 'petition', entityId: id, before: petitionFieldsOf(cur), reason });
  return petitionView(ctx, mustPetitionRow(ctx.db, id));
}

export function updatePetitionerRecord(ctx: WriteCtx, input: In<'petitioners.update'>): Petitioner {
  const { id, expectedVersion, reason, ...patch } = input;
  const cur = getPetitionerRow(ctx.db, id);
  if (!cur) throw new DomainError('NOT_FOUND', 'petitions.errors.petitionerNotFound');
  if (cur.version !== expectedVersion) throw new DomainError('CONFLICT', 'petitions.errors.versionConflict', { current: cur.version });
  // Someone who sees only the masked number cannot meaningfully keep or change it: refuse rather than guess.
  if (patch.idNumber !== undefined && !maySee(ctx)) throw new DomainError('FORBIDDEN', 'petitions.errors.idNumberRole');
  const before = petitionerContent(cur);
  const after = { ...before };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (after as Record<string, unknown>)[k] = v;
  if (after.idNumber && after.idNumber !== before.idNumber) {
    const other = petitionerByIdNumber(ctx.db, after.idNumber);
    if (other && other.id !== id) throw new DomainError('CONFLICT', 'petitions.errors.idNumberTaken');
  }
  if ((Object.keys(after) as (keyof typeof after)[]).every((k) => after[k] === before[k])) throw new DomainError('VALIDATION', 'petitions.errors.noChange');
  updatePetitioner(ctx.db, id, cur.version + 1, after, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'petitioner.update', entity: 'petitioner', entityId: id, before: auditPetitioner(before), after: auditPetitioner(after), reason });
  const row = getPetitionerRow(ctx.db, id)!;
  return petitionerView(ctx, row, visitCounts(ctx.db, [id]).get(id) ?? 0);
}

// ───────────────────────── workflow ─────────────────────────

const transitions: Record<PetitionStepInput['step'], readonly PetitionState[]> = {
  accept: ['registered'],
  reject: ['registered'],
  startHandling: ['accepted'],
  extend: ['accepted', 'handling'],
  conclude: ['accepted', 'handling'],
  requestReview: ['concluded'],
  answerReview: ['reviewRequested'],
  requestRecheck: ['reviewed'],
  answerRecheck: ['recheckRequested'],
};

/** The date a step happened on: given or today; never in the future, never before the last step. */
function stepDate(ctx: WriteCtx, r: PetitionRow, on: string | undefined): string {
  const t = today(ctx);
  const d = on ?? t;
  if (d > t) throw new DomainError('VALIDATION', 'petitions.errors.dateInFuture', { issues: [{ path: 'on', messageKey: 'petitions.errors.dateInFuture' }] });
  const last = stepsOf(ctx.db, r.id).at(-1)?.onDate ?? r.received_date;
  if (d < last) throw new DomainError('VALIDATION', 'petitions.errors.dateBeforeLastStep', { last, issues: [{ path: 'on', messageKey: 'petitions.errors.dateBeforeLastStep', params: { last } }] });
  return d;
}

/** The date the petitioner received the latest written answer (for the 30-day request window). */
const lastAnswerReceived = (db: Db, id: number): string | null => stepsOf(db, id).filter((s) => s.step === 'answerReceived').at(-1)?.onDate ?? null;

export function petitionStep(ctx: WriteCtx, input: PetitionStepInput): PetitionDetail {
  const r = mustPetitionRow(ctx.db, input.id);
  if (r.voided_at) throw new DomainError('CONFLICT', 'petitions.errors.voided');
  const state = r.state as PetitionState;
  if (!transitions[input.step].includes(state)) throw new DomainError('CONFLICT', 'petitions.errors.badStep', { step: input.step, state });
  const at = iso(ctx.now);
  const by = actorName(ctx);
  const limits = petitionSettings(ctx.db).limits;
  const meet = (kind: PetitionDeadlineKind, on: string): boolean | null => {
    const d = openDeadline(ctx.db, r.id, kind);
    if (!d) return null;
    meetDeadline(ctx.db, d.id, on);
    return isInTime(d.due_date, on);
  };
  let next: PetitionState = state;
  let audit: Record<string, unknown> = {};
  switch (input.step) {
    case 'accept':
    case 'reject': {
      const on = stepDate(ctx, r, input.on);
      const inTime = meet('accept', on);
      insertStep(ctx.db, r.id, { step: input.step, onDate: on, text: input.text ?? null, inTime }, by, at);
      if (input.step === 'accept') {
        insertDeadline(ctx.db, r.id, { kind: 'conclude', startDate: on, dueDate: lastDayOf(on, limits.concludeDays) }, at);
        next = 'accepted';
      } else next = 'rejected';
      audit = { on, inTime };
      break;
    }
    case 'startHandling': {
      const on = stepDate(ctx, r, input.on);
      insertStep(ctx.db, r.id, { step: 'startHandling', onDate: on, text: input.text ?? null }, by, at);
      next = 'handling';
      audit = { on };
      break;
    }
    case 'extend': {
      const d = openDeadline(ctx.db, r.id, 'conclude');
      if (!d) throw new DomainError('CONFLICT', 'petitions.errors.badStep', { step: input.step, state });
      const extended = stepsOf(ctx.db, r.id).some((s) => s.step === 'extend');
      const problem = extensionProblem({ dueDate: d.due_date, today: today(ctx), alreadyExtended: extended, days: input.days }, limits);
      if (problem)
        throw new DomainError(problem === 'tooLong' ? 'VALIDATION' : 'CONFLICT', `petitions.errors.extension.${problem}`, {
          max: limits.maxExtensionDays,
          ...(problem === 'tooLong' ? { issues: [{ path: 'days', messageKey: 'petitions.errors.extension.tooLong', params: { max: limits.maxExtensionDays } }] } : {}),
        });
      supersedeDeadline(ctx.db, d.id, at);
      const dueDate = lastDayOf(d.due_date, input.days);
      insertDeadline(ctx.db, r.id, { kind: 'conclude', startDate: d.start_date, dueDate }, at);
      insertStep(ctx.db, r.id, { step: 'extend', onDate: today(ctx), text: input.text, days: input.days }, by, at);
      audit = { from: d.due_date, to: dueDate, days: input.days };
      break;
    }
    case 'conclude':
    case 'answerReview':
    case 'answerRecheck': {
      const on = stepDate(ctx, r, input.on);
      const kind = input.step === 'conclude' ? 'conclude' : input.step === 'answerReview' ? 'reviewAnswer' : 'recheckAnswer';
      const inTime = meet(kind, on);
      insertStep(ctx.db, r.id, { step: input.step, onDate: on, text: input.text, inTime }, by, at);
      const received = 'answerReceivedOn' in input && input.answerReceivedOn ? input.answerReceivedOn : on;
      if (received < on) throw new DomainError('VALIDATION', 'petitions.errors.answerBeforeConclusion');
      if (input.step !== 'answerRecheck') insertStep(ctx.db, r.id, { step: 'answerReceived', onDate: received, text: null }, by, at);
      next = input.step === 'conclude' ? 'concluded' : input.step === 'answerReview' ? 'reviewed' : 'rechecked';
      audit = { on, inTime, answerReceivedOn: received };
      break;
    }
    case 'requestReview':
    case 'requestRecheck': {
      const on = stepDate(ctx, r, input.on);
      const received = lastAnswerReceived(ctx.db, r.id) ?? on;
      const window = input.step === 'requestReview' ? limits.reviewRequestDays : limits.recheckRequestDays;
      // A late request is recorded as late (the body decides whether it still hears it), never refused silently.
      const inTime = isInTime(lastDayOf(received, window), on);
      insertStep(ctx.db, r.id, { step: input.step, onDate: on, text: input.text ?? null, inTime }, by, at);
      const days = input.step === 'requestReview' ? limits.reviewAnswerDays : limits.recheckAnswerDays;
      insertDeadline(ctx.db, r.id, { kind: input.step === 'requestReview' ? 'reviewAnswer' : 'recheckAnswer', startDate: on, dueDate: lastDayOf(on, days) }, at);
      next = input.step === 'requestReview' ? 'reviewRequested' : 'recheckRequested';
      audit = { on, inTime };
      break;
    }
  }
  if (next !== state) setPetitionState(ctx.db, r.id, next, by, at);
  ctx.audit({ action: `petition.${input.step}`, entity: 'petition', entityId: r.id, before: { state }, after: { state: next, ...audit, text: 'text' in input ? input.text : null } });
  return petitionDetail(ctx, r.id);
}

export function assignPetition(ctx: WriteCtx, input: In<'petitions.assign'>): PetitionDetail {
  const r = mustPetitionRow(ctx.db, input.id);
  if (r.voided_at) throw new DomainError('CONFLICT', 'petitions.errors.voided');
  if (!['registered', 'accepted', 'handling'].includes(r.state)) throw new DomainError('CONFLICT', 'petitions.errors.badStep', { step: 'assign', state: r.state });
  const on = stepDate(ctx, r, input.on);
  const due = input.dueDate ?? null;
  if (due !== null && due < on)
    throw new DomainError('VALIDATION', 'petitions.errors.dueBeforeAssigned', { issues: [{ path: 'dueDate', messageKey: 'petitions.errors.dueBeforeAssigned' }] });
  const at = iso(ctx.now);
  const aid = insertAssignment(ctx.db, r.id, { kind: input.kind, unit: input.unit, assignedOn: on, dueDate: due, note: input.note ?? null }, actorName(ctx), at);
  if (due !== null) insertDeadline(ctx.db, r.id, { kind: 'assignment', startDate: on, dueDate: due, assignmentId: aid }, at);
  // 交办/转办 of an accepted petition starts its handling: the row names the state it leaves the petition in.
  const state: PetitionState = r.state === 'accepted' ? 'handling' : (r.state as PetitionState);
  if (state !== r.state) setPetitionState(ctx.db, r.id, state, actorName(ctx), at);
  ctx.audit({
    action: `petition.${input.kind}`,
    entity: 'petition',
    entityId: r.id,
    before: state !== r.state ? { state: r.state } : null,
    after: { assignmentId: aid, unit: input.unit, on, dueDate: due, note: input.note ?? null, state },
  });
  return petitionDetail(ctx, r.id);
}

export function assignmentDone(ctx: WriteCtx, input: In<'petitions.assignmentDone'>): PetitionDetail {
  const a = getAssignment(ctx.db, input.assignmentId);
  if (!a) throw new DomainError('NOT_FOUND', 'petitions.errors.assignmentNotFound');
  if (a.doneOn) throw new DomainError('CONFLICT', 'petitions.errors.assignmentDone');
  const t = today(ctx);
  const on = input.on ?? t;
  if (on > t) throw new DomainError('VALIDATION', 'petitions.errors.dateInFuture');
  if (on < a.assignedOn) throw new DomainError('VALIDATION', 'petitions.errors.dateBeforeLastStep', { last: a.assignedOn });
  markAssignmentDone(ctx.db, a.id, on, input.result, actorName(ctx), iso(ctx.now));
  const d = openDeadline(ctx.db, a.petitionId, 'assignment', a.id);
  if (d) meetDeadline(ctx.db, d.id, on);
  ctx.audit({ action: 'petition.assignmentDone', entity: 'petition', entityId: a.petitionId, after: { assignmentId: a.id, on, result: input.result, inTime: d ? isInTime(d.due_date, on) : null } });
  return petitionDetail(ctx, a.petitionId);
}

export function petitionAction(ctx: WriteCtx, input: In<'petitions.action'>): PetitionDetail {
  const r = mustPetitionRow(ctx.db, input.id);
  if (r.voided_at) throw new DomainError('CONFLICT', 'petitions.errors.voided');
  const t = today(ctx);
  const on = input.on ?? t;
  if (on > t) throw new DomainError('VALIDATION', 'petitions.errors.dateInFuture', { issues: [{ path: 'on', messageKey: 'petitions.errors.dateInFuture' }] });
  const satisfied = input.satisfied ?? null;
  if (input.kind === 'followup' && satisfied === null)
    throw new DomainError('VALIDATION', 'petitions.errors.satisfiedMissing', { issues: [{ path: 'satisfied', messageKey: 'validation.required' }] });
  if (input.kind === 'caseNote') {
    const c = caseOf(ctx.db, r.id);
    if (!c || c.closedAt) throw new DomainError('CONFLICT', 'petitions.errors.noOpenCase');
  }
  const a = { kind: input.kind, onDate: on, text: input.text, byName: input.byName ?? null, satisfied: input.kind === 'followup' ? satisfied : null };
  insertAction(ctx.db, r.id, a, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: `petition.${input.kind}`, entity: 'petition', entityId: r.id, after: a });
  return petitionDetail(ctx, r.id);
}

export function setPetitionCase(ctx: WriteCtx, input: In<'petitions.setCase'>): PetitionDetail {
  const r = mustPetitionRow(ctx.db, input.id);
  if (r.voided_at) throw new DomainError('CONFLICT', 'petitions.errors.voided');
  const before = caseOf(ctx.db, r.id);
  if (before?.closedAt) throw new DomainError('CONFLICT', 'petitions.errors.caseClosed');
  const duties = [...new Set(input.duties)];
  upsertCase(ctx.db, r.id, input.leader, duties, actorName(ctx), iso(ctx.now));
  ctx.audit({
    action: before ? 'petitionCase.update' : 'petitionCase.open',
    entity: 'petition',
    entityId: r.id,
    before: before ? { leader: before.leader, duties: before.duties } : null,
    after: { leader: input.leader, duties },
    reason: input.reason ?? null,
  });
  return petitionDetail(ctx, r.id);
}

export function closePetitionCase(ctx: WriteCtx, input: In<'petitions.closeCase'>): PetitionDetail {
  const c = caseOf(ctx.db, input.id);
  if (!c || c.closedAt) throw new DomainError('CONFLICT', 'petitions.errors.noOpenCase');
  closeCaseRow(ctx.db, input.id, input.note, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'petitionCase.close', entity: 'petition', entityId: input.id, after: { note: input.note } });
  return petitionDetail(ctx, input.id);
}

// ───────────────────────── statistics ─────────────────────────

function toCounted(rows: ReturnType<typeof countingRows>): CountedPetition[] {
  return rows.map((r) => ({
    id: r.id,
    receivedAt: r.received_at,
    receivedDate: r.received_date,
    form: r.form as PetitionForm,
    level: r.level as PetitionLevel,
    persons: r.persons,
    abnormal: r.abnormal === 1,
    category: r.category,
    petitionerIds: r.petitioners ? r.petitioners.split(',').map(Number) : [],
  }));
}

function block(all: CountedPetition[], repeats: Set<number>, p: Period, categories: string[]): PetitionStatsBlock {
  const t = tally(all.filter((x) => x.receivedDate >= p.from && x.receivedDate <= p.to), repeats, categories);
  return { from: p.from, to: p.to, ...t };
}

export function petitionStats(ctx: ReadCtx, period: Period): PetitionStats {
  const s = petitionSettings(ctx.db);
  const all = toCounted(countingRows(ctx.db, period.to));
  const repeats = repeatIds(all);
  const actions = actionCounts(ctx.db, period.from, period.to);
  return {
    unitName: getDesk(ctx.db)?.unitName ?? '',
    deskLevel: s.deskLevel,
    levels: levelsFrom(s.deskLevel),
    categories: s.categories,
    periodName: s.sensitivePeriods.find((x) => x.from === period.from && x.to === period.to)?.name ?? null,
    current: block(all, repeats, period, s.categories),
    previous: block(all, repeats, previousPeriod(period), s.categories),
    lastYear: block(all, repeats, samePeriodLastYear(period), s.categories),
    cases: caseCounts(ctx.db, period.from, period.to),
    supervised: actions.supervise,
    followups: actions.followup,
    generatedAt: iso(ctx.now),
  };
}

// ───────────────────────── the console and the daily report ─────────────────────────

/** Every open petition deadline for the console's "待办时限", red once its last day has passed. */
export function petitionDueItems(ctx: ReadCtx): RegisterDueItem[] {
  const t = today(ctx);
  return openPetitionDeadlines(ctx.db).map((d) => ({
    kind: 'register',
    id: `petition-${d.id}`,
    register: 'petition',
    recordId: d.petition_id,
    no: d.no,
    title: d.summary,
    what: `petition.${d.kind}`,
    dueAt: endOfDay(ctx.db, d.due_date),
    overdue: t > d.due_date,
  }));
}

export interface PetitionDayCounts {
  /** 上访 per level received in the duty day, in 批 and 人次. */
  byLevel: Record<PetitionLevel, Count>;
  total: Count;
  group: Count;
  abnormal: Count;
  /** Petition deadlines past their last day and still open (any day's). */
  overdue: number;
}

/**
 * A duty day's petitions for the daily report (日报告): what came in during
 * the duty day (handover to handover) and how many deadlines are overdue.
 */
export function petitionDayCounts(ctx: ReadCtx, dutyDate: string): PetitionDayCounts {
  const { start, end } = deskDutyDayBounds(ctx.db, dutyDate);
  const rows = petitionRowsBetween(ctx.db, iso(start), iso(end));
  const t = tally(
    rows.map((r) => ({ id: r.id, receivedAt: r.received_at, receivedDate: r.received_date, form: r.form as PetitionForm, level: r.level as PetitionLevel, persons: r.persons, abnormal: r.abnormal === 1, category: r.category, petitionerIds: [] })),
    new Set(),
  );
  return { byLevel: t.byLevel, total: t.total, group: t.group, abnormal: t.abnormal, overdue: petitionDueItems(ctx).filter((i) => i.overdue).length };
}
