/**
 * 0050 — the audit chain writes one page per change, not three.
 *
 * Every change the desk makes appends an audit row, and every index on
 * `audit_log` is one more page written and fsync'd with it. Both go:
 * - `audit_entity (entity, entity_id)` served no query: no screen reads one
 *   record's trail by id (log entries, incidents and rosters keep their own
 *   version tables); the audit page's entity filter runs within a time range.
 * - `audit_at (at)`: time ranges are found by binary search on `seq` instead
 *   (services/audit-time.ts). `at` only decreases where the desk's clock was
 *   set back; `audit_time_breaks` lists those rows, filled here from the
 *   existing chain and from then on by `appendAudit` in the same transaction.
 * When a feature needs an entity's trail (the hub, say), it adds the index it
 * needs in its own migration.
 */
import type { Migration } from './index';

export const m0050AuditLean: Migration = {
  version: 50,
  name: '0050-audit-lean',
  up(db) {
    db.exec(`
      CREATE TABLE audit_time_breaks (
        seq  INTEGER PRIMARY KEY  -- audit_log.seq of a row whose at is earlier than the row before it
      ) STRICT;
      INSERT INTO audit_time_breaks (seq)
        SELECT seq FROM (SELECT seq, at, lag(at) OVER (ORDER BY seq) AS prev FROM audit_log) WHERE at < prev;
      DROP INDEX IF EXISTS audit_entity;
      DROP INDEX IF EXISTS audit_at;
    `);
  },
};
