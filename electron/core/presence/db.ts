/**
 * Presence checks (查岗) and their versions: the row holds the current
 * version; every edit appends the version it replaced and the new one to
 * `presence_check_versions` (append-only). Voided with a reason, never deleted.
 */
import type { PresenceCheck, PresenceContent, PresenceVersion } from '../../../shared/contract/presence';
import type { Db } from '../store/connection';

interface CheckRow {
  id: number;
  version: number;
  direction: string;
  duty_date: string;
  at: string;
  method: string;
  checker: string | null;
  unit_contact_id: number | null;
  unit_name: string | null;
  answered: number;
  rings: number | null;
  answer_seconds: number | null;
  answered_by: string | null;
  officer_at_post: number | null;
  leader_at_post: number | null;
  post_state: string | null;
  follow_up: string | null;
  note: string | null;
  log_entry_id: number | null;
  recorded_by: string;
  recorded_at: string;
  updated_by: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
const int = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);

export const contentOfCheck = (c: PresenceContent): PresenceContent => ({
  direction: c.direction,
  at: c.at,
  dutyDate: c.dutyDate,
  method: c.method,
  checker: c.checker,
  unitContactId: c.unitContactId,
  unitName: c.unitName,
  answered: c.answered,
  rings: c.rings,
  answerSeconds: c.answerSeconds,
  answeredBy: c.answeredBy,
  officerAtPost: c.officerAtPost,
  leaderAtPost: c.leaderAtPost,
  postState: c.postState,
  followUp: c.followUp,
  note: c.note,
});

const rowToCheck = (r: CheckRow): PresenceCheck => ({
  id: r.id,
  version: r.version,
  direction: r.direction as PresenceCheck['direction'],
  dutyDate: r.duty_date,
  at: r.at,
  method: r.method as PresenceCheck['method'],
  checker: r.checker,
  unitContactId: r.unit_contact_id,
  unitName: r.unit_name,
  answered: r.answered === 1,
  rings: r.rings,
  answerSeconds: r.answer_seconds,
  answeredBy: r.answered_by,
  officerAtPost: bool(r.officer_at_post),
  leaderAtPost: bool(r.leader_at_post),
  postState: r.post_state as PresenceCheck['postState'],
  followUp: r.follow_up,
  note: r.note,
  logEntryId: r.log_entry_id,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
  voided: r.voided_at !== null,
  voidReason: r.void_reason,
});

const params = (c: PresenceContent) => ({
  direction: c.direction,
  dutyDate: c.dutyDate,
  at: c.at,
  method: c.method,
  checker: c.checker,
  unitContactId: c.unitContactId,
  unitName: c.unitName,
  answered: c.answered ? 1 : 0,
  rings: c.rings,
  answerSeconds: c.answerSeconds,
  answeredBy: c.answeredBy,
  officerAtPost: int(c.officerAtPost),
  leaderAtPost: int(c.leaderAtPost),
  postState: c.postState,
  followUp: c.followUp,
  note: c.note,
});

export function getCheck(db: Db, id: number): PresenceCheck | null {
  const r = db.prepare('SELECT * FROM presence_checks WHERE id = ?').get(id) as CheckRow | undefined;
  return r ? rowToCheck(r) : null;
}

export function insertCheck(db: Db, c: PresenceContent, logEntryId: number | null, by: string, at: string): PresenceCheck {
  const info = db
    .prepare(
      `INSERT INTO presence_checks (version, direction, duty_date, at, method, checker, unit_contact_id, unit_name, answered, rings, answer_seconds,
         answered_by, officer_at_post, leader_at_post, post_state, follow_up, note, log_entry_id, recorded_by, recorded_at, updated_by, updated_at)
       VALUES (1, @direction, @dutyDate, @at, @method, @checker, @unitContactId, @unitName, @answered, @rings, @answerSeconds,
         @answeredBy, @officerAtPost, @leaderAtPost, @postState, @followUp, @note, @logEntryId, @by, @recordedAt, @by, @recordedAt)`,
    )
    .run({ ...params(c), logEntryId, by, recordedAt: at });
  const id = Number(info.lastInsertRowid);
  db.prepare('INSERT INTO presence_check_versions (check_id, version, data, reason, at, by) VALUES (?, 1, ?, NULL, ?, ?)').run(id, JSON.stringify(contentOfCheck(c)), at, by);
  return getCheck(db, id)!;
}

export function updateCheck(db: Db, id: number, version: number, c: PresenceContent, reason: string, by: string, at: string): PresenceCheck {
  db.prepare(
    `UPDATE presence_checks SET version = @version, direction = @direction, duty_date = @dutyDate, at = @at, method = @method, checker = @checker,
       unit_contact_id = @unitContactId, unit_name = @unitName, answered = @answered, rings = @rings, answer_seconds = @answerSeconds,
       answered_by = @answeredBy, officer_at_post = @officerAtPost, leader_at_post = @leaderAtPost, post_state = @postState,
       follow_up = @followUp, note = @note, updated_by = @by, updated_at = @updatedAt WHERE id = @id`,
  ).run({ ...params(c), version, by, updatedAt: at, id });
  db.prepare('INSERT INTO presence_check_versions (check_id, version, data, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(id, version, JSON.stringify(contentOfCheck(c)), reason, at, by);
  return getCheck(db, id)!;
}

export function voidCheck(db: Db, id: number, reason: string, by: string, at: string): PresenceCheck {
  db.prepare('UPDATE presence_checks SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(at, by, reason, id);
  return getCheck(db, id)!;
}

/** Checks of duty days [from, to], oldest first; voided ones included unless `live`. */
export function listChecks(db: Db, q: { from: string; to: string; direction?: PresenceCheck['direction']; live?: boolean }): PresenceCheck[] {
  const where = ['duty_date BETWEEN ? AND ?'];
  const p: unknown[] = [q.from, q.to];
  if (q.direction) {
    where.push('direction = ?');
    p.push(q.direction);
  }
  if (q.live) where.push('voided_at IS NULL');
  return (db.prepare(`SELECT * FROM presence_checks WHERE ${where.join(' AND ')} ORDER BY at, id`).all(...p) as CheckRow[]).map(rowToCheck);
}

/** Live checks at instants [fromIso, toIso). */
export function checksInPeriod(db: Db, fromIso: string, toIso: string): PresenceCheck[] {
  return (db.prepare('SELECT * FROM presence_checks WHERE at >= ? AND at < ? AND voided_at IS NULL ORDER BY at, id').all(fromIso, toIso) as CheckRow[]).map(
    rowToCheck,
  );
}

export function checkHistory(db: Db, id: number): PresenceVersion[] {
  return (
    db.prepare('SELECT version, data, reason, at, by FROM presence_check_versions WHERE check_id = ? ORDER BY version').all(id) as {
      version: number;
      data: string;
      reason: string | null;
      at: string;
      by: string;
    }[]
  ).map((r) => ({ version: r.version, check: JSON.parse(r.data) as PresenceContent, reason: r.reason, at: r.at, by: r.by }));
}
