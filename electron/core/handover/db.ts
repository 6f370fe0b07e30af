/**
 * Handovers (交接班) with their versions, and the items carried from shift to
 * shift (待办事项 / 注意事项). A handover is one shift change: the outgoing
 * shift of a duty day (`duty_date`, `shift_id`). A handover row holds the
 * current version; every change appends the whole record to
 * `handover_versions`. A confirmed handover is final (trigger). Items are
 * closed once, never deleted. The leader's acknowledgements of unaccepted
 * handovers (`handover_acks`) are append-only.
 */
import type { DutyTodo, Handover, HandoverAck, HandoverContent, HandoverSnapshot, HandoverState, HandoverVersion } from '../../../shared/contract/handover';
import type { EscalationTarget } from '../../../shared/domain/escalation';
import type { Db } from '../store/connection';

interface HandoverRow {
  id: number;
  duty_date: string;
  shift_id: number;
  shift_name: string;
  handover_at: string;
  version: number;
  state: string;
  content: string;
  snapshot: string | null;
  outgoing_user_id: number | null;
  outgoing_name: string | null;
  submitted_at: string | null;
  incoming_user_id: number | null;
  incoming_name: string | null;
  confirmed_at: string | null;
  confirm_note: string | null;
  returned_at: string | null;
  return_note: string | null;
  chain_seq: number | null;
  chain_hash: string | null;
  updated_at: string;
  updated_by: string;
}

export interface HandoverRecord extends Handover {
  outgoingUserId: number | null;
  incomingUserId: number | null;
}

/** A snapshot frozen before shifts were named on it (0130) is the row's shift, handing over to the next day. */
function rowToSnapshot(r: HandoverRow): HandoverSnapshot | null {
  if (!r.snapshot) return null;
  const s = JSON.parse(r.snapshot) as Omit<HandoverSnapshot, 'shiftId' | 'shiftName' | 'incoming'> & Partial<Pick<HandoverSnapshot, 'shiftName' | 'incoming'>>;
  return { ...s, shiftId: r.shift_id, shiftName: s.shiftName ?? r.shift_name, incoming: s.incoming ?? null };
}

