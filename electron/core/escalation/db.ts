/**
 * Escalations and the contacts made for them.
 */
import type { Db } from '../store/connection';
import type { ContactMethod, EscalationPolicy, EscalationTarget } from '../../../shared/domain/escalation';
import type { EscalationContact } from "../../../shared/contract/escalation";

export interface EscalationRow {
  id: number;
  incident_id: number;
  policy: string;
  started_at: string;
  started_by: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_via: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

export interface EscalationRecord {
  id: number;
  incidentId: number;
  policy: EscalationPolicy;
  startedAt: string;
  startedBy: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedVia: ContactMethod | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
}

export const rowToEscalation = (r: EscalationRow): EscalationRecord => ({
  id: r.id,
  incidentId: r.incident_id,
  policy: JSON.parse(r.policy) as EscalationPolicy,
  startedAt: r.started_at,
  startedBy: r.started_by,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
  acknowledgedVia: r.acknowledged_via as ContactMethod | null,
  cancelledAt: r.cancelled_at,
  cancelledBy: r.cancelled_by,
  cancelReason: r.cancel_reason,
});

export function getEscalation(db: Db, id: number): EscalationRecord | null {
  const r = db.prepare('SELECT * FROM escalations WHERE id = ?').get(id) as EscalationRow | undefined;
  return r ? rowToEscalation(r) : null;
}

export function escalationsOf(db: Db, incidentId: number): EscalationRecord[] {
  return (db.prepare('SELECT * FROM escalations WHERE incident_id = ? ORDER BY id').all(incidentId) as EscalationRow[]).map(
    rowToEscalation,
  );
}

/**
 * Escalations not cancelled that may still have something to do: not
 * acknowledged, or with an always-inform step (the service checks whether
 * each inform was done).
 */
export function pendingEscalations(db: Db): EscalationRecord[] {
  return (
    db
      .prepare(
        `SELECT * FROM escalations WHERE cancelled_at IS NULL AND (acknowledged_at IS NULL OR instr(policy, '"mode":"always"') > 0)
         ORDER BY started_at, id`,
      )
      .all() as EscalationRow[]
  ).map(rowToEscalation);
}

export function insertEscalation(db: Db, incidentId: number, policy: EscalationPolicy, by: string, at: string): EscalationRecord {
  const info = db
    .prepare('INSERT INTO escalations (incident_id, policy, started_at, started_by) VALUES (?, ?, ?, ?)')
    .run(incidentId, JSON.stringify(policy), at, by);
  return getEscalation(db, Number(info.lastInsertRowid))!;
}

export function acknowledgeEscalation(db: Db, id: number, at: string, byName: string, via: ContactMethod): void {
  db.prepare(
    'UPDATE escalations SET acknowledged_at = ?, acknowledged_by = ?, acknowledged_via = ? WHERE id = ? AND acknowledged_at IS NULL',
  ).run(at, byName, via, id);
}

export function cancelEscalation(db: Db, id: number, at: string, by: string, reason: string): void {
  db.prepare('UPDATE escalations SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ? AND cancelled_at IS NULL').run(
    at,
    by,
    reason,
    id,
  );
}

interface ContactRow {
  id: number;
  escalation_id: number;
  round: number;
  step_index: number;
  target: string;
  target_name: string | null;
  target_phone: string | null;
  method: string;
  at: string;
  note: string | null;
  by: string;
}

const rowToContact = (r: ContactRow): EscalationContact => ({
  id: r.id,
  round: r.round,
  stepIndex: r.step_index,
  target: r.target as EscalationTarget,
  targetName: r.target_name,
  targetPhone: r.target_phone,
  method: r.method as ContactMethod,
  at: r.at,
  note: r.note,
  by: r.by,
});

export function insertContact(db: Db, escalationId: number, c: Omit<EscalationContact, 'id'>): EscalationContact {
  const info = db
    .prepare(
      `INSERT INTO escalation_contacts (escalation_id, round, step_index, target, target_name, target_phone, method, at, note, by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(escalationId, c.round, c.stepIndex, c.target, c.targetName, c.targetPhone, c.method, c.at, c.note, c.by);
  return rowToContact(db.prepare('SELECT * FROM escalation_contacts WHERE id = ?').get(Number(info.lastInsertRowid)) as ContactRow);
}

export function contactsOf(db: Db, escalationId: number): EscalationContact[] {
  return (db.prepare('SELECT * FROM escalation_contacts WHERE escalation_id = ? ORDER BY at, id').all(escalationId) as ContactRow[]).map(
    rowToContact,
  );
}
