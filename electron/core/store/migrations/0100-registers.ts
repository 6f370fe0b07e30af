/**
 * 0100 — the registers: petitions (信访) with their petitioners, workflow
 * steps, statutory deadlines, assignments, supervision and leaders' cases;
 * supervised items (督办事项 / 台账) with notes, extensions and evidence; and
 * incoming documents and telegrams (来文 / 明传电报) with their circulation.
 *
 * Official records are never overwritten: every record keeps each version in
 * an append-only `*_versions` table (version 1 included), steps, notes,
 * extensions and reads are append-only, a met deadline and a due date never
 * change, and nothing is deleted — records are voided with a reason.
 */
import type { Migration } from './index';

const appendOnly = (table: string, what: string): string => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${what} are append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what} are append-only'); END;`;
const noDelete = (table: string, what: string): string => `
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what} are voided, never deleted'); END;`;
const versions = (table: string, key: string, parent: string): string => `
  CREATE TABLE ${table} (
    ${key}   INTEGER NOT NULL REFERENCES ${parent} (id),
    version  INTEGER NOT NULL,
    data     TEXT NOT NULL,
    reason   TEXT,
    at       TEXT NOT NULL,
    by       TEXT NOT NULL,
    PRIMARY KEY (${key}, version)
  ) STRICT, WITHOUT ROWID;${appendOnly(table, 'versions')}`;

