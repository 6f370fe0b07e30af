/**
 * Recovery mode (issue 12 §3): a data file that cannot be opened at all
 * starts the recovery API instead of exiting — the fault, the last known
 * head, the backups checked — and `recovery.restore`, confirmed by an
 * administrator of the backup's own user table (with the login's delays),
 * keeps the damaged file aside, restores, verifies, starts the real desk in
 * the same process and audits the restore in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach, officerPerson } from '../helpers/cleanup';
import { makeDesk, type TestDesk } from '../helpers/core';
import { bootOrRecover } from '../../electron/core/boot';
import { ManualClock } from '../../electron/core/clock';
import { dbFileName } from '../../electron/core/store/connection';
import { auditHead } from '../../electron/core/audit/chain';
import { verifyAuditDb } from '../../electron/core/audit/verify';
import { createBackup, primaryBackupDir } from '../../electron/core/backup/service';
import { trackChainHead } from '../../electron/core/trust/open';
import { attemptsFileName, startRecovery, type RecoveryApi } from '../../electron/core/trust/recovery';
import { boot } from '../../electron/core/boot';
import type { RecoveryRestoreResult, RecoveryStatus } from '../../shared/contract/recovery';
import type { ApiResult } from '../../shared/errors';

const cleanup = cleanupAfterEach();
const person = officerPerson;

/** A closed desk: 3 people, an officer login, a backup, then one more person; the chain head recorded. */
async function closedDesk(): Promise<{ dir: string; backup: string; seq: number; backupSeq: number }> {
  const desk: TestDesk = await makeDesk();
  const stop = trackChainHead(desk.core);
  for (let i = 0; i < 3; i += 1) await desk.call(desk.admin, 'people.create', person(`值班员${i}`));
  await desk.call(desk.admin, 'users.create', { login: 'officer1', password: 'secret123', personId: null, displayName: '值班员', roles: ['officer'] });
  const b = await createBackup(desk.core, 'manual');
  const backupSeq = auditHead(desk.core.db).seq;
  await desk.call(desk.admin, 'people.create', person('备份之后'));
  await stop.flush();
  const seq = auditHead(desk.core.db).seq;
  stop();
  desk.core.close();
  cleanup.push(() => fs.rmSync(desk.dir, { recursive: true, force: true }));
  return { dir: desk.dir, backup: b.primary.fileName, seq, backupSeq };
}

const smash = (file: string): void => {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.from('THIS IS NOT SQLITE!!'), 0, 20, 0);
  fs.closeSync(fd);
};

function recoveryOf(dir: string, clock = new ManualClock()): RecoveryApi {
  const r = bootOrRecover({ dataDir: dir, clock });
  if (r.core) {
    r.stop();
    throw new Error('expected recovery mode');
  }
  cleanup.push(() => r.recovery.stop());
  return r.recovery;
}

