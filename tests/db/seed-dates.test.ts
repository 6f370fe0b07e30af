/**
 * The demo seeder on every date of the year (issue 11 item 3).
 *
 * In December the seeder used to plan next January and die on
 * roster.errors.noHolidayData, leaving a half-seeded folder that a rerun refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { seedDemoFolder, seeders } from '../../electron/core/seed';
import { DomainError } from '../../shared/errors';
import { tempDir } from '../helpers/core';

const at = (local: string): number => Date.parse(`${local}+08:00`);
const dirs: string[] = [];
const fresh = (): string => {
  const d = path.join(tempDir('dutydesk-seed-'), 'desk');
  dirs.push(path.dirname(d));
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function plannedMonths(dir: string): string[] {
  const db = new Database(path.join(dir, 'dutydesk.sqlite'), { readonly: true });
  try {
    return (db.prepare("SELECT substr(from_date, 1, 7) AS m FROM roster_plans WHERE voided_at IS NULL ORDER BY from_date").all() as { m: string }[]).map((r) => r.m);
  } finally {
    db.close();
  }
}

describe('seed:demo on any date', () => {
  it.each([
    ['2026-12-01 09:45', '2026-12'],
    ['2026-12-31 23:59', '2026-12'],
    ['2027-01-01 00:01', '2026-12'],
    ['2024-02-29 12:00', '2024-03'], // a leap day in a year with data: plans through next month
    ['2028-02-29 12:00', '2026-12'], // a leap day in a year without data
  ])('at %s it seeds and plans no month later than %s', async (now, last) => {
    const dir = fresh();
    const r = await seedDemoFolder({ dataDir: dir, years: 2, clockNow: at(now) });
    if (!r.ok) throw new Error(r.message);
    const months = plannedMonths(dir);
    expect(months.length).toBeGreaterThan(0);
    expect(months.at(-1)).toBe(last);
  });

  it('a failure leaves no half-made folder, says why in words, and the rerun works', async () => {
    const dir = fresh();
    const failing = { name: 'failing', run: () => { throw new DomainError('CONFLICT', 'roster.errors.noHolidayData', { year: '2027' }); } };
    seeders.push(failing);
    try {
      const r = await seedDemoFolder({ dataDir: dir, years: 1, clockNow: at('2026-12-01 09:45') });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toContain('2027年没有节假日数据');
        expect(r.message).not.toMatch(/\n\s+at /u);
      }
      expect(fs.existsSync(dir)).toBe(false);
    } finally {
      seeders.splice(seeders.indexOf(failing), 1);
    }
    expect(await seedDemoFolder({ dataDir: dir, years: 1, clockNow: at('2026-12-01 09:45') })).toMatchObject({ ok: true });
  });

  it('a failure in an existing folder removes only what it added', async () => {
    const dir = fresh();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    const failing = { name: 'failing', run: () => { throw new Error('boom'); } };
    seeders.push(failing);
    try {
      const r = await seedDemoFolder({ dataDir: dir, years: 1, clockNow: at('2026-12-01 09:45') });
      expect(r.ok).toBe(false);
    } finally {
      seeders.splice(seeders.indexOf(failing), 1);
    }
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('the command, on the first of December, seeds and prints no stack trace', () => {
    const dir = fresh();
    const tsx = path.resolve('node_modules/.bin/tsx');
    const out = execFileSync(tsx, ['scripts/seed-demo.ts', '--years', '1', '--data-dir', dir, '--now', '2026-12-01T09:45:00+08:00'], { encoding: 'utf8' });
    expect(out).toContain('演示数据已生成');
    expect(out).toContain('no holiday data for 2027');
    // Rerun refuses politely (the folder holds a database), still without a stack.
    const again = spawnSync(tsx, ['scripts/seed-demo.ts', '--data-dir', dir], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('数据目录已有数据库');
    expect(again.stderr).not.toMatch(/\n\s+at /u);
  }, 60_000);
});