export const m0100Registers: Migration = {
  version: 100,
  name: '0100-registers',
  up(db) {
    db.exec(`
      -- ── petitions (信访)
      CREATE TABLE petitioners (
        id          INTEGER PRIMARY KEY,
        version     INTEGER NOT NULL,
        name        TEXT NOT NULL,
        phone       TEXT,
        id_number   TEXT,
        address     TEXT,
        key_person  INTEGER NOT NULL DEFAULT 0 CHECK (key_person IN (0, 1)),
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX petitioners_id_number ON petitioners (id_number) WHERE id_number IS NOT NULL;
      CREATE INDEX petitioners_name ON petitioners (name);
      ${noDelete('petitioners', 'petitioners')}
      ${versions('petitioner_versions', 'petitioner_id', 'petitioners')}

      CREATE TABLE petitions (
        id                 INTEGER PRIMARY KEY,
        no                 TEXT NOT NULL UNIQUE,
        version            INTEGER NOT NULL,
        received_at        TEXT NOT NULL,
        received_date      TEXT NOT NULL,
        form               TEXT NOT NULL CHECK (form IN ('visit', 'letter', 'call', 'online', 'leaderDay')),
        persons            INTEGER NOT NULL CHECK (persons >= 1),
        level              TEXT NOT NULL CHECK (level IN ('district', 'city', 'province', 'beijing')),
        abnormal           INTEGER NOT NULL CHECK (abnormal IN (0, 1)),
        abnormal_kind      TEXT,
        category           TEXT NOT NULL,
        summary            TEXT NOT NULL,
        demands            TEXT,
        leader             TEXT,
        unit               TEXT,
        locality           TEXT,
        state              TEXT NOT NULL,
        from_log_entry_id  INTEGER REFERENCES log_entries (id),
        created_at         TEXT NOT NULL,
        created_by         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        updated_by         TEXT NOT NULL,
        voided_at          TEXT,
        voided_by          TEXT,
        void_reason        TEXT
      ) STRICT;
      CREATE INDEX petitions_received ON petitions (received_date);
      CREATE UNIQUE INDEX petitions_log_entry ON petitions (from_log_entry_id) WHERE from_log_entry_id IS NOT NULL;
      ${noDelete('petitions', 'petitions')}
      ${versions('petition_versions', 'petition_id', 'petitions')}

      CREATE TABLE petition_petitioners (
        petition_id     INTEGER NOT NULL REFERENCES petitions (id),
        petitioner_id   INTEGER NOT NULL REFERENCES petitioners (id),
        representative  INTEGER NOT NULL CHECK (representative IN (0, 1)),
        PRIMARY KEY (petition_id, petitioner_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX petition_petitioners_person ON petition_petitioners (petitioner_id);

      -- The workflow as it happened: 受理, 不予受理, 办理, 延期, 办结, 复查, 复核 … (append-only).
      CREATE TABLE petition_steps (
        id           INTEGER PRIMARY KEY,
        petition_id  INTEGER NOT NULL REFERENCES petitions (id),
        step         TEXT NOT NULL,
        on_date      TEXT NOT NULL,
        text         TEXT,
        days         INTEGER,
        in_time      INTEGER,
        at           TEXT NOT NULL,
        by           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX petition_steps_petition ON petition_steps (petition_id, id);
      ${appendOnly('petition_steps', 'petition steps')}

      CREATE TABLE petition_assignments (
        id           INTEGER PRIMARY KEY,
        petition_id  INTEGER NOT NULL REFERENCES petitions (id),
        kind         TEXT NOT NULL CHECK (kind IN ('assign', 'transfer')),
        unit         TEXT NOT NULL,
        assigned_on  TEXT NOT NULL,
        due_date     TEXT,
        note         TEXT,
        done_on      TEXT,
        result       TEXT,
        at           TEXT NOT NULL,
        by           TEXT NOT NULL,
        done_at      TEXT,
        done_by      TEXT
      ) STRICT;
      CREATE INDEX petition_assignments_petition ON petition_assignments (petition_id);
      CREATE TRIGGER petition_assignments_done_once BEFORE UPDATE ON petition_assignments
        WHEN OLD.done_on IS NOT NULL OR NEW.due_date IS NOT OLD.due_date OR NEW.unit <> OLD.unit
        BEGIN SELECT RAISE(ABORT, 'an assignment is done once and its due date never changes'); END;
      ${noDelete('petition_assignments', 'assignments')}

      -- One row per deadline; met_on is set once; an extension supersedes the 办结 deadline before it passes.
      CREATE TABLE petition_deadlines (
        id             INTEGER PRIMARY KEY,
        petition_id    INTEGER NOT NULL REFERENCES petitions (id),
        kind           TEXT NOT NULL CHECK (kind IN ('accept', 'conclude', 'reviewAnswer', 'recheckAnswer', 'assignment')),
        start_date     TEXT NOT NULL,
        due_date       TEXT NOT NULL,
        met_on         TEXT,
        assignment_id  INTEGER REFERENCES petition_assignments (id),
        superseded_at  TEXT,
        created_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX petition_deadlines_open ON petition_deadlines (due_date) WHERE met_on IS NULL AND superseded_at IS NULL;
      CREATE INDEX petition_deadlines_petition ON petition_deadlines (petition_id);
      CREATE TRIGGER petition_deadlines_met_once BEFORE UPDATE ON petition_deadlines
        WHEN OLD.met_on IS NOT NULL OR NEW.due_date <> OLD.due_date OR NEW.start_date <> OLD.start_date OR OLD.superseded_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a met deadline and a due date are never changed'); END;
      ${noDelete('petition_deadlines', 'deadlines')}

      -- 督办, 回访, progress notes of a leader's case (append-only).
      CREATE TABLE petition_actions (
        id           INTEGER PRIMARY KEY,
        petition_id  INTEGER NOT NULL REFERENCES petitions (id),
        kind         TEXT NOT NULL CHECK (kind IN ('supervise', 'followup', 'caseNote')),
        on_date      TEXT NOT NULL,
        text         TEXT NOT NULL,
        by_name      TEXT,
        satisfied    INTEGER CHECK (satisfied IN (0, 1)),
        at           TEXT NOT NULL,
        by           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX petition_actions_petition ON petition_actions (petition_id, id);
      ${appendOnly('petition_actions', 'petition actions')}

      -- 领导包案: the leader, the 五包 checklist, closing.
      CREATE TABLE petition_cases (
        petition_id   INTEGER PRIMARY KEY REFERENCES petitions (id),
        leader        TEXT NOT NULL,
        duties        TEXT NOT NULL DEFAULT '[]',
        opened_at     TEXT NOT NULL,
        opened_by     TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        closed_at     TEXT,
        closed_by     TEXT,
        closing_note  TEXT
      ) STRICT;
      ${noDelete('petition_cases', 'cases')}

      -- ── supervised items (督办事项 / 台账)
      CREATE TABLE ledger_items (
        id                 INTEGER PRIMARY KEY,
        no                 TEXT NOT NULL UNIQUE,
        version            INTEGER NOT NULL,
        source             TEXT NOT NULL CHECK (source IN ('incident', 'petition', 'presenceCheck', 'hazard', 'instruction', 'meeting', 'other')),
        source_ref         TEXT,
        title              TEXT NOT NULL,
        detail             TEXT,
        owner_unit         TEXT NOT NULL,
        owner_person       TEXT,
        entered_date       TEXT NOT NULL,
        first_deadline     TEXT NOT NULL,
        deadline           TEXT NOT NULL,
        closing_standard   TEXT,
        hazard_place       TEXT,
        hazard_level       TEXT CHECK (hazard_level IN ('general', 'major')),
        measures           TEXT,
        rectify_state      TEXT CHECK (rectify_state IN ('pending', 'rectifying', 'rectified')),
        state              TEXT NOT NULL CHECK (state IN ('open', 'closed')),
        closed_at          TEXT,
        closed_by          TEXT,
        closing_note       TEXT,
        from_log_entry_id  INTEGER REFERENCES log_entries (id),
        created_at         TEXT NOT NULL,
        created_by         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        updated_by         TEXT NOT NULL,
        voided_at          TEXT,
        voided_by          TEXT,
        void_reason        TEXT
      ) STRICT;
      CREATE INDEX ledger_items_open ON ledger_items (deadline) WHERE state = 'open' AND voided_at IS NULL;
      CREATE INDEX ledger_items_entered ON ledger_items (entered_date);
      CREATE UNIQUE INDEX ledger_items_log_entry ON ledger_items (from_log_entry_id) WHERE from_log_entry_id IS NOT NULL;
      CREATE TRIGGER ledger_items_closed_stay BEFORE UPDATE ON ledger_items
        WHEN OLD.state = 'closed' AND NEW.voided_at IS OLD.voided_at
        BEGIN SELECT RAISE(ABORT, 'a closed item is never changed'); END;
      ${noDelete('ledger_items', 'supervised items')}
      ${versions('ledger_item_versions', 'item_id', 'ledger_items')}

      CREATE TABLE ledger_notes (
        id       INTEGER PRIMARY KEY,
        item_id  INTEGER NOT NULL REFERENCES ledger_items (id),
        text     TEXT NOT NULL,
        at       TEXT NOT NULL,
        by       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ledger_notes_item ON ledger_notes (item_id, id);
      ${appendOnly('ledger_notes', 'progress notes')}

      CREATE TABLE ledger_extensions (
        id             INTEGER PRIMARY KEY,
        item_id        INTEGER NOT NULL REFERENCES ledger_items (id),
        from_deadline  TEXT NOT NULL,
        to_deadline    TEXT NOT NULL,
        reason         TEXT NOT NULL,
        at             TEXT NOT NULL,
        by             TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ledger_extensions_item ON ledger_extensions (item_id, id);
      ${appendOnly('ledger_extensions', 'extensions')}

      CREATE TABLE ledger_attachments (
        id           INTEGER PRIMARY KEY,
        item_id      INTEGER NOT NULL REFERENCES ledger_items (id),
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
      CREATE INDEX ledger_attachments_item ON ledger_attachments (item_id);
      ${noDelete('ledger_attachments', 'attachments')}

      -- ── incoming documents and telegrams (来文 / 明传电报)
      CREATE TABLE documents (
        id                 INTEGER PRIMARY KEY,
        no                 TEXT NOT NULL UNIQUE,
        version            INTEGER NOT NULL,
        kind               TEXT NOT NULL CHECK (kind IN ('document', 'telegram')),
        from_unit          TEXT NOT NULL,
        doc_no             TEXT,
        title              TEXT NOT NULL,
        -- A duty desk is not a classified system: nothing above 内部 is ever stored.
        secrecy            TEXT NOT NULL CHECK (secrecy IN ('public', 'internal')),
        urgency            TEXT NOT NULL CHECK (urgency IN ('extraUrgent', 'urgent', 'normal')),
        received_at        TEXT NOT NULL,
        received_date      TEXT NOT NULL,
        pages              INTEGER,
        proposal           TEXT,
        instruction        TEXT,
        due_at             TEXT,
        result             TEXT,
        state              TEXT NOT NULL CHECK (state IN ('registered', 'circulating', 'done')),
        done_at            TEXT,
        done_by            TEXT,
        from_log_entry_id  INTEGER REFERENCES log_entries (id),
        created_at         TEXT NOT NULL,
        created_by         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        updated_by         TEXT NOT NULL,
        voided_at          TEXT,
        voided_by          TEXT,
        void_reason        TEXT
      ) STRICT;
      CREATE INDEX documents_received ON documents (received_date);
      CREATE INDEX documents_due ON documents (due_at) WHERE due_at IS NOT NULL AND state <> 'done' AND voided_at IS NULL;
      CREATE UNIQUE INDEX documents_log_entry ON documents (from_log_entry_id) WHERE from_log_entry_id IS NOT NULL;
      ${noDelete('documents', 'documents')}
      ${versions('document_versions', 'document_id', 'documents')}

      CREATE TABLE document_reads (
        id           INTEGER PRIMARY KEY,
        document_id  INTEGER NOT NULL REFERENCES documents (id),
        reader       TEXT NOT NULL,
        read_at      TEXT NOT NULL,
        note         TEXT,
        at           TEXT NOT NULL,
        by           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX document_reads_document ON document_reads (document_id, id);
      ${appendOnly('document_reads', 'circulation records')}
    `);
  },
};
