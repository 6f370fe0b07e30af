/**
 * Leaders' instructions (批示) on incidents, and attachments (voided with a
 * reason, never deleted).
 */
import type { Attachment, Instruction } from '../../../shared/contract/incidents';
import type { Db } from '../store/connection';
import type { FollowUp, FollowUpState, OpenInstruction } from '../../../shared/contract/leader';
import type { IncidentLevel } from '../../../shared/domain/incident';

// ── deadlines
// ── reports
// ── instructions

interface InstructionRow {
  id: number;
  incident_id: number;
  leader_name: string;
  text: string;
  given_at: string;
  recorded_at: string;
  recorded_by: string;
  escalation_id: number | null;
}

const rowToInstruction = (r: InstructionRow): Instruction => ({
  id: r.id,
  incidentId: r.incident_id,
  leaderName: r.leader_name,
  text: r.text,
  givenAt: r.given_at,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  escalationId: r.escalation_id,
});

export function insertInstruction(db: Db, i: Omit<Instruction, 'id'>): Instruction {
  const info = db
    .prepare(
      'INSERT INTO incident_instructions (incident_id, leader_name, text, given_at, recorded_at, recorded_by, escalation_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(i.incidentId, i.leaderName, i.text, i.givenAt, i.recordedAt, i.recordedBy, i.escalationId);
  return rowToInstruction(
    db.prepare('SELECT * FROM incident_instructions WHERE id = ?').get(Number(info.lastInsertRowid)) as InstructionRow,
  );
}

export function instructionsOf(db: Db, incidentId: number): Instruction[] {
  return (
    db.prepare('SELECT * FROM incident_instructions WHERE incident_id = ? ORDER BY given_at, id').all(incidentId) as InstructionRow[]
  ).map(rowToInstruction);
}

// ── attachments

interface AttachmentRow {
  id: number;
  incident_id: number;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  added_at: string;
  added_by: string;
  voided_at: string | null;
  void_reason: string | null;
}

const rowToAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  incidentId: r.incident_id,
  name: r.name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  addedAt: r.added_at,
  addedBy: r.added_by,
  voided: r.voided_at !== null,
  voidReason: r.void_reason,
});

export function insertAttachment(db: Db, a: Omit<Attachment, 'id' | 'voided' | 'voidReason'>): Attachment {
  const info = db
    .prepare('INSERT INTO incident_attachments (incident_id, name, mime, size, sha256, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(a.incidentId, a.name, a.mime, a.size, a.sha256, a.addedAt, a.addedBy);
  return getAttachment(db, Number(info.lastInsertRowid))!;
}

export function getAttachment(db: Db, id: number): Attachment | null {
  const r = db.prepare('SELECT * FROM incident_attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
  return r ? rowToAttachment(r) : null;
}

export function attachmentsOf(db: Db, incidentId: number): Attachment[] {
  return (db.prepare('SELECT * FROM incident_attachments WHERE incident_id = ? ORDER BY id').all(incidentId) as AttachmentRow[]).map(
    rowToAttachment,
  );
}

export function voidAttachment(db: Db, id: number, reason: string, by: string, at: string): Attachment {
  db.prepare('UPDATE incident_attachments SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(
    at,
    by,
    reason,
    id,
  );
  return getAttachment(db, id)!;
}

// ── follow-up (落实) of instructions: append-only rows, the latest is the state

interface FollowUpRow {
  id: number;
  instruction_id: number;
  state: string;
  note: string | null;
  done_by: string | null;
  at: string;
  by: string;
}

const rowToFollowUp = (r: FollowUpRow): FollowUp => ({
  id: r.id,
  state: r.state as FollowUpState,
  note: r.note,
  doneBy: r.done_by,
  at: r.at,
  by: r.by,
});

export function insertFollowUp(db: Db, instructionId: number, f: Omit<FollowUp, 'id'>): FollowUp {
  const info = db
    .prepare('INSERT INTO instruction_followups (instruction_id, state, note, done_by, at, by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(instructionId, f.state, f.note, f.doneBy, f.at, f.by);
  return { id: Number(info.lastInsertRowid), ...f };
}

export function getInstruction(db: Db, id: number): Instruction | null {
  const r = db.prepare('SELECT * FROM incident_instructions WHERE id = ?').get(id) as InstructionRow | undefined;
  return r ? rowToInstruction(r) : null;
}

interface OpenInstructionRow extends InstructionRow {
  no: string;
  title: string;
  level: number;
}

/**
 * Instructions with their follow-up state: those not yet 已落实 (or all, with
 * `includeDone`), or those given in [fromIso, toIso). Oldest first.
 */
export function instructionsWithFollowUp(
  db: Db,
  opts: { includeDone?: boolean; fromIso?: string; toIso?: string; ids?: number[] } = {},
): OpenInstruction[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (opts.fromIso) {
    where.push('s.given_at >= ?');
    params.push(opts.fromIso);
  }
  if (opts.toIso) {
    where.push('s.given_at < ?');
    params.push(opts.toIso);
  }
  if (opts.ids) {
    where.push(`s.id IN (${opts.ids.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...opts.ids);
  }
  const rows = db
    .prepare(
      `SELECT s.*, i.no, i.title, i.level FROM incident_instructions s JOIN incidents i ON i.id = s.incident_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.given_at, s.id`,
    )
    .all(...params) as OpenInstructionRow[];
  const fu = db.prepare('SELECT * FROM instruction_followups WHERE instruction_id = ? ORDER BY id');
  const out: OpenInstruction[] = [];
  for (const r of rows) {
    const followUps = (fu.all(r.id) as FollowUpRow[]).map(rowToFollowUp);
    const last = followUps.at(-1) ?? null;
    const state: FollowUpState = last?.state ?? 'pending';
    if (state === 'done' && !opts.includeDone && !opts.fromIso && !opts.ids) continue;
    out.push({
      id: r.id,
      incidentId: r.incident_id,
      incidentNo: r.no,
      incidentTitle: r.title,
      level: r.level as IncidentLevel,
      leaderName: r.leader_name,
      text: r.text,
      givenAt: r.given_at,
      state,
      lastNote: last?.note ?? null,
      lastDoneBy: last?.doneBy ?? null,
      lastAt: last?.at ?? null,
      followUps,
    });
  }
  return out;
}
