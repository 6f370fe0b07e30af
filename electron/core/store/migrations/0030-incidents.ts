/**
 * 0030 — duty log, incidents, report chain, deadlines, escalations,
 * instructions and attachments.
 *
 * Official records are never overwritten: log entries and incidents keep
 * every version in `*_versions` tables (append-only by trigger); reports and
 * escalation contacts are append-only; "delete" is a void with a reason.
 */
import type { Migration } from './index';

export const m0030Incidents: Migration = {
  version: 30,
  name: '0030-incidents',
  up(db) {
    db.exec(`
      CREATE TABLE log_entries (
        id             INTEGER PRIMARY KEY,
        version        INTEGER NOT NULL,
        kind           TEXT NOT NULL,
        occurred_at    TEXT NOT NULL,
        duty_date      TEXT NOT NULL,
        source_unit    TEXT,
        source_person  TEXT,
        source_phone   TEXT,
        summary        TEXT NOT NULL,
        detail         TEXT,
        reported_to    TEXT,
        proposal       TEXT,
        instruction    TEXT,
        outcome        TEXT,
        handler        TEXT,
        handled_at     TEXT,
        incident_id    INTEGER,
        recorded_by    TEXT NOT NULL,
        recorded_at    TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        voided_at      TEXT,
        voided_by      TEXT,
        void_reason    TEXT
      ) STRICT;
      CREATE INDEX log_entries_day ON log_entries (duty_date, occurred_at);
      CREATE INDEX log_entries_incident ON log_entries (incident_id) WHERE incident_id IS NOT NULL;

      CREATE TABLE log_entry_versions (
        entry_id  INTEGER NOT NULL REFERENCES log_entries (id),
        version   INTEGER NOT NULL,
        data      TEXT NOT NULL,
        reason    TEXT,
        at        TEXT NOT NULL,
        by        TEXT NOT NULL,
        PRIMARY KEY (entry_id, version)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER log_entry_versions_no_update BEFORE UPDATE ON log_entry_versions
        BEGIN SELECT RAISE(ABORT, 'log_entry_versions is append-only'); END;
      CREATE TRIGGER log_entry_versions_no_delete BEFORE DELETE ON log_entry_versions
        BEGIN SELECT RAISE(ABORT, 'log_entry_versions is append-only'); END;
      CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_entries
        BEGIN SELECT RAISE(ABORT, 'log entries are voided, never deleted'); END;

      CREATE TABLE incidents (
        id                     INTEGER PRIMARY KEY,
        no                     TEXT NOT NULL UNIQUE,
        version                INTEGER NOT NULL,
        status                 TEXT NOT NULL CHECK (status IN ('open', 'handling', 'closed')),
        title                  TEXT NOT NULL,
        category               TEXT NOT NULL,
        sub_type               TEXT NOT NULL,
        level                  INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
        occurred_at            TEXT NOT NULL,
        learned_at             TEXT NOT NULL,
        location               TEXT,
        unit                   TEXT,
        source                 TEXT,
        description            TEXT,
        deaths                 INTEGER NOT NULL DEFAULT 0,
        missing                INTEGER NOT NULL DEFAULT 0,
        serious_injuries       INTEGER NOT NULL DEFAULT 0,
        injuries               INTEGER NOT NULL DEFAULT 0,
        direct_loss_yuan       INTEGER NOT NULL DEFAULT 0,
        scope                  TEXT,
        trend                  TEXT,
        leaders_on_site        TEXT,
        measures               TEXT,
        suggested_level        INTEGER,
        suggested_basis        TEXT NOT NULL DEFAULT '[]',
        level_override_by      TEXT,
        level_override_reason  TEXT,
        level_override_at      TEXT,
        from_log_entry_id      INTEGER REFERENCES log_entries (id),
        supplement_until       TEXT,
        created_at             TEXT NOT NULL,
        created_by             TEXT NOT NULL,
        updated_at             TEXT NOT NULL
      ) STRICT;
      CREATE INDEX incidents_status ON incidents (status, learned_at);
      CREATE INDEX incidents_learned ON incidents (learned_at);
      CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents
        BEGIN SELECT RAISE(ABORT, 'incidents are never deleted'); END;

      CREATE TABLE incident_versions (
        incident_id  INTEGER NOT NULL REFERENCES incidents (id),
        version      INTEGER NOT NULL,
        data         TEXT NOT NULL,
        reason       TEXT,
        at           TEXT NOT NULL,
        by           TEXT NOT NULL,
        PRIMARY KEY (incident_id, version)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER incident_versions_no_update BEFORE UPDATE ON incident_versions
        BEGIN SELECT RAISE(ABORT, 'incident_versions is append-only'); END;
      CREATE TRIGGER incident_versions_no_delete BEFORE DELETE ON incident_versions
        BEGIN SELECT RAISE(ABORT, 'incident_versions is append-only'); END;

      CREATE TABLE incident_status_changes (
        id           INTEGER PRIMARY KEY,
        incident_id  INTEGER NOT NULL REFERENCES incidents (id),
        from_status  TEXT NOT NULL,
        to_status    TEXT NOT NULL,
        reason       TEXT,
        at           TEXT NOT NULL,
        by           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX incident_status_changes_incident ON incident_status_changes (incident_id);

      CREATE TABLE incident_reports (
        id                INTEGER PRIMARY KEY,
        incident_id       INTEGER NOT NULL REFERENCES incidents (id),
        kind              TEXT NOT NULL CHECK (kind IN ('first', 'followup', 'final')),
        followup_no       INTEGER,
        content           TEXT NOT NULL,
        recipient         TEXT NOT NULL,
        method            TEXT NOT NULL,
        sent_at           TEXT NOT NULL,
        signed_by         TEXT,
        recorded_at       TEXT NOT NULL,
        recorded_by       TEXT NOT NULL,
        incident_version  INTEGER NOT NULL,
        met               TEXT NOT NULL DEFAULT '[]',
        late              INTEGER NOT NULL CHECK (late IN (0, 1))
      ) STRICT;
      CREATE INDEX incident_reports_incident ON incident_reports (incident_id, id);
      CREATE TRIGGER incident_reports_no_update BEFORE UPDATE ON incident_reports
        BEGIN SELECT RAISE(ABORT, 'filed reports are never changed'); END;
      CREATE TRIGGER incident_reports_no_delete BEFORE DELETE ON incident_reports
        BEGIN SELECT RAISE(ABORT, 'filed reports are never deleted'); END;

      -- One row per deadline; met_at is set once. An unmet deadline may be
      -- superseded by a level change only while it is not yet overdue.
      CREATE TABLE incident_deadlines (
        id                INTEGER PRIMARY KEY,
        incident_id       INTEGER NOT NULL REFERENCES incidents (id),
        kind              TEXT NOT NULL CHECK (kind IN ('phone', 'written', 'supplement')),
        due_at            TEXT NOT NULL,
        met_at            TEXT,
        met_by_report_id  INTEGER REFERENCES incident_reports (id),
        superseded_at     TEXT,
        created_at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX incident_deadlines_open ON incident_deadlines (due_at) WHERE met_at IS NULL AND superseded_at IS NULL;
      CREATE INDEX incident_deadlines_incident ON incident_deadlines (incident_id);
      CREATE TRIGGER incident_deadlines_met_once BEFORE UPDATE OF met_at, due_at ON incident_deadlines
        WHEN OLD.met_at IS NOT NULL OR NEW.due_at <> OLD.due_at
        BEGIN SELECT RAISE(ABORT, 'a met deadline and a due time are never changed'); END;
      CREATE TRIGGER incident_deadlines_no_delete BEFORE DELETE ON incident_deadlines
        BEGIN SELECT RAISE(ABORT, 'deadlines are never deleted'); END;

      CREATE TABLE escalations (
        id                INTEGER PRIMARY KEY,
        incident_id       INTEGER NOT NULL REFERENCES incidents (id),
        policy            TEXT NOT NULL,
        started_at        TEXT NOT NULL,
        started_by        TEXT NOT NULL,
        acknowledged_at   TEXT,
        acknowledged_by   TEXT,
        acknowledged_via  TEXT,
        cancelled_at      TEXT,
        cancelled_by      TEXT,
        cancel_reason     TEXT
      ) STRICT;
      CREATE INDEX escalations_incident ON escalations (incident_id);
      CREATE INDEX escalations_pending ON escalations (started_at) WHERE acknowledged_at IS NULL AND cancelled_at IS NULL;

      CREATE TABLE escalation_contacts (
        id             INTEGER PRIMARY KEY,
        escalation_id  INTEGER NOT NULL REFERENCES escalations (id),
        round          INTEGER NOT NULL,
        step_index     INTEGER NOT NULL,
        target         TEXT NOT NULL,
        target_name    TEXT,
        target_phone   TEXT,
        method         TEXT NOT NULL,
        at             TEXT NOT NULL,
        note           TEXT,
        by             TEXT NOT NULL
      ) STRICT;
      CREATE INDEX escalation_contacts_escalation ON escalation_contacts (escalation_id);

      CREATE TABLE incident_instructions (
        id             INTEGER PRIMARY KEY,
        incident_id    INTEGER NOT NULL REFERENCES incidents (id),
        leader_name    TEXT NOT NULL,
        text           TEXT NOT NULL,
        given_at       TEXT NOT NULL,
        recorded_at    TEXT NOT NULL,
        recorded_by    TEXT NOT NULL,
        escalation_id  INTEGER REFERENCES escalations (id)
      ) STRICT;
      CREATE INDEX incident_instructions_incident ON incident_instructions (incident_id);
      CREATE TRIGGER incident_instructions_no_update BEFORE UPDATE ON incident_instructions
        BEGIN SELECT RAISE(ABORT, 'instructions are never changed'); END;
      CREATE TRIGGER incident_instructions_no_delete BEFORE DELETE ON incident_instructions
        BEGIN SELECT RAISE(ABORT, 'instructions are never deleted'); END;

      CREATE TABLE incident_attachments (
        id           INTEGER PRIMARY KEY,
        incident_id  INTEGER NOT NULL REFERENCES incidents (id),
        name         TEXT NOT NULL,
        mime         TEXT NOT NULL,
        size         INTEGER NOT NULL,
        sha256       TEXT NOT NULL,
        added_at     TEXT NOT NULL,
        added_by     TEXT NOT NULL,
        voided_at    TEXT,
        voided_by    TEXT,
        void_reason  TEXT
      ) STRICT;
      CREATE INDEX incident_attachments_incident ON incident_attachments (incident_id);
    `);
  },
};
