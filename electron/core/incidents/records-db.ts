/**
 * Leaders' instructions (批示) on incidents, and attachments (voided with a
 * reason, never deleted).
 */
import type { Attachment, Instruction } from '../../../shared/contract/incidents';
import type { Db } from '../store/connection';

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
