/**
 * 0130 — one handover per shift change, and the leader's acknowledgement of an unaccepted handover.
 *
 * A desk with 白班/夜班 hands over at each shift change, so a handover is now
 * the outgoing shift of a duty day (`duty_date`, `shift_id`), with the
 * template's name and the handover instant kept on the row as they were when
 * it was written. Existing handovers (one per duty day) become the hand-over
 * of the desk's first shift template, at the duty day's end.
 *
 * `handovers` loses its UNIQUE (duty_date), which SQLite can only do by
 * rebuilding the table; `handover_versions` (referencing it) is rebuilt with
 * it, child first, so no foreign key ever points at a dropped table. Rows keep
 * their ids and every version. The triggers (never deleted, final once
 * confirmed, versions append-only) are recreated as they were.
 *
 * `handover_acks`: 带班领导已知悉 — the leader on duty acknowledges, as
 * themself, the escalation of a handover nobody has accepted (one per
 * handover; append-only).
 */
import { addDays, localInstant } from '../../../../shared/time';
import type { Migration } from './index';

const noDelete = (table: string, what: string) => `
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what} are never deleted'); END;`;
const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

export const m0130ShiftHandovers: Migration = {
  version: 130,
  name: '0130-shift-handovers',
  up(db) {
    // The desk's first active shift (the duty-day rule's handover minute), as the migrated rows' outgoing shift.
    const first = db
      .prepare('SELECT id, name, start_minutes FROM shift_templates WHERE active = 1 ORDER BY sort_order, start_minutes, id LIMIT 1')
      .get() as { id: number; name: string; start_minutes: number } | undefined;
    const tz = (db.prepare('SELECT time_zone FROM desk WHERE id = 1').get() as { time_zone: string } | undefined)?.time_zone ?? 'Asia/Shanghai';
    const handoverMinutes = first?.start_minutes ?? 8 * 60 + 30;

    db.exec(`
      CREATE TABLE handovers_new (
        id                INTEGER PRIMARY KEY,
        duty_date         TEXT NOT NULL,
        shift_id          INTEGER NOT NULL,
        shift_name        TEXT NOT NULL,
        handover_at       TEXT NOT NULL,
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
        updated_by        TEXT NOT NULL,
        UNIQUE (duty_date, shift_id)
      ) STRICT;
      CREATE TABLE handover_versions_new (
        handover_id  INTEGER NOT NULL REFERENCES handovers_new (id),
        version      INTEGER NOT NULL,
        state        TEXT NOT NULL,
        data         TEXT NOT NULL,
        reason       TEXT,
        at           TEXT NOT NULL,
        by           TEXT NOT NULL,
        PRIMARY KEY (handover_id, version)
      ) STRICT;
    `);
    const rows = db.prepare('SELECT id, duty_date FROM handovers').all() as { id: number; duty_date: string }[];
    const copy = db.prepare(
      `INSERT INTO handovers_new (id, duty_date, shift_id, shift_name, handover_at, version, state, content, snapshot, outgoing_user_id, outgoing_name,
         submitted_at, incoming_user_id, incoming_name, confirmed_at, confirm_note, returned_at, return_note, chain_seq, chain_hash,
         created_at, created_by, updated_at, updated_by)
       SELECT id, duty_date, ?, ?, ?, version, state, content, snapshot, outgoing_user_id, outgoing_name,
         submitted_at, incoming_user_id, incoming_name, confirmed_at, confirm_note, returned_at, return_note, chain_seq, chain_hash,
         created_at, created_by, updated_at, updated_by
       FROM handovers WHERE id = ?`,
    );
    for (const r of rows) {
      const at = new Date(localInstant(addDays(r.duty_date, 1), handoverMinutes, tz)).toISOString();
      copy.run(first?.id ?? 0, first?.name ?? '', at, r.id);
    }
    db.exec(`
      INSERT INTO handover_versions_new SELECT * FROM handover_versions;
      DROP TABLE handover_versions;
      DROP TABLE handovers;
      ALTER TABLE handovers_new RENAME TO handovers;
      ALTER TABLE handover_versions_new RENAME TO handover_versions;
      CREATE INDEX handovers_at ON handovers (handover_at);
      ${noDelete('handovers', 'handovers')}
      CREATE TRIGGER handovers_confirmed_final BEFORE UPDATE ON handovers WHEN OLD.state = 'confirmed'
        BEGIN SELECT RAISE(ABORT, 'a confirmed handover is final'); END;
      ${appendOnly('handover_versions')}

      CREATE TABLE handover_acks (
        id          INTEGER PRIMARY KEY,
        duty_date   TEXT NOT NULL,
        shift_id    INTEGER NOT NULL,
        round       INTEGER NOT NULL,
        step_index  INTEGER NOT NULL,
        target      TEXT NOT NULL,
        user_id     INTEGER REFERENCES users (id),
        by_name     TEXT NOT NULL,
        at          TEXT NOT NULL,
        note        TEXT,
        UNIQUE (duty_date, shift_id)
      ) STRICT;
      ${appendOnly('handover_acks')}
    `);
  },
};
