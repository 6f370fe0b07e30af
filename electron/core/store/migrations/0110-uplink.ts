/**
 * 0110 — the desk's link to a hub (issue 15): the outbox's cursor and link
 * state, and the inbox of what the hub sent down.
 *
 * `uplink_link` is operational state, not an official record: the hub's
 * head is the authority on what it holds (the outbox asks it after every
 * start), so the row is a cache written without an audit row — writing one
 * would itself need shipping. Everything the desk does with what it
 * receives (receipt, acknowledgement, answer, applying a holiday notice) is
 * audited and travels up in the chain.
 */
import type { Migration } from './index';

export const m0110Uplink: Migration = {
  version: 110,
  name: '0110-uplink',
  up(db) {
    db.exec(`
      CREATE TABLE uplink_link (
        id                 INTEGER PRIMARY KEY CHECK (id = 1),
        acked_seq          INTEGER NOT NULL DEFAULT 0,   -- the hub's head as last heard
        key_fingerprint    TEXT,                         -- the key the hub expects on the next batch
        last_ok_at         TEXT,
        offline_since      TEXT,
        error_code         TEXT,
        error_message      TEXT,
        hub_offset_ms      INTEGER NOT NULL DEFAULT 0,   -- hub clock minus desk clock
        down_cursor        INTEGER NOT NULL DEFAULT 0,   -- the last hub version pulled
        duty_reported      TEXT                          -- fingerprint of the last hubDuty.report
      ) STRICT;
      INSERT INTO uplink_link (id) VALUES (1);

      CREATE TABLE uplink_inbox (
        id           INTEGER PRIMARY KEY,
        version      INTEGER NOT NULL UNIQUE,             -- the hub's version of the message
        kind         TEXT NOT NULL CHECK (kind IN ('notice', 'holiday', 'check')),
        payload      TEXT NOT NULL,                        -- the message as received (JSON, validated)
        sent_at      TEXT NOT NULL,                        -- hub clock
        received_at  TEXT NOT NULL,                        -- desk clock
        state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'declined')),
        handled_at   TEXT,
        handled_by   TEXT,
        result       TEXT                                  -- JSON: the answer, the applied year …
      ) STRICT;
      CREATE INDEX uplink_inbox_open ON uplink_inbox (state, kind);
    `);
  },
};
