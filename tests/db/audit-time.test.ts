/**
 * Finding audit rows by time without an index on `at` (services/audit-time.ts):
 * the desk's clock set back mid-chain, a damaged chain with a gap, and the
 * migration that builds the break list for an existing chain.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDesk, tempDir, type TestDesk } from '../helpers/core';
import { seqRangesForTime } from '../../electron/core/audit/time';
import { dbFileName } from '../../electron/core/store/connection';
import { latestVersion, migrate } from '../../electron/core/store/migrations';
import { inspectDbFile } from '../../electron/core/backup/service';

const hour = 3_600_000;
let desk: TestDesk;
beforeEach(async () => {
  desk = await makeDesk();
});
afterEach(() => desk.close());

/** Rows with start ≤ at < end, by scanning every row (the ground truth). */
const scan = (start: string, end: string): number[] =>
  (desk.core.db.prepare('SELECT seq FROM audit_log WHERE at >= ? AND at < ? ORDER BY seq').all(start, end) as { seq: number }[]).map((r) => r.seq);

const expand = (ranges: readonly (readonly [number, number])[]): number[] => {
  const seqs = (desk.core.db.prepare('SELECT seq FROM audit_log ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);
  return seqs.filter((s) => ranges.some(([a, b]) => s >= a && s < b));
};

async function logAt(ms: number, n = 1): Promise<void> {
  desk.clock.set(ms);
  for (let i = 0; i < n; i += 1) await desk.call(desk.admin, 'log.create', { kind: 'incoming_call', summary: `来电 ${new Date(ms).toISOString()} #${i}` });
}

/** Three days forward, the clock set back two days, then forward past where it was. */
async function chainWithSetback(): Promise<number[]> {
  const t0 = desk.clock.now();
  for (let h = 1; h <= 60; h += 7) await logAt(t0 + h * hour, 2);
  for (let h = 12; h <= 40; h += 5) await logAt(t0 + h * hour);
  for (let h = 70; h <= 80; h += 3) await logAt(t0 + h * hour);
  const rows = desk.core.db.prepare('SELECT seq, at FROM audit_log ORDER BY seq').all() as { seq: number; at: string }[];
  return rows.filter((r, i) => i > 0 && r.at < rows[i - 1]!.at).map((r) => r.seq);
}

describe('audit rows by time', () => {
  it('records where the clock went back, and finds exactly the rows of any range', async () => {
    const breaks = await chainWithSetback();
    expect(breaks).toHaveLength(1);
    expect((desk.core.db.prepare('SELECT seq FROM audit_time_breaks ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq)).toEqual(breaks);

    const t0 = Date.parse('2026-11-25T13:40:00Z');
    const instants = Array.from({ length: 45 }, (_, i) => new Date(t0 - 5 * hour + i * 2 * hour + (i % 3) * 60_000).toISOString());
    let nonEmpty = 0;
    for (const start of instants) {
      for (const end of instants) {
        if (end <= start) continue;
        const want = scan(start, end);
        const ranges = seqRangesForTime(desk.core.db, start, end);
        expect(ranges).not.toBeNull();
        expect(expand(ranges!)).toEqual(want);
        if (want.length > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThan(300);
  });

  it('answers the audit page and the CSV export by local date across the setback', async () => {
    await chainWithSetback();
    for (const [from, to] of [
      ['2026-11-25', '2026-11-25'],
      ['2026-11-26', '2026-11-26'],
      ['2026-11-27', '2026-11-28'],
      ['2026-11-24', '2026-11-30'],
    ] as const) {
      const start = new Date(`${from}T00:00:00+08:00`).toISOString();
      const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + 24 * hour).toISOString();
      const want = scan(start, end);
      const page = await desk.call(desk.admin, 'audit.list', { from, to, limit: 7 });
      expect(page.total).toBe(want.length);
      expect(page.rows.map((r) => r.seq)).toEqual([...want].reverse().slice(0, 7));
      const csv = await desk.call(desk.admin, 'audit.exportCsv', { from, to });
      expect(csv.rows).toBe(want.length);
    }
  });

  it('stays exact over a damaged chain with a missing row', async () => {
    await chainWithSetback();
    desk.core.db.exec('DROP TRIGGER audit_log_no_delete');
    const mid = (desk.core.db.prepare('SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 12').get() as { seq: number }).seq;
    desk.core.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(mid);
    const all = desk.core.db.prepare('SELECT at FROM audit_log ORDER BY at').all() as { at: string }[];
    for (let i = 0; i < all.length; i += 3) {
      for (let j = i + 1; j < all.length; j += 4) {
        const start = all[i]!.at;
        const end = all[j]!.at;
        if (end <= start) continue;
        expect(expand(seqRangesForTime(desk.core.db, start, end)!)).toEqual(scan(start, end));
      }
    }
  });
});

describe('a store without the break list', () => {
  it('falls back to filtering by time alone (a damaged file opened read-only, never migrated)', async () => {
    await chainWithSetback();
    desk.core.db.exec('DROP TABLE audit_time_breaks');
    const start = '2026-11-25T00:00:00.000Z';
    const end = '2026-11-28T00:00:00.000Z';
    expect(seqRangesForTime(desk.core.db, start, end)).toBeNull();
    const page = await desk.call(desk.admin, 'audit.list', { from: '2026-11-25', to: '2026-11-27', limit: 500 });
    const want = scan(new Date('2026-11-25T00:00:00+08:00').toISOString(), new Date('2026-11-28T00:00:00+08:00').toISOString());
    expect(page.total).toBe(want.length);
    expect(page.rows.map((r) => r.seq)).toEqual([...want].reverse());
  });
});

describe('migration 0050', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('still reads the head of a backup taken before it (what restore checks first)', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'old-backup.sqlite');
    const db = new Database(file);
    migrate(db, { target: 40 });
    db.prepare("INSERT INTO audit_log (seq, v, at, desk_id, actor_id, actor, action, entity, entity_id, before, after, reason, prev_hash, hash) VALUES (1, 1, '2026-11-25T01:00:00.000Z', 'd', NULL, 'system', 'x', 'x', NULL, NULL, NULL, NULL, 'p', ?)").run('a'.repeat(64));
    db.close();
    const facts = inspectDbFile(file);
    expect(facts.schemaVersion).toBe(40);
    expect(facts.headSeq).toBe(1);
    expect(facts.headHash).toBe('a'.repeat(64));
  });

  it('lists the setbacks of an existing chain and drops both audit indexes', () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = new Database(path.join(dir, dbFileName));
    migrate(db, { target: 40 });
    const insert = db.prepare(
      `INSERT INTO audit_log (seq, v, at, desk_id, actor_id, actor, action, entity, entity_id, before, after, reason, prev_hash, hash)
       VALUES (?, 1, ?, 'd', NULL, 'system', 'x', 'x', NULL, NULL, NULL, NULL, 'p', 'h')`,
    );
    const ats = ['2026-11-25T01:00:00.000Z', '2026-11-25T02:00:00.000Z', '2026-11-24T09:00:00.000Z', '2026-11-24T09:00:00.000Z', '2026-11-26T00:00:00.000Z', '2026-11-25T00:00:00.000Z'];
    ats.forEach((at, i) => insert.run(i + 1, at));
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect((db.prepare('SELECT seq FROM audit_time_breaks ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq)).toEqual([3, 6]);
    const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'audit_log'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes.filter((n) => !n.startsWith('sqlite_autoindex'))).toEqual([]);
    db.close();
  });
});
