/**
 * Roster tables: shift templates, rules, leave, plans, the working copy,
 * published versions, the live index, swaps and console notices.
 *
 * Values enter SQL only as bound parameters. Published versions are written
 * once (`insertVersion`) and never changed; the triggers of 0020 enforce it.
 */
import type { LeaveRecord, RosterPlan, RosterVersion, SlotChange } from '../../../shared/contract/roster';
import { defaultRules, type Assignment, type RosterRules, type ShiftTemplate, type SlotKey } from '../../../shared/domain/roster-rules';
import type { DutyRole } from '../../../shared/roles';
import type { Db } from '../store/connection';
import { invalidateConfig } from '../store/config-cache';
import { defineSetting, readSetting, writeSetting } from '../store/settings';
import { z } from 'zod';
import { rosterRulesSchema } from '../../../shared/contract/roster';

// ── shift templates ───────────────────────────────────────────────────────────

interface ShiftRow {
  id: number;
  name: string;
  start_minutes: number;
  duration_minutes: number;
  needs: string;
  active: number;
  sort_order: number;
}

export const rowToShift = (r: ShiftRow): ShiftTemplate => ({
  id: r.id,
  name: r.name,
  startMinutes: r.start_minutes,
  durationMinutes: r.duration_minutes,
  needs: JSON.parse(r.needs) as ShiftTemplate['needs'],
  active: r.active === 1,
  sortOrder: r.sort_order,
});

export function listShifts(db: Db, includeInactive = false): ShiftTemplate[] {
  const rows = db
    .prepare(`SELECT * FROM shift_templates ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY sort_order, start_minutes, id`)
    .all() as ShiftRow[];
  return rows.map(rowToShift);
}

export function getShift(db: Db, id: number): ShiftTemplate | null {
  const r = db.prepare('SELECT * FROM shift_templates WHERE id = ?').get(id) as ShiftRow | undefined;
  return r ? rowToShift(r) : null;
}

