/**
 * The store: pragmas, migrations, refusal of a newer schema, damaged files.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, NewerSchemaError, dbFileName } from '../../electron/core/store/connection';
import { latestVersion, migrate, migrations } from '../../electron/core/store/migrations';
import { tempDir } from '../helpers/core';
import { instructionsWithFollowUp } from '../../electron/core/incidents/records-db';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('openStore', () => {
  it('creates a new store at the latest version with WAL, synchronous=FULL and foreign keys', () => {
    const s = openStore(fresh());
    expect(s.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(s.readOnly).toBe(false);
    s.db.close();
  });

  it('numbers migrations in steps of 10, each once', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions.every((v) => v % 10 === 0)).toBe(true);
    expect(new Set(versions).size).toBe(versions.length);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('refuses a database newer than the app and leaves it byte-identical', () => {
    const dir = fresh();
    const file = path.join(dir, dbFileName);
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.pragma(`user_version = ${latestVersion + 10}`);
    db.close();
    const before = fs.readFileSync(file);
    const listing = fs.readdirSync(dir).sort();
    expect(() => openStore(dir)).toThrow(NewerSchemaError);
    expect(() => openStore(dir)).toThrow(/比本程序支持的版本/u);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
  });

  it('upgrades an older database after backing it up, in one transaction', () => {
    const dir = fresh();
    const file = path.join(dir, dbFileName);
    const db = new Database(file);
    migrate(db, { target: 10 });
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
    db.close();
    const s = openStore(dir);
    expect(s.migration?.from).toBe(10);
    expect(s.migration?.to).toBe(latestVersion);
    expect(s.migration?.backupFile).toBeTruthy();
    const backup = new Database(s.migration!.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(10);
    expect(backup.prepare('SELECT value FROM settings WHERE key = ?').get('theme')).toEqual({ value: '"dark"' });
    backup.close();
    s.db.close();
  });

  it('rolls back every step when one migration fails', () => {
    const db = new Database(':memory:');
    migrate(db, { target: 10 });
    const broken = { version: 9990, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE ok_then (x); SELECT * FROM no_such_table;') };
    const all = [...migrations, broken];
    expect(() =>
      db.transaction(() => {
        for (const m of all.filter((m) => m.version > 10)) {
          m.up(db);
          db.pragma(`user_version = ${m.version}`);
        }
      })(),
    ).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'ok_then'").get()).toEqual({ n: 0 });
  });

  it('opens a damaged file read-only instead of writing to it', () => {
    const dir = fresh();
    const s = openStore(dir);
    s.db.exec('CREATE TABLE filler (x TEXT)');
    const ins = s.db.prepare('INSERT INTO filler VALUES (?)');
    s.db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) ins.run('x'.repeat(200));
    })();
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.db.close();
    const file = path.join(dir, dbFileName);
    const buf = fs.readFileSync(file);
    // Scribble over several pages in the middle of the file (not the header).
    for (let i = 8192; i < 8192 * 6; i += 1) buf[i] = (i * 31) & 0xff;
    fs.writeFileSync(file, buf);
    const damaged = openStore(dir);
    expect(damaged.readOnly).toBe(true);
    expect(damaged.readOnlyReasonKey).toBe('store.damaged');
    expect(() => damaged.db.exec('CREATE TABLE t (x)')).toThrow();
    damaged.db.close();
  });
});

describe('upgrade from every earlier schema version', () => {
  const earlier = migrations.map((m) => m.version).filter((v) => v < latestVersion);
  it.each(earlier)('a desk at version %i upgrades to the latest with its data and a backup', (version) => {
    const dir = fresh();
    const file = path.join(dir, dbFileName);
    const db = new Database(file);
    migrate(db, { target: version });
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO desk (id, desk_id, unit_name, time_zone, created_at, updated_at) VALUES (1, 'desk-1', '旧版值班室', 'Asia/Shanghai', ?, ?)").run(at, at);
    db.prepare("INSERT INTO people (name, roles, created_at, updated_at) VALUES ('老张', '[\"officer\"]', ?, ?)").run(at, at);
    db.close();

    const s = openStore(dir);
    expect(s.migration).toMatchObject({ from: version, to: latestVersion });
    expect(s.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(s.db.prepare('SELECT unit_name FROM desk').get()).toEqual({ unit_name: '旧版值班室' });
    expect(s.db.prepare('SELECT name FROM people').all()).toEqual([{ name: '老张' }]);
    expect(s.db.pragma('foreign_key_check')).toEqual([]);
    expect(fs.existsSync(s.migration!.backupFile!)).toBe(true);
    s.db.close();
  });
});

describe('0100 — the registers', () => {
  it('creates the petition, ledger and document tables on a desk at 0060, append-only and never deleting', () => {
    const dir = fresh();
    const file = path.join(dir, dbFileName);
    const db = new Database(file);
    migrate(db, { target: 60 });
    db.close();
    const s = openStore(dir);
    const tables = (s.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['petitions', 'petitioners', 'petition_deadlines', 'petition_steps', 'ledger_items', 'ledger_notes', 'documents', 'document_reads']) expect(tables).toContain(t);
    const at = '2026-01-01T00:00:00.000Z';
    const insertDoc = (secrecy: string) =>
      s.db
        .prepare(
          `INSERT INTO documents (no, version, kind, from_unit, title, secrecy, urgency, received_at, received_date, state, created_at, created_by, updated_at, updated_by)
           VALUES (?, 1, 'document', '市政府办', '通知', ?, 'normal', ?, '2026-01-01', 'registered', ?, 'a', ?, 'a')`,
        )
        .run(`SW-${secrecy}`, secrecy, at, at, at);
    expect(() => insertDoc('secret')).toThrow(/CHECK/u);
    insertDoc('internal');
    expect(() => s.db.prepare('DELETE FROM documents').run()).toThrow(/never deleted/u);
    s.db.close();
  });
});

describe('0090 — the duty day', () => {
  it('adds the duty-day tables to a desk at 0060; an instruction given before it reads as 待落实', () => {
    const dir = fresh();
    const db = new Database(path.join(dir, dbFileName));
    migrate(db, { target: 60 });
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO desk (id, desk_id, unit_name, time_zone, created_at, updated_at) VALUES (1, 'desk-1', '旧版值班室', 'Asia/Shanghai', ?, ?)").run(at, at);
    db.prepare(
      `INSERT INTO incidents (id, no, version, title, category, sub_type, level, status, occurred_at, learned_at, created_at, created_by, updated_at)
       VALUES (1, '2026-0001', 1, '旧事件', 'accident', 'industrial', 3, 'open', ?, ?, ?, 'x', ?)`,
    ).run(at, at, at, at);
    db.prepare("INSERT INTO incident_instructions (incident_id, leader_name, text, given_at, recorded_at, recorded_by) VALUES (1, '老领导', '抓紧处置', ?, ?, 'x')").run(at, at);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(90);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['attendance_marks', 'presence_checks', 'handovers', 'duty_todos', 'daily_reports', 'instruction_followups']));
    expect(instructionsWithFollowUp(db)).toEqual([expect.objectContaining({ text: '抓紧处置', state: 'pending', followUps: [] })]);
    db.close();
  });
});

describe('0130 — one handover per shift change', () => {
  it('keeps a desk’s handovers and their versions (at the first shift, handing over at the duty day’s end), still final and never deleted', () => {
    const dir = fresh();
    const db = new Database(path.join(dir, dbFileName));
    migrate(db, { target: 100 });
    const at = '2026-11-26T00:40:00.000Z';
    db.prepare("INSERT INTO desk (id, desk_id, unit_name, time_zone, created_at, updated_at) VALUES (1, 'desk-1', '旧版值班室', 'Asia/Shanghai', ?, ?)").run(at, at);
    db.prepare(
      `INSERT INTO handovers (id, duty_date, version, state, content, snapshot, outgoing_name, submitted_at, incoming_name, confirmed_at, confirm_note, created_at, created_by, updated_at, updated_by)
       VALUES (7, '2026-11-25', 3, 'confirmed', '{"notes":"平稳","watchItems":null,"objects":[]}', ?, '张值班', ?, '王值班', ?, '同意接班', ?, 'a', ?, 'b')`,
    ).run(JSON.stringify({ dutyDate: '2026-11-25', start: '2026-11-25T00:30:00.000Z', end: '2026-11-26T00:30:00.000Z', logTotal: 2 }), at, at, at, at);
    for (const v of [1, 2, 3]) db.prepare("INSERT INTO handover_versions (handover_id, version, state, data, at, by) VALUES (7, ?, 'draft', '{}', ?, 'a')").run(v, at);
    db.prepare(
      "INSERT INTO handovers (id, duty_date, version, state, content, created_at, created_by, updated_at, updated_by) VALUES (8, '2026-12-31', 1, 'draft', '{}', ?, 'a', ?, 'a')",
    ).run(at, at);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const shift = db.prepare("SELECT id, name FROM shift_templates ORDER BY sort_order, id LIMIT 1").get() as { id: number; name: string };
    expect(db.prepare('SELECT id, duty_date, shift_id, shift_name, handover_at, state FROM handovers ORDER BY id').all()).toEqual([
      { id: 7, duty_date: '2026-11-25', shift_id: shift.id, shift_name: shift.name, handover_at: '2026-11-26T00:30:00.000Z', state: 'confirmed' },
      // New Year's Eve hands over on 1 January, 08:30 in Beijing.
      { id: 8, duty_date: '2026-12-31', shift_id: shift.id, shift_name: shift.name, handover_at: '2027-01-01T00:30:00.000Z', state: 'draft' },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM handover_versions WHERE handover_id = 7').get()).toEqual({ n: 3 });
    expect(() => db.prepare("UPDATE handovers SET confirm_note = 'x' WHERE id = 7").run()).toThrow(/final/u);
    expect(() => db.prepare('DELETE FROM handovers').run()).toThrow(/never deleted/u);
    expect(() => db.prepare('DELETE FROM handover_versions').run()).toThrow(/append-only/u);
    // Two shifts of one duty day are two handovers; the same shift twice is refused.
    db.prepare(
      "INSERT INTO handovers (duty_date, shift_id, shift_name, handover_at, version, state, content, created_at, created_by, updated_at, updated_by) VALUES ('2026-11-25', 99, '夜班', ?, 1, 'draft', '{}', ?, 'a', ?, 'a')",
    ).run(at, at, at);
    expect(() =>
      db
        .prepare(
          "INSERT INTO handovers (duty_date, shift_id, shift_name, handover_at, version, state, content, created_at, created_by, updated_at, updated_by) VALUES ('2026-11-25', 99, '夜班', ?, 1, 'draft', '{}', ?, 'a', ?, 'a')",
        )
        .run(at, at, at),
    ).toThrow(/UNIQUE/u);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'handover_acks'").get()).toEqual({ n: 1 });
    db.close();
  });
});
