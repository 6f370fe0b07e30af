/**
 * 0020 — the roster: calendar, shift templates, leave, plans, published
 * versions, the live index for "who is on duty", swaps and console notices.
 *
 * Published versions (`roster_versions` + `roster_assignments`) are never
 * updated or deleted (triggers). `roster_live` is a derived index of the
 * latest published version of every plan, rebuilt per plan on publication;
 * its primary key means two published plans can never staff the same slot.
 */
import type { Migration } from './index';

/** The default needs as 0020 wrote them (frozen: a migration does the same thing forever; 0071 adds 备班). */
export const needs0020 = {
  workday: { leader: 1, officer: 1, standby: 0 },
  weekend: { leader: 1, officer: 1, standby: 0 },
  holiday: { leader: 1, officer: 1, standby: 1 },
  makeup: { leader: 1, officer: 1, standby: 0 },
};

export const m0020Roster: Migration = {
  version: 20,
  name: '0020-roster',
  up(db) {
    db.exec(`
      CREATE TABLE calendar_years (
        year        INTEGER PRIMARY KEY,
        notice      TEXT,
        entered_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE calendar_days (
        date        TEXT PRIMARY KEY,
        type        TEXT NOT NULL CHECK (type IN ('workday', 'weekend', 'holiday', 'makeup')),
        name        TEXT,
        source      TEXT NOT NULL CHECK (source IN ('notice', 'correction')),
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE shift_templates (
        id                INTEGER PRIMARY KEY,
        name              TEXT NOT NULL,
        start_minutes     INTEGER NOT NULL CHECK (start_minutes BETWEEN 0 AND 1439),
        duration_minutes  INTEGER NOT NULL CHECK (duration_minutes BETWEEN 30 AND 1440),
        needs             TEXT NOT NULL,
        active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order        INTEGER NOT NULL DEFAULT 0,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE roster_settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE roster_leave (
        id           INTEGER PRIMARY KEY,
        person_id    INTEGER NOT NULL REFERENCES people (id),
        from_date    TEXT NOT NULL,
        to_date      TEXT NOT NULL CHECK (to_date >= from_date),
        reason       TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        voided_at    TEXT,
        void_reason  TEXT
      ) STRICT;
      CREATE INDEX roster_leave_dates ON roster_leave (to_date, from_date) WHERE voided_at IS NULL;

      CREATE TABLE roster_plans (
        id            INTEGER PRIMARY KEY,
        title         TEXT NOT NULL,
        from_date     TEXT NOT NULL,
        to_date       TEXT NOT NULL CHECK (to_date >= from_date),
        notes         TEXT,
        version       INTEGER NOT NULL DEFAULT 0,
        dirty         INTEGER NOT NULL DEFAULT 1 CHECK (dirty IN (0, 1)),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        voided_at     TEXT,
        void_reason   TEXT
      ) STRICT;

      -- The working copy of a plan: edited freely, audited, published as a version.
      CREATE TABLE roster_draft (
        plan_id    INTEGER NOT NULL REFERENCES roster_plans (id),
        date       TEXT NOT NULL,
        shift_id   INTEGER NOT NULL REFERENCES shift_templates (id),
        role       TEXT NOT NULL CHECK (role IN ('leader', 'officer', 'standby')),
        idx        INTEGER NOT NULL,
        person_id  INTEGER NOT NULL REFERENCES people (id),
        pinned     INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        PRIMARY KEY (plan_id, date, shift_id, role, idx)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE roster_versions (
        id            INTEGER PRIMARY KEY,
        plan_id       INTEGER NOT NULL REFERENCES roster_plans (id),
        version       INTEGER NOT NULL,
        published_at  TEXT NOT NULL,
        published_by  TEXT NOT NULL,
        reason        TEXT,
        changes       TEXT NOT NULL,
        UNIQUE (plan_id, version)
      ) STRICT;

      CREATE TABLE roster_assignments (
        version_id  INTEGER NOT NULL REFERENCES roster_versions (id),
        date        TEXT NOT NULL,
        shift_id    INTEGER NOT NULL REFERENCES shift_templates (id),
        role        TEXT NOT NULL,
        idx         INTEGER NOT NULL,
        person_id   INTEGER NOT NULL REFERENCES people (id),
        start_at    TEXT NOT NULL,
        end_at      TEXT NOT NULL,
        PRIMARY KEY (version_id, date, shift_id, role, idx)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER roster_versions_immutable BEFORE UPDATE ON roster_versions
        BEGIN SELECT RAISE(ABORT, 'published roster versions are immutable'); END;
      CREATE TRIGGER roster_versions_no_delete BEFORE DELETE ON roster_versions
        BEGIN SELECT RAISE(ABORT, 'published roster versions are immutable'); END;
      CREATE TRIGGER roster_assignments_immutable BEFORE UPDATE ON roster_assignments
        BEGIN SELECT RAISE(ABORT, 'published roster versions are immutable'); END;
      CREATE TRIGGER roster_assignments_no_delete BEFORE DELETE ON roster_assignments
        BEGIN SELECT RAISE(ABORT, 'published roster versions are immutable'); END;

      -- Latest published assignment of every slot: what "who is on duty" reads.
      CREATE TABLE roster_live (
        date       TEXT NOT NULL,
        shift_id   INTEGER NOT NULL,
        role       TEXT NOT NULL,
        idx        INTEGER NOT NULL,
        plan_id    INTEGER NOT NULL REFERENCES roster_plans (id),
        version    INTEGER NOT NULL,
        person_id  INTEGER NOT NULL REFERENCES people (id),
        start_at   TEXT NOT NULL,
        end_at     TEXT NOT NULL,
        PRIMARY KEY (date, shift_id, role, idx)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX roster_live_start ON roster_live (start_at);
      CREATE INDEX roster_live_person ON roster_live (person_id, start_at);
      CREATE INDEX roster_live_plan ON roster_live (plan_id);

      CREATE TABLE roster_swaps (
        id             INTEGER PRIMARY KEY,
        plan_id        INTEGER NOT NULL REFERENCES roster_plans (id),
        kind           TEXT NOT NULL CHECK (kind IN ('swap', 'cover')),
        person_a       INTEGER NOT NULL REFERENCES people (id),
        date_a         TEXT NOT NULL,
        person_b       INTEGER NOT NULL REFERENCES people (id),
        date_b         TEXT,
        reason         TEXT NOT NULL,
        state          TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'rejected', 'cancelled')),
        requested_by   TEXT NOT NULL,
        requested_at   TEXT NOT NULL,
        decided_by     TEXT,
        decided_at     TEXT,
        decision_note  TEXT,
        version        INTEGER
      ) STRICT;
      CREATE INDEX roster_swaps_plan ON roster_swaps (plan_id, state);

      CREATE TABLE roster_notices (
        id          INTEGER PRIMARY KEY,
        person_id   INTEGER NOT NULL REFERENCES people (id),
        kind        TEXT NOT NULL,
        swap_id     INTEGER REFERENCES roster_swaps (id),
        params      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        read_at     TEXT
      ) STRICT;
      CREATE INDEX roster_notices_person ON roster_notices (person_id, read_at);
    `);
    // The default shift: one 24-hour duty day from 08:30 (交接班时间 08:30), 1 带班领导 + 1 值班员, 备班 on holidays.
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO shift_templates (name, start_minutes, duration_minutes, needs, active, sort_order, created_at, updated_at)
       VALUES ('全天', 510, 1440, ?, 1, 0, ?, ?)`,
    ).run(JSON.stringify(needs0020), now, now);
  },
};
