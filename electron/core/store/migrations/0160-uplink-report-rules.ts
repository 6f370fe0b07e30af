/**
 * 0160 — the hub prescribes the daily report's rules (issue 15): the inbox
 * takes a fourth kind of message, `reportRules` (deadline, period and the
 * zero-report wording a district sends down for the desk's admin to apply).
 *
 * SQLite cannot alter a CHECK: the table is rebuilt with its rows.
 */
import type { Migration } from './index';

export const m0160UplinkReportRules: Migration = {
  version: 160,
  name: '0160-uplink-report-rules',
  up(db) {
    db.exec(`
      CREATE TABLE uplink_inbox_new (
        id           INTEGER PRIMARY KEY,
        version      INTEGER NOT NULL UNIQUE,
        kind         TEXT NOT NULL CHECK (kind IN ('notice', 'holiday', 'check', 'reportRules')),
        payload      TEXT NOT NULL,
        sent_at      TEXT NOT NULL,
        received_at  TEXT NOT NULL,
        state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'declined')),
        handled_at   TEXT,
        handled_by   TEXT,
        result       TEXT
      ) STRICT;
      INSERT INTO uplink_inbox_new (id, version, kind, payload, sent_at, received_at, state, handled_at, handled_by, result)
        SELECT id, version, kind, payload, sent_at, received_at, state, handled_at, handled_by, result FROM uplink_inbox;
      DROP TABLE uplink_inbox;
      ALTER TABLE uplink_inbox_new RENAME TO uplink_inbox;
      CREATE INDEX uplink_inbox_open ON uplink_inbox (state, kind);
    `);
  },
};
