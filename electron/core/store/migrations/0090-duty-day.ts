/**
 * 0090 — the whole duty day: attendance marks (签到/签退), presence checks
 * (查岗) with their versions, handovers (交接班) with their versions, the
 * carried-over items (待办事项 / 注意事项), daily and zero reports (值班日报 /
 * 零报告) with their versions, and the follow-up (落实) of leaders'
 * instructions.
 *
 * Nothing here is ever deleted: marks, checks and reports are voided with a
 * reason; versions, follow-ups and closures are append-only (triggers).
 */
import type { Migration } from './index';

const noDelete = (table: string, what: string) => `
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what} are never deleted'); END;`;
const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

export const m0090DutyDay: Migration = {
  version: 90,
  name: '0090-duty-day',
  up(db) {
    db.exec(`
      CREATE TABLE attendance_marks (
        id                  INTEGER PRIMARY KEY,
        duty_date           TEXT NOT NULL,
        shift_id            INTEGER NOT NULL,
        person_id           INTEGER NOT NULL REFERENCES people (id),
        kind                TEXT NOT NULL CHECK (kind IN ('signIn', 'signOut')),
        at                  TEXT NOT NULL,
        covering_person_id  INTEGER REFERENCES people (id),
        note                TEXT,
        recorded_by         TEXT NOT NULL,
        recorded_at         TEXT NOT NULL,
        voided_at           TEXT,
        voided_by           TEXT,
        void_reason         TEXT
      ) STRICT;
      CREATE INDEX attendance_marks_date ON attendance_marks (duty_date, person_id);
      CREATE TRIGGER attendance_marks_fixed BEFORE UPDATE OF duty_date, shift_id, person_id, kind, at, covering_person_id, note, recorded_by, recorded_at
        ON attendance_marks BEGIN SELECT RAISE(ABORT, 'attendance marks are never changed: void and sign again'); END;
      ${noDelete('attendance_marks', 'attendance marks')}

      CREATE TABLE presence_checks (
        id               INTEGER PRIMARY KEY,
        version          INTEGER NOT NULL,
        direction        TEXT NOT NULL CHECK (direction IN ('received', 'made')),
        duty_date        TEXT NOT NULL,
        at               TEXT NOT NULL,
        method           TEXT NOT NULL,
        checker          TEXT,
        unit_contact_id  INTEGER REFERENCES contacts (id),
        unit_name        TEXT,
        answered         INTEGER NOT NULL,
        rings            INTEGER,
        answer_seconds   INTEGER,
        answered_by      TEXT,
        officer_at_post  INTEGER,
        leader_at_post   INTEGER,
        post_state       TEXT,
        follow_up        TEXT,
        note             TEXT,
        log_entry_id     INTEGER REFERENCES log_entries (id),
        recorded_by      TEXT NOT NULL,
        recorded_at      TEXT NOT NULL,
        updated_by       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        voided_at        TEXT,
        voided_by        TEXT,
        void_reason      TEXT
      ) STRICT;
      CREATE INDEX presence_checks_at ON presence_checks (at);
      ${noDelete('presence_checks', 'presence checks')}
      CREATE TABLE presence_check_versions (
        check_id  INTEGER NOT NULL REFERENCES presence_checks (id),
        version   INTEGER NOT NULL,
        data      TEXT NOT NULL,
        reason    TEXT,
        at        TEXT NOT NULL,
        by        TEXT NOT NULL,
        PRIMARY KEY (check_id, version)
      ) STRICT;
      ${appendOnly('presence_check_versions')}

      CREATE TABLE handovers (
        id                INTEGER PRIMARY KEY,
        duty_date         TEXT NOT NULL UNIQUE,
        version           INTEGER NOT NULL,
        state             TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'confirmed')),
        content           TEXT NOT NULL,
        snapshot          TEXT,
        outgoing_user_id  INTEGER REFERENCES users (id),
        outgoing_name     TEXT,
        submitted_at      TEXT,
        incoming_user_id  INTEGER REFERENCES users (id),
        incoming_name     TEXT,
        confirmed_at      TEXT,
        confirm_note      TEXT,
        returned_at       TEXT,
        return_note       TEXT,
        chain_seq         INTEGER,
        chain_hash        TEXT,
        created_at        TEXT NOT NULL,
        created_by        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        updated_by        TEXT NOT NULL
      ) STRICT;
      ${noDelete('handovers', 'handovers')}
      CREATE TRIGGER handovers_confirmed_final BEFORE UPDATE ON handovers WHEN OLD.state = 'confirmed'
        BEGIN SELECT RAISE(ABORT, 'a confirmed handover is final'); END;
      CREATE TABLE handover_versions (
        handover_id  INTEGER NOT NULL REFERENCES handovers (id),
        version      INTEGER NOT NULL,
        state        TEXT NOT NULL,
        data         TEXT NOT NULL,
        reason       TEXT,
        at           TEXT NOT NULL,
        by           TEXT NOT NULL,
        PRIMARY KEY (handover_id, version)
      ) STRICT;
      ${appendOnly('handover_versions')}

      CREATE TABLE duty_todos (
        id            INTEGER PRIMARY KEY,
        kind          TEXT NOT NULL CHECK (kind IN ('todo', 'watch')),
        text          TEXT NOT NULL,
        duty_date     TEXT NOT NULL,
        log_entry_id  INTEGER REFERENCES log_entries (id),
        created_at    TEXT NOT NULL,
        created_by    TEXT NOT NULL,
        closed_at     TEXT,
        closed_by     TEXT,
        close_note    TEXT
      ) STRICT;
      CREATE INDEX duty_todos_open ON duty_todos (closed_at, id);
      ${noDelete('duty_todos', 'items')}
      CREATE TRIGGER duty_todos_close_once BEFORE UPDATE ON duty_todos
        WHEN OLD.closed_at IS NOT NULL OR NEW.kind IS NOT OLD.kind OR NEW.text IS NOT OLD.text OR NEW.duty_date IS NOT OLD.duty_date
          OR NEW.log_entry_id IS NOT OLD.log_entry_id OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        BEGIN SELECT RAISE(ABORT, 'an item is only closed, once'); END;

      CREATE TABLE daily_reports (
        id            INTEGER PRIMARY KEY,
        report_date   TEXT NOT NULL,
        version       INTEGER NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('daily', 'zero')),
        state         TEXT NOT NULL CHECK (state IN ('draft', 'reviewed', 'sent')),
        period_start  TEXT NOT NULL,
        period_end    TEXT NOT NULL,
        due_at        TEXT NOT NULL,
        summary       TEXT NOT NULL,
        stats         TEXT NOT NULL,
        drafted_by    TEXT NOT NULL,
        drafted_at    TEXT NOT NULL,
        reviewed_by   TEXT,
        reviewed_at   TEXT,
        review_note   TEXT,
        recipient     TEXT,
        method        TEXT,
        sent_at       TEXT,
        sent_by       TEXT,
        late          INTEGER,
        updated_by    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        voided_at     TEXT,
        voided_by     TEXT,
        void_reason   TEXT
      ) STRICT;
      CREATE UNIQUE INDEX daily_reports_live ON daily_reports (report_date) WHERE voided_at IS NULL;
      ${noDelete('daily_reports', 'daily reports')}
      CREATE TRIGGER daily_reports_sent_final BEFORE UPDATE ON daily_reports
        WHEN OLD.state = 'sent' AND (NEW.voided_at IS OLD.voided_at OR NEW.summary IS NOT OLD.summary OR NEW.sent_at IS NOT OLD.sent_at OR NEW.late IS NOT OLD.late)
        BEGIN SELECT RAISE(ABORT, 'a sent report is final: void it with a reason'); END;
      CREATE TABLE daily_report_versions (
        report_id  INTEGER NOT NULL REFERENCES daily_reports (id),
        version    INTEGER NOT NULL,
        data       TEXT NOT NULL,
        reason     TEXT,
        at         TEXT NOT NULL,
        by         TEXT NOT NULL,
        PRIMARY KEY (report_id, version)
      ) STRICT;
      ${appendOnly('daily_report_versions')}

      CREATE TABLE instruction_followups (
        id              INTEGER PRIMARY KEY,
        instruction_id  INTEGER NOT NULL REFERENCES incident_instructions (id),
        state           TEXT NOT NULL CHECK (state IN ('pending', 'inProgress', 'done')),
        note            TEXT,
        done_by         TEXT,
        at              TEXT NOT NULL,
        by              TEXT NOT NULL
      ) STRICT;
      CREATE INDEX instruction_followups_instruction ON instruction_followups (instruction_id, id);
      ${appendOnly('instruction_followups')}
    `);
  },
};
