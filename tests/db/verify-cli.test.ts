/**
 * `npm run verify` keeps the promise of its README: exit 0 = verified,
 * 1 = problem found (an edited audit row, or a record that disagrees with
 * the chain, named by table, id and field), 2 = could not run (no folder,
 * a damaged or foreign file) — with a sentence, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { makeDesk, tempDir, type TestDesk } from '../helpers/core';
import { dbFileName } from '../../electron/core/store/connection';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function verify(target: string, ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(tsx, ['scripts/verify.ts', target, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const noStack = (out: string) => expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/u);

let desk: TestDesk;
let clean: string;
beforeAll(async () => {
  desk = await makeDesk();
  await desk.call(desk.admin, 'log.create', { kind: 'incoming_call', summary: '来电：道路积水' });
  await desk.call(desk.admin, 'log.create', { kind: 'notice', summary: '防汛通知' });
  desk.core.close();
  clean = tempDir();
  fs.cpSync(desk.dir, clean, { recursive: true });
});
afterAll(() => {
  fs.rmSync(desk.dir, { recursive: true, force: true });
  fs.rmSync(clean, { recursive: true, force: true });
});

const copy = (): string => {
  const d = tempDir();
  fs.cpSync(clean, d, { recursive: true });
  return d;
};

describe('npm run verify', () => {
  it('exits 0 on a clean desk and says how many records it reconciled', () => {
    const r = verify(clean);
    expect(r.out).toContain('OK 校验通过');
    expect(r.out).toMatch(/记录核对 \/ records reconciled: \d+ {4}不一致 \/ mismatches: 0/u);
    expect(r.code).toBe(0);
  });

  it('exits 1 and names table, id and field when a record was changed behind the app', () => {
    const d = copy();
    const db = new Database(path.join(d, dbFileName));
    db.prepare("UPDATE log_entries SET summary = '被篡改的记录' WHERE id = 1").run();
    db.close();
    const r = verify(d);
    expect(r.out).toContain('FAIL 记录与审计链不一致');
    expect(r.out).toContain('log_entries 第 1 条的 summary');
    expect(r.out).toContain('被篡改的记录');
    expect(r.code).toBe(1);
    const json = JSON.parse(verify(d, '--json').out) as { ok: boolean; records: { mismatches: { table: string; id: string; field: string }[] } };
    expect(json.ok).toBe(false);
    expect(json.records.mismatches).toContainEqual(expect.objectContaining({ table: 'log_entries', id: '1', field: 'summary' }));
  });

  it('exits 1 on an edited audit row', () => {
    const d = copy();
    const db = new Database(path.join(d, dbFileName));
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) db.exec(`DROP TRIGGER "${name}"`);
    db.prepare("UPDATE audit_log SET reason = 'x' WHERE seq = 2").run();
    db.close();
    const r = verify(d);
    expect(r.out).toContain('FAIL 校验未通过');
    expect(r.code).toBe(1);
  });

  it.each([
    ['a smashed header', (f: string) => {
      const fd = fs.openSync(f, 'r+');
      fs.writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
      fs.closeSync(fd);
    }, '已损坏'],
    ['a file cut to half', (f: string) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)), '已损坏'],
    ['a 0-byte file', (f: string) => fs.truncateSync(f, 0), '不是 DutyDesk 数据库'],
  ])('exits 2 on %s, saying what is wrong, without a stack trace', (_, damage, words) => {
    const d = copy();
    // The app closed cleanly: everything is in the main file.
    for (const side of ['-wal', '-shm']) fs.rmSync(path.join(d, dbFileName + side), { force: true });
    damage(path.join(d, dbFileName));
    const r = verify(d);
    expect(r.out).toContain(words);
    noStack(r.out);
    expect(r.code).toBe(2);
  });

  it('exits 2 when there is no such folder', () => {
    const r = verify(path.join(clean, 'nope'));
    expect(r.out).toContain('找不到数据库文件');
    noStack(r.out);
    expect(r.code).toBe(2);
  });
});
