import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDesk, tempDir, type TestDesk } from '../helpers/core';
import { auditHead, iterateAudit } from '../../electron/core/audit/chain';
import { verifyAuditDb } from '../../electron/core/audit/verify';
import { inspectDbFile, primaryBackupDir, scheduledBackup } from '../../electron/core/backup/service';
import { trustTick } from '../../electron/core/backup/schedule';
import { latestIntegrity } from '../../electron/core/trust/integrity';

let desk: TestDesk;
const extra: string[] = [];
afterEach(() => {
  desk?.close();
  for (const d of extra.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const addPerson = (name: string) =>
  desk.call(desk.admin, 'people.create', { name, department: null, title: null, officePhone: null, mobile: null, roles: ['officer'], sortOrder: 0 });
const peopleCount = () => (desk.core.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;

describe('backups', () => {
  it('writes a checked backup with a sidecar and audits it', async () => {
    desk = await makeDesk();
    const head = auditHead(desk.core.db);
    const b = await desk.call(desk.admin, 'backup.create', {});
    expect(b).toMatchObject({ folder: 'primary', reason: 'manual', quickCheck: 'ok', headSeq: head.seq, headHash: head.hash });
    const file = path.join(primaryBackupDir(desk.dir), b.fileName);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(file.replace(/\.sqlite$/u, '.json'))).toBe(true);
    expect(fs.readdirSync(primaryBackupDir(desk.dir)).some((f) => f.endsWith('.partial'))).toBe(false);
    expect(inspectDbFile(file)).toMatchObject({ quickCheck: 'ok', headSeq: head.seq });
    expect([...iterateAudit(desk.core.db, head.seq + 1)].map((e) => e.action)).toEqual(['backup.create']);
    const status = await desk.call(desk.admin, 'backup.status', {});
    expect(status.backups.map((x) => x.fileName)).toContain(b.fileName);
    expect(status.secondFolderReachable).toBeNull();
  });

  it('copies to a second folder and survives an unreachable one', async () => {
    desk = await makeDesk();
    const second = tempDir('dutydesk-usb-');
    extra.push(second);
    await desk.call(desk.admin, 'backup.updateSettings', { secondFolder: second });
    const b = await desk.call(desk.admin, 'backup.create', {});
    expect(fs.existsSync(path.join(second, b.fileName))).toBe(true);
    expect(inspectDbFile(path.join(second, b.fileName)).quickCheck).toBe('ok');
    const status = await desk.call(desk.admin, 'backup.status', {});
    expect(status.backups.filter((x) => x.fileName === b.fileName).map((x) => x.folder).sort()).toEqual(['primary', 'secondary']);

    // Only absolute paths: a relative one would land wherever the app happened to start.
    expect((await desk.fail(desk.admin, 'backup.updateSettings', { secondFolder: 'backups2' })).code).toBe('VALIDATION');

    // A "USB stick" path under a plain file can never be created.
    const blocker = path.join(second, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    await desk.call(desk.admin, 'backup.updateSettings', { secondFolder: path.join(blocker, 'sub') });
    desk.clock.advance(1000);
    const b2 = await desk.call(desk.admin, 'backup.create', {});
    expect(b2.quickCheck).toBe('ok');
    const s2 = await desk.call(desk.admin, 'backup.status', {});
    expect(s2.secondFolderReachable).toBe(false);
    expect(s2.lastError).toBeTruthy();
  });

  it('takes hourly backups only when due and when the chain moved', async () => {
    desk = await makeDesk();
    const first = await scheduledBackup(desk.core);
    expect(first?.reason).toBe('hourly');
    await addPerson('甲');
    expect(await scheduledBackup(desk.core)).toBeNull(); // not an hour yet
    desk.clock.advance(3600_000);
    const second = await scheduledBackup(desk.core);
    expect(second?.headSeq).toBe(auditHead(desk.core.db).seq);
    desk.clock.advance(3600_000);
    expect(await scheduledBackup(desk.core)).toBeNull(); // nothing changed
    await desk.call(desk.admin, 'backup.updateSettings', { hourly: false });
    desk.clock.advance(3600_000);
    expect(await scheduledBackup(desk.core)).toBeNull();
  });
});

describe('restore', () => {
  it('restores a backup after saving the current state, verifies the chain, and can be undone', async () => {
    desk = await makeDesk();
    await addPerson('甲');
    const a = await desk.call(desk.admin, 'backup.create', {});
    const countA = peopleCount();
    await addPerson('乙');
    await addPerson('丙');
    const headB = auditHead(desk.core.db);
    desk.clock.advance(60_000);

    const r = await desk.call(desk.admin, 'backup.restore', { fileName: a.fileName, folder: 'primary', reason: '误操作，恢复到交班前' });
    expect(r.verify.ok).toBe(true);
    expect(r.safetyBackup?.reason).toBe('pre-restore');
    expect(r.safetyBackup?.headSeq).toBe(headB.seq);
    expect(peopleCount()).toBe(countA);
    const last = [...iterateAudit(desk.core.db)].at(-1)!;
    expect(last).toMatchObject({ action: 'backup.restore', seq: a.headSeq! + 1, reason: '误操作，恢复到交班前' });
    expect(JSON.parse(last.before!)).toEqual({ headSeq: headB.seq, headHash: headB.hash });
    expect(verifyAuditDb(desk.core.db).ok).toBe(true);

    // The admin stays signed in and can undo by restoring the safety backup.
    desk.clock.advance(60_000);
    const undo = await desk.call(desk.admin, 'backup.restore', { fileName: r.safetyBackup!.fileName, folder: 'primary', reason: '撤销恢复' });
    expect(undo.verify.ok).toBe(true);
    expect(peopleCount()).toBe(countA + 2);
    expect((await desk.call(desk.admin, 'people.list', {})).map((p) => p.name)).toEqual(expect.arrayContaining(['乙', '丙']));
  });

  it('ends sessions of users who do not exist in the restored store', async () => {
    desk = await makeDesk();
    const a = await desk.call(desk.admin, 'backup.create', {});
    const officer = await desk.login(['officer']);
    await desk.call(officer, 'people.list', {});
    await desk.call(desk.admin, 'backup.restore', { fileName: a.fileName, folder: 'primary', reason: '测试' });
    expect((await desk.fail(officer, 'people.list', {})).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a damaged backup, a broken chain and another desk', async () => {
    desk = await makeDesk();
    const good = await desk.call(desk.admin, 'backup.create', {});
    const dir = primaryBackupDir(desk.dir);
    const damaged = 'damaged.sqlite';
    const bytes = fs.readFileSync(path.join(dir, good.fileName));
    const pageSize = bytes.readUInt16BE(16);
    for (let p = 1; p * pageSize < bytes.length; p += 1) bytes[p * pageSize] = 0x42; // flip every page's b-tree type byte
    fs.writeFileSync(path.join(dir, damaged), bytes);
    const e1 = await desk.fail(desk.admin, 'backup.restore', { fileName: damaged, folder: 'primary', reason: '测试' });
    expect(e1.code).toBe('CONFLICT');
    expect(['trust.errors.backupDamaged', 'trust.errors.backupUnreadable']).toContain(e1.messageKey);

    // A backup whose audit chain was edited.
    const Database = (await import('better-sqlite3')).default;
    fs.copyFileSync(path.join(dir, good.fileName), path.join(dir, 'edited.sqlite'));
    const db = new Database(path.join(dir, 'edited.sqlite'));
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 2;");
    db.close();
    const e2 = await desk.fail(desk.admin, 'backup.restore', { fileName: 'edited.sqlite', folder: 'primary', reason: '测试' });
    expect(e2).toMatchObject({ code: 'CONFLICT', messageKey: 'trust.errors.backupChainBroken' });
    expect(e2.message).toContain('第 2 条');

    const other = await makeDesk();
    try {
      const ob = await other.call(other.admin, 'backup.create', {});
      fs.copyFileSync(path.join(primaryBackupDir(other.dir), ob.fileName), path.join(dir, 'other.sqlite'));
    } finally {
      other.close();
    }
    const e3 = await desk.fail(desk.admin, 'backup.restore', { fileName: 'other.sqlite', folder: 'primary', reason: '测试' });
    expect(e3.messageKey).toBe('trust.errors.backupOtherDesk');
    const e4 = await desk.fail(desk.admin, 'backup.restore', { fileName: 'nope.sqlite', folder: 'primary', reason: '测试' });
    expect(e4.code).toBe('NOT_FOUND');
    // Nothing was replaced along the way.
    expect(verifyAuditDb(desk.core.db).ok).toBe(true);
  });
});

describe('integrity checks', () => {
  it('runs on demand, records the result and finds a broken reference', async () => {
    desk = await makeDesk();
    expect(await desk.call(desk.admin, 'integrity.latest', {})).toBeNull();
    const r = await desk.call(desk.admin, 'integrity.run', {});
    expect(r).toMatchObject({ ok: true, integrity: ['ok'], foreignKeys: [], chainOk: true, kind: 'manual' });
    expect(await desk.call(desk.admin, 'integrity.latest', {})).toEqual(r);

    desk.core.db.pragma('foreign_keys = OFF');
    desk.core.db
      .prepare("INSERT INTO users (login, password_hash, person_id, display_name, roles, created_at, updated_at) VALUES ('ghost', 'x', 999, 'ghost', '[]', 'now', 'now')")
      .run();
    desk.core.db.pragma('foreign_keys = ON');
    const bad = await desk.call(desk.admin, 'integrity.run', {});
    expect(bad.ok).toBe(false);
    expect(bad.foreignKeys[0]).toMatchObject({ table: 'users', parent: 'people' });
  });

  it('runs nightly from 03:00 desk time, once a day', async () => {
    desk = await makeDesk({ start: Date.parse('2026-11-25T18:00:00Z') }); // 02:00 Shanghai
    await trustTick(desk.core);
    expect(latestIntegrity(desk.dir)).toBeNull();
    desk.clock.advance(3600_000); // 03:00
    expect((await trustTick(desk.core)).integrity).toBe(true);
    expect(latestIntegrity(desk.dir)?.kind).toBe('nightly');
    desk.clock.advance(3600_000);
    expect((await trustTick(desk.core)).integrity).toBe(false);
    desk.clock.advance(23 * 3600_000); // 03:00 next night
    expect((await trustTick(desk.core)).integrity).toBe(true);
  });
});