const rowToHandover = (r: HandoverRow): HandoverRecord => ({
  id: r.id,
  dutyDate: r.duty_date,
  shiftId: r.shift_id,
  shiftName: r.shift_name,
  handoverAt: r.handover_at,
  version: r.version,
  state: r.state as HandoverState,
  content: JSON.parse(r.content) as HandoverContent,
  snapshot: rowToSnapshot(r),
  outgoingUserId: r.outgoing_user_id,
  outgoingName: r.outgoing_name,
  submittedAt: r.submitted_at,
  incomingUserId: r.incoming_user_id,
  incomingName: r.incoming_name,
  confirmedAt: r.confirmed_at,
  confirmNote: r.confirm_note,
  returnedAt: r.returned_at,
  returnNote: r.return_note,
  chainSeq: r.chain_seq,
  chainHash: r.chain_hash,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** The public view of a record (without user ids). */
export const publicHandover = (h: HandoverRecord): Handover => {
  const { outgoingUserId: _o, incomingUserId: _i, ...rest } = h;
  return rest;
};

/** The handover of one outgoing shift of a duty day. */
export function getHandover(db: Db, dutyDate: string, shiftId: number): HandoverRecord | null {
  const r = db.prepare('SELECT * FROM handovers WHERE duty_date = ? AND shift_id = ?').get(dutyDate, shiftId) as HandoverRow | undefined;
  return r ? rowToHandover(r) : null;
}

function getHandoverById(db: Db, id: number): HandoverRecord {
  return rowToHandover(db.prepare('SELECT * FROM handovers WHERE id = ?').get(id) as HandoverRow);
}

/** Handovers of duty days [from, to], in handover order. */
export function handoversBetween(db: Db, from: string, to: string): HandoverRecord[] {
  return (db.prepare('SELECT * FROM handovers WHERE duty_date BETWEEN ? AND ? ORDER BY handover_at, id').all(from, to) as HandoverRow[]).map(rowToHandover);
}

/** Handovers submitted or returned and still not confirmed, handing over before an instant. */
export function unconfirmedBefore(db: Db, beforeIso: string): HandoverRecord[] {
  return (
    db.prepare("SELECT * FROM handovers WHERE handover_at < ? AND state IN ('submitted', 'returned') ORDER BY handover_at, id").all(beforeIso) as HandoverRow[]
  ).map(rowToHandover);
}

function appendVersion(db: Db, h: HandoverRecord, reason: string | null): void {
  db.prepare('INSERT INTO handover_versions (handover_id, version, state, data, reason, at, by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    h.id,
    h.version,
    h.state,
    JSON.stringify(publicHandover(h)),
    reason,
    h.updatedAt,
    h.updatedBy,
  );
}

export function insertHandover(
  db: Db,
  shift: { dutyDate: string; shiftId: number; shiftName: string; handoverAt: string },
  content: HandoverContent,
  by: string,
  at: string,
): HandoverRecord {
  const info = db
    .prepare(
      `INSERT INTO handovers (duty_date, shift_id, shift_name, handover_at, version, state, content, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, 1, 'draft', ?, ?, ?, ?, ?)`,
    )
    .run(shift.dutyDate, shift.shiftId, shift.shiftName, shift.handoverAt, JSON.stringify(content), at, by, at, by);
  const h = getHandoverById(db, Number(info.lastInsertRowid));
  appendVersion(db, h, null);
  return h;
}

export type HandoverPatch = Partial<{
  state: HandoverState;
  content: HandoverContent;
  snapshot: HandoverSnapshot;
  outgoingUserId: number | null;
  outgoingName: string | null;
  submittedAt: string | null;
  incomingUserId: number | null;
  incomingName: string | null;
  confirmedAt: string | null;
  confirmNote: string | null;
  returnedAt: string | null;
  returnNote: string | null;
  chainSeq: number | null;
  chainHash: string | null;
}>;

const columns: Record<keyof HandoverPatch, string> = {
  state: 'state',
  content: 'content',
  snapshot: 'snapshot',
  outgoingUserId: 'outgoing_user_id',
  outgoingName: 'outgoing_name',
  submittedAt: 'submitted_at',
  incomingUserId: 'incoming_user_id',
  incomingName: 'incoming_name',
  confirmedAt: 'confirmed_at',
  confirmNote: 'confirm_note',
  returnedAt: 'returned_at',
  returnNote: 'return_note',
  chainSeq: 'chain_seq',
  chainHash: 'chain_hash',
};

/** Writes the next version (the caller checked the expected version). */
export function updateHandover(db: Db, cur: HandoverRecord, patch: HandoverPatch, reason: string | null, by: string, at: string): HandoverRecord {
  const sets = ['version = ?', 'updated_at = ?', 'updated_by = ?'];
  const values: unknown[] = [cur.version + 1, at, by];
  for (const [k, v] of Object.entries(patch) as [keyof HandoverPatch, unknown][]) {
    sets.push(`${columns[k]} = ?`);
    values.push(k === 'content' || k === 'snapshot' ? JSON.stringify(v) : v);
  }
  db.prepare(`UPDATE handovers SET ${sets.join(', ')} WHERE id = ?`).run(...values, cur.id);
  const h = getHandoverById(db, cur.id);
  appendVersion(db, h, reason);
  return h;
}

export function handoverVersions(db: Db, id: number): HandoverVersion[] {
  return db.prepare('SELECT version, state, reason, at, by FROM handover_versions WHERE handover_id = ? ORDER BY version').all(id) as HandoverVersion[];
}

// ── the leader's acknowledgement of an unaccepted handover (带班领导已知悉)

interface AckRow {
  duty_date: string;
  shift_id: number;
  round: number;
  step_index: number;
  target: string;
  by_name: string;
  at: string;
  note: string | null;
}

const rowToAck = (r: AckRow): HandoverAck => ({
  dutyDate: r.duty_date,
  shiftId: r.shift_id,
  round: r.round,
  stepIndex: r.step_index,
  target: r.target as EscalationTarget,
  byName: r.by_name,
  at: r.at,
  note: r.note,
});

export function getAck(db: Db, dutyDate: string, shiftId: number): HandoverAck | null {
  const r = db.prepare('SELECT * FROM handover_acks WHERE duty_date = ? AND shift_id = ?').get(dutyDate, shiftId) as AckRow | undefined;
  return r ? rowToAck(r) : null;
}

export function insertAck(db: Db, a: HandoverAck, userId: number | null): HandoverAck {
  db.prepare('INSERT INTO handover_acks (duty_date, shift_id, round, step_index, target, user_id, by_name, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    a.dutyDate,
    a.shiftId,
    a.round,
    a.stepIndex,
    a.target,
    userId,
    a.byName,
    a.at,
    a.note,
  );
  return getAck(db, a.dutyDate, a.shiftId)!;
}

// ── items carried over (待办事项 / 注意事项)

interface TodoRow {
  id: number;
  kind: string;
  text: string;
  duty_date: string;
  log_entry_id: number | null;
  created_at: string;
  created_by: string;
  closed_at: string | null;
  closed_by: string | null;
  close_note: string | null;
}

const rowToTodo = (r: TodoRow): DutyTodo => ({
  id: r.id,
  kind: r.kind as DutyTodo['kind'],
  text: r.text,
  dutyDate: r.duty_date,
  logEntryId: r.log_entry_id,
  createdAt: r.created_at,
  createdBy: r.created_by,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  closeNote: r.close_note,
});

export function getTodo(db: Db, id: number): DutyTodo | null {
  const r = db.prepare('SELECT * FROM duty_todos WHERE id = ?').get(id) as TodoRow | undefined;
  return r ? rowToTodo(r) : null;
}

export function insertTodo(db: Db, t: { kind: DutyTodo['kind']; text: string; dutyDate: string; logEntryId: number | null }, by: string, at: string): DutyTodo {
  const info = db
    .prepare('INSERT INTO duty_todos (kind, text, duty_date, log_entry_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(t.kind, t.text, t.dutyDate, t.logEntryId, at, by);
  return getTodo(db, Number(info.lastInsertRowid))!;
}

export function closeTodoRow(db: Db, id: number, note: string, by: string, at: string): DutyTodo {
  db.prepare('UPDATE duty_todos SET closed_at = ?, closed_by = ?, close_note = ? WHERE id = ? AND closed_at IS NULL').run(at, by, note, id);
  return getTodo(db, id)!;
}

/** Open items (oldest first), or every item with `includeClosed` (newest first, at most 500). */
export function listTodos(db: Db, includeClosed = false): DutyTodo[] {
  const rows = includeClosed
    ? db.prepare('SELECT * FROM duty_todos ORDER BY id DESC LIMIT 500').all()
    : db.prepare('SELECT * FROM duty_todos WHERE closed_at IS NULL ORDER BY id').all();
  return (rows as TodoRow[]).map(rowToTodo);
}

/** Items raised at instants [fromIso, toIso) and items closed then. */
export function todosInPeriod(db: Db, fromIso: string, toIso: string): { raised: DutyTodo[]; closed: DutyTodo[] } {
  const raised = (db.prepare('SELECT * FROM duty_todos WHERE created_at >= ? AND created_at < ? ORDER BY id').all(fromIso, toIso) as TodoRow[]).map(rowToTodo);
  const closed = (db.prepare('SELECT * FROM duty_todos WHERE closed_at >= ? AND closed_at < ? ORDER BY id').all(fromIso, toIso) as TodoRow[]).map(rowToTodo);
  return { raised, closed };
}
