/**
 * 0010 — the desk, people, contacts, users, settings and the audit chain.
 */
import type { Migration } from './index';

export const m0010Foundation: Migration = {
  version: 10,
  name: '0010-foundation',
  up(db) {
    db.exec(`
      CREATE TABLE desk (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        desk_id     TEXT NOT NULL,
        unit_name   TEXT NOT NULL,
        duty_phone  TEXT,
        fax         TEXT,
        time_zone   TEXT NOT NULL DEFAULT 'Asia/Shanghai',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE people (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        department    TEXT,
        title         TEXT,
        office_phone  TEXT,
        mobile        TEXT,
        roles         TEXT NOT NULL DEFAULT '[]',
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order    INTEGER NOT NULL DEFAULT 0,
        initials      TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX people_active_order ON people (active, sort_order, id);

      CREATE TABLE contacts (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL,
        name        TEXT NOT NULL,
        unit        TEXT,
        phone       TEXT,
        mobile      TEXT,
        fax         TEXT,
        note        TEXT,
        active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order  INTEGER NOT NULL DEFAULT 0,
        initials    TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id               INTEGER PRIMARY KEY,
        login            TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash    TEXT NOT NULL,
        person_id        INTEGER REFERENCES people (id),
        display_name     TEXT NOT NULL,
        roles            TEXT NOT NULL,
        active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts  INTEGER NOT NULL DEFAULT 0,
        locked_until     TEXT,
        last_login_at    TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;

      -- The audit chain: an ordered, self-describing, append-only event stream.
      -- hash = SHA-256(canonical JSON of the row's fields and prev_hash); see shared/audit.ts.
      CREATE TABLE audit_log (
        seq        INTEGER PRIMARY KEY,
        v          INTEGER NOT NULL,
        at         TEXT NOT NULL,
        desk_id    TEXT NOT NULL,
        actor_id   INTEGER,
        actor      TEXT NOT NULL,
        action     TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_id  TEXT,
        before     TEXT,
        after      TEXT,
        reason     TEXT,
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_entity ON audit_log (entity, entity_id);
      CREATE INDEX audit_at ON audit_log (at);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