const value = <T>(r: ApiResult<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.messageKey}`);
  return r.value as T;
};
const errorOf = (r: ApiResult<unknown>) => (r.ok ? null : r.error);

describe('recovery mode', () => {
  it('a smashed header: the fault, the last known head and the backups (checked); every desk method answers recovery.required', async () => {
    const { dir, backup, seq, backupSeq } = await closedDesk();
    // A second "backup" that is itself damaged must be listed as failing its check.
    fs.copyFileSync(path.join(dir, dbFileName), path.join(primaryBackupDir(dir), 'dutydesk-2026-11-24T00-00-00Z-manual.sqlite'));
    smash(path.join(primaryBackupDir(dir), 'dutydesk-2026-11-24T00-00-00Z-manual.sqlite'));
    smash(path.join(dir, dbFileName));
    const rec = recoveryOf(dir);

    const st = value<RecoveryStatus>(await rec.call('recovery.status', {}, { sessionId: null }));
    expect(st.fault).toMatchObject({ kind: 'damaged', messageKey: 'trust.fault.unopenable' });
    expect(st.restorable).toBe(true);
    expect(st.lastKnownHead?.seq).toBe(seq);
    const good = st.backups.find((b) => b.fileName === backup)!;
    expect(good).toMatchObject({ ok: true, headSeq: backupSeq, problemKey: null });
    const bad = st.backups.find((b) => b.fileName !== backup)!;
    expect(bad.ok).toBe(false);
    expect(bad.problemKey).toMatch(/^trust\.errors\.backup/u);

    for (const m of ['app.status', 'auth.login', 'people.list']) {
      expect(errorOf(await rec.call(m, {}, { sessionId: null }))?.messageKey).toBe('recovery.required');
    }
  });

  it('only an administrator of the backup may restore: a wrong password and an officer are refused, nothing is moved', async () => {
    const { dir, backup } = await closedDesk();
    const file = path.join(dir, dbFileName);
    smash(file);
    const before = fs.readFileSync(file);
    const rec = recoveryOf(dir);
    const wrong = errorOf(await rec.call('recovery.restore', { fileName: backup, login: 'admin', password: 'not-the-password' }, { sessionId: null }));
    expect(wrong).toMatchObject({ code: 'BAD_CREDENTIALS', messageKey: 'recovery.errors.notAdmin' });
    const officer = errorOf(await rec.call('recovery.restore', { fileName: backup, login: 'officer1', password: 'secret123' }, { sessionId: null }));
    expect(officer?.code).toBe('BAD_CREDENTIALS');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(primaryBackupDir(dir)).filter((f) => f.endsWith('.damaged'))).toHaveLength(0);
    expect(rec.booted()).toBeNull();
  });

  it('the login\'s delays: after 5 wrong passwords a wait, doubling, kept across a restart of the recovery', async () => {
    const { dir, backup } = await closedDesk();
    smash(path.join(dir, dbFileName));
    const clock = new ManualClock();
    clock.set(Date.parse('2026-11-26T01:00:00Z'));
    const rec = recoveryOf(dir, clock);
    const attempt = async (r: RecoveryApi, password: string) => errorOf(await r.call('recovery.restore', { fileName: backup, login: 'admin', password }, { sessionId: null }));
    for (let i = 0; i < 4; i += 1) expect((await attempt(rec, `wrong${i}`))?.code).toBe('BAD_CREDENTIALS');
    expect((await attempt(rec, 'wrong4'))?.code).toBe('BAD_CREDENTIALS'); // the 5th failure starts a 30 s wait
    const limited = await attempt(rec, 'admin12345');
    expect(limited).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited?.details?.seconds).toBe(30);
    expect(fs.existsSync(path.join(dir, attemptsFileName))).toBe(true);
    // A restart does not reset the wait.
    const again = recoveryOf(dir, clock);
    expect((await attempt(again, 'admin12345'))?.code).toBe('RATE_LIMITED');
    clock.advance(31_000);
    expect((await attempt(again, 'wrong5'))?.code).toBe('BAD_CREDENTIALS');
    clock.advance(31_000);
    expect((await attempt(again, 'admin12345'))?.details?.seconds).toBe(29); // 60 s after the 6th failure, 31 s gone
  });

  it('restores: the damaged file kept aside byte for byte, the chain verifies, the real desk starts, the restore is audited; log in and read', async () => {
    const { dir, backup, seq, backupSeq } = await closedDesk();
    const file = path.join(dir, dbFileName);
    smash(file);
    const damaged = fs.readFileSync(file);
    const rec = recoveryOf(dir);
    const events: string[] = [];
    rec.core.events.subscribe((e) => events.push(e.type));
    const out = value<RecoveryRestoreResult>(await rec.call('recovery.restore', { fileName: backup, login: 'admin', password: 'admin12345' }, { sessionId: null }));
    expect(out).toMatchObject({ restored: backup, headSeq: backupSeq, lostRows: seq - backupSeq, started: true });
    expect(out.damagedCopy).not.toBeNull();
    expect(path.dirname(out.damagedCopy!)).toBe(primaryBackupDir(dir));
    expect(fs.readFileSync(out.damagedCopy!).equals(damaged)).toBe(true);

    const desk = rec.booted()!;
    expect(desk.fault).toBeNull();
    expect(verifyAuditDb(desk.core.db).ok).toBe(true);
    const last = desk.core.db.prepare('SELECT action, entity_id AS entityId, actor, after FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; entityId: string; actor: string; after: string };
    expect(last).toMatchObject({ action: 'backup.restore', entityId: backup, actor: 'admin' });
    expect(JSON.parse(last.after)).toMatchObject({ mode: 'recovery', damagedCopy: path.basename(out.damagedCopy!), lostRows: seq - backupSeq });
    expect(events).toContain('changed');

    // The same API now answers as the desk: log in, the backup's records are there.
    const conn = { sessionId: null as string | null };
    expect(value<{ setUp: boolean }>(await rec.call('app.status', {}, conn)).setUp).toBe(true);
    value(await rec.call('auth.login', { login: 'admin', password: 'admin12345' }, conn));
    const people = value<{ name: string }[]>(await rec.call('people.list', {}, conn)).map((p) => p.name);
    expect(people).toEqual(expect.arrayContaining(['值班员0', '值班员1', '值班员2']));
    expect(people).not.toContain('备份之后');
    expect(errorOf(await rec.call('recovery.status', {}, conn))?.messageKey).toBe('recovery.errors.notInRecovery');
  });

  it('a deleted database beside chain-head.json and backups: recovery, and the restore brings the desk back', async () => {
    const { dir, backup } = await closedDesk();
    fs.rmSync(path.join(dir, dbFileName));
    const rec = recoveryOf(dir);
    const st = value<RecoveryStatus>(await rec.call('recovery.status', {}, { sessionId: null }));
    expect(st.fault.kind).toBe('missing');
    const out = value<RecoveryRestoreResult>(await rec.call('recovery.restore', { fileName: backup, login: 'admin', password: 'admin12345' }, { sessionId: null }));
    expect(out.damagedCopy).toBeNull();
    expect(rec.booted()!.core.deskId()).not.toBeNull();
  });

  it('bad input: a clear error naming the field; a fault a restore cannot mend is refused', async () => {
    const { dir, backup } = await closedDesk();
    smash(path.join(dir, dbFileName));
    const rec = recoveryOf(dir);
    const bad = errorOf(await rec.call('recovery.restore', { fileName: '../../etc/passwd.sqlite', login: 'admin', password: 'x' }, { sessionId: null }));
    expect(bad?.code).toBe('VALIDATION');
    expect(bad?.details?.issues?.map((i) => i.path)).toContain('fileName');
    const extra = errorOf(await rec.call('recovery.status', { x: 1 }, { sessionId: null }));
    expect(extra?.code).toBe('VALIDATION');
    const ill = errorOf(await rec.call('recovery.restore', { fileName: backup, login: 'ad\ud800', password: 'x' }, { sessionId: null }));
    expect(ill?.code).toBe('VALIDATION');

    const newer = startRecovery({ dataDir: dir, fault: { kind: 'newer', messageKey: 'store.newer', detail: '' }, boot });
    const st = value<RecoveryStatus>(await newer.call('recovery.status', {}, { sessionId: null }));
    expect(st.restorable).toBe(false);
    const refused = errorOf(await newer.call('recovery.restore', { fileName: backup, login: 'admin', password: 'admin12345' }, { sessionId: null }));
    expect(refused?.messageKey).toBe('recovery.errors.notRestorable');
  });
});