export function insertShift(db: Db, s: Omit<ShiftTemplate, 'id' | 'active'>, at: string): ShiftTemplate {
  invalidateConfig(db); // the handover minute comes from the templates (duty/day.ts)
  const info = db
    .prepare(
      `INSERT INTO shift_templates (name, start_minutes, duration_minutes, needs, active, sort_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
    )
    .run(s.name, s.startMinutes, s.durationMinutes, JSON.stringify(s.needs), s.sortOrder, at, at);
  return getShift(db, Number(info.lastInsertRowid))!;
}

export function updateShift(db: Db, id: number, patch: Partial<Omit<ShiftTemplate, 'id'>>, at: string): ShiftTemplate {
  invalidateConfig(db); // the handover minute comes from the templates (duty/day.ts)
  const n = { ...getShift(db, id)!, ...patch };
  db.prepare(
    `UPDATE shift_templates SET name = ?, start_minutes = ?, duration_minutes = ?, needs = ?, active = ?, sort_order = ?, updated_at = ? WHERE id = ?`,
  ).run(n.name, n.startMinutes, n.durationMinutes, JSON.stringify(n.needs), n.active ? 1 : 0, n.sortOrder, at, id);
  return getShift(db, id)!;
}

// ── rules ─────────────────────────────────────────────────────────────────────

/** The roster rules (设置 → 排班规则): rest days and fairness weights. */
// Stored before a rule existed, a value lacks it: the default fills it in (as it always did).
const storedRules = z.preprocess((v) => (v && typeof v === 'object' ? { ...defaultRules, ...v } : v), rosterRulesSchema) as z.ZodType<RosterRules>;
export const rosterRulesSetting = defineSetting<RosterRules>('roster.rules', storedRules, defaultRules);

export const getRules = (db: Db): RosterRules => readSetting(db, rosterRulesSetting);

export function setRules(db: Db, rules: RosterRules): void {
  writeSetting(db, rosterRulesSetting, rules);
}

// ── leave ─────────────────────────────────────────────────────────────────────

interface LeaveRow {
  id: number;
  person_id: number;
  person_name: string;
  from_date: string;
  to_date: string;
  reason: string;
  created_at: string;
}

const rowToLeave = (r: LeaveRow): LeaveRecord => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  from: r.from_date,
  to: r.to_date,
  reason: r.reason,
  createdAt: r.created_at,
});

export function listLeave(db: Db, from: string, to: string): LeaveRecord[] {
  const rows = db
    .prepare(
      `SELECT l.*, p.name AS person_name FROM roster_leave l JOIN people p ON p.id = l.person_id
       WHERE l.voided_at IS NULL AND l.to_date >= ? AND l.from_date <= ? ORDER BY l.from_date, l.id`,
    )
    .all(from, to) as LeaveRow[];
  return rows.map(rowToLeave);
}

export function getLeave(db: Db, id: number): LeaveRecord | null {
  const r = db
    .prepare(
      'SELECT l.*, p.name AS person_name FROM roster_leave l JOIN people p ON p.id = l.person_id WHERE l.id = ? AND l.voided_at IS NULL',
    )
    .get(id) as LeaveRow | undefined;
  return r ? rowToLeave(r) : null;
}

export function insertLeave(db: Db, l: { personId: number; from: string; to: string; reason: string }, at: string): LeaveRecord {
  const info = db
    .prepare('INSERT INTO roster_leave (person_id, from_date, to_date, reason, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(l.personId, l.from, l.to, l.reason, at);
  return getLeave(db, Number(info.lastInsertRowid))!;
}

export function voidLeave(db: Db, id: number, reason: string, at: string): void {
  db.prepare('UPDATE roster_leave SET voided_at = ?, void_reason = ? WHERE id = ?').run(at, reason, id);
}

// ── plans ─────────────────────────────────────────────────────────────────────

interface PlanRow {
  id: number;
  title: string;
  from_date: string;
  to_date: string;
  notes: string | null;
  version: number;
  dirty: number;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  published_at: string | null;
}

const rowToPlan = (r: PlanRow): RosterPlan => ({
  id: r.id,
  title: r.title,
  from: r.from_date,
  to: r.to_date,
  notes: r.notes,
  state: r.voided_at ? 'voided' : r.version > 0 ? 'published' : 'draft',
  version: r.version,
  publishedAt: r.published_at,
  dirty: r.dirty === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const planSelect = `SELECT p.*, (SELECT v.published_at FROM roster_versions v WHERE v.plan_id = p.id AND v.version = p.version) AS published_at
  FROM roster_plans p`;

export function getPlan(db: Db, id: number): RosterPlan | null {
  const r = db.prepare(`${planSelect} WHERE p.id = ?`).get(id) as PlanRow | undefined;
  return r ? rowToPlan(r) : null;
}

export function listPlans(db: Db, includeVoided = false): RosterPlan[] {
  const rows = db
    .prepare(`${planSelect} ${includeVoided ? '' : 'WHERE p.voided_at IS NULL'} ORDER BY p.from_date DESC, p.id DESC`)
    .all() as PlanRow[];
  return rows.map(rowToPlan);
}

export function insertPlan(db: Db, p: { title: string; from: string; to: string; notes: string | null }, at: string): RosterPlan {
  const info = db
    .prepare(
      'INSERT INTO roster_plans (title, from_date, to_date, notes, version, dirty, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 1, ?, ?)',
    )
    .run(p.title, p.from, p.to, p.notes, at, at);
  return getPlan(db, Number(info.lastInsertRowid))!;
}

export function updatePlan(
  db: Db,
  id: number,
  patch: { title?: string; notes?: string | null; version?: number; dirty?: boolean; voidReason?: string },
  at: string,
): RosterPlan {
  const cur = db.prepare('SELECT * FROM roster_plans WHERE id = ?').get(id) as PlanRow & { void_reason: string | null };
  db.prepare(
    'UPDATE roster_plans SET title = ?, notes = ?, version = ?, dirty = ?, updated_at = ?, voided_at = ?, void_reason = ? WHERE id = ?',
  ).run(
    patch.title ?? cur.title,
    patch.notes === undefined ? cur.notes : patch.notes,
    patch.version ?? cur.version,
    patch.dirty === undefined ? cur.dirty : patch.dirty ? 1 : 0,
    at,
    patch.voidReason ? at : cur.voided_at,
    patch.voidReason ?? cur.void_reason,
    id,
  );
  return getPlan(db, id)!;
}

/** Published plans whose dates overlap [from, to], other than `exceptId`. */
export function overlappingPublished(db: Db, from: string, to: string, exceptId: number): RosterPlan[] {
  const rows = db
    .prepare(`${planSelect} WHERE p.voided_at IS NULL AND p.version > 0 AND p.id != ? AND p.from_date <= ? AND p.to_date >= ?`)
    .all(exceptId, to, from) as PlanRow[];
  return rows.map(rowToPlan);
}

// ── working copy ──────────────────────────────────────────────────────────────

interface SlotRow {
  date: string;
  shift_id: number;
  role: DutyRole;
  idx: number;
  person_id: number;
  pinned?: number;
}

const rowToAssignment = (r: SlotRow): Assignment => ({
  date: r.date,
  shiftId: r.shift_id,
  role: r.role,
  index: r.idx,
  personId: r.person_id,
  pinned: r.pinned === 1,
});

export function getDraft(db: Db, planId: number): Assignment[] {
  const rows = db.prepare('SELECT * FROM roster_draft WHERE plan_id = ? ORDER BY date, shift_id, role, idx').all(planId) as SlotRow[];
  return rows.map(rowToAssignment);
}

export function setDraftSlot(db: Db, planId: number, slot: SlotKey, personId: number | null, pinned: boolean): void {
  if (personId === null) {
    db.prepare('DELETE FROM roster_draft WHERE plan_id = ? AND date = ? AND shift_id = ? AND role = ? AND idx = ?').run(
      planId,
      slot.date,
      slot.shiftId,
      slot.role,
      slot.index,
    );
    return;
  }
  db.prepare(
    `INSERT INTO roster_draft (plan_id, date, shift_id, role, idx, person_id, pinned) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (plan_id, date, shift_id, role, idx) DO UPDATE SET person_id = excluded.person_id, pinned = excluded.pinned`,
  ).run(planId, slot.date, slot.shiftId, slot.role, slot.index, personId, pinned ? 1 : 0);
}

export function replaceDraft(db: Db, planId: number, assignments: readonly Assignment[]): void {
  db.prepare('DELETE FROM roster_draft WHERE plan_id = ?').run(planId);
  const ins = db.prepare('INSERT INTO roster_draft (plan_id, date, shift_id, role, idx, person_id, pinned) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const a of assignments) if (a.personId !== null) ins.run(planId, a.date, a.shiftId, a.role, a.index, a.personId, a.pinned ? 1 : 0);
}

// ── versions and the live index ───────────────────────────────────────────────

export interface TimedAssignment extends Assignment {
  startAt: string;
  endAt: string;
}

interface VersionRow {
  id: number;
  plan_id: number;
  version: number;
  published_at: string;
  published_by: string;
  reason: string | null;
  changes: string;
}

const rowToVersion = (r: VersionRow): RosterVersion => ({
  planId: r.plan_id,
  version: r.version,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  reason: r.reason,
  changes: JSON.parse(r.changes) as SlotChange[],
});

export function listVersions(db: Db, planId: number): RosterVersion[] {
  return (db.prepare('SELECT * FROM roster_versions WHERE plan_id = ? ORDER BY version DESC').all(planId) as VersionRow[]).map(
    rowToVersion,
  );
}

export function getVersionAssignments(db: Db, planId: number, version: number): Assignment[] {
  const rows = db
    .prepare(
      `SELECT a.* FROM roster_assignments a JOIN roster_versions v ON v.id = a.version_id
       WHERE v.plan_id = ? AND v.version = ? ORDER BY a.date, a.shift_id, a.role, a.idx`,
    )
    .all(planId, version) as SlotRow[];
  return rows.map((r) => ({ ...rowToAssignment(r), pinned: false }));
}

export function getVersion(db: Db, planId: number, version: number): RosterVersion | null {
  const r = db.prepare('SELECT * FROM roster_versions WHERE plan_id = ? AND version = ?').get(planId, version) as VersionRow | undefined;
  return r ? rowToVersion(r) : null;
}

/** Writes a new immutable version and makes it the live one for its plan. */
export function insertVersion(
  db: Db,
  v: { planId: number; version: number; publishedAt: string; publishedBy: string; reason: string | null; changes: SlotChange[] },
  assignments: readonly TimedAssignment[],
): void {
  const info = db
    .prepare('INSERT INTO roster_versions (plan_id, version, published_at, published_by, reason, changes) VALUES (?, ?, ?, ?, ?, ?)')
    .run(v.planId, v.version, v.publishedAt, v.publishedBy, v.reason, JSON.stringify(v.changes));
  const versionId = Number(info.lastInsertRowid);
  const ins = db.prepare(
    'INSERT INTO roster_assignments (version_id, date, shift_id, role, idx, person_id, start_at, end_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.prepare('DELETE FROM roster_live WHERE plan_id = ?').run(v.planId);
  const live = db.prepare(
    'INSERT INTO roster_live (date, shift_id, role, idx, plan_id, version, person_id, start_at, end_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const a of assignments) {
    if (a.personId === null) continue;
    ins.run(versionId, a.date, a.shiftId, a.role, a.index, a.personId, a.startAt, a.endAt);
    live.run(a.date, a.shiftId, a.role, a.index, v.planId, v.version, a.personId, a.startAt, a.endAt);
  }
}

/** Removes a voided plan from the live index (its versions stay on record). */
export function clearLive(db: Db, planId: number): void {
  db.prepare('DELETE FROM roster_live WHERE plan_id = ?').run(planId);
}

// ── swaps ─────────────────────────────────────────────────────────────────────
// ── notices ───────────────────────────────────────────────────────────────────
