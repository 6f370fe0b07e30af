/**
 * Faults keep the officer working, and every advised recovery exists
 * (issue 12 §3): a read-only folder after a crash still lets people log in
 * and read; a file that cannot be opened at all is restored with
 * `npm run restore`, keeping the damaged file aside; a deleted or emptied
 * database beside the desk's traces is refused, not set up as a new desk.
 */
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach, officerPerson } from '../helpers/cleanup';
import { makeDesk, tempDir, type TestDesk } from '../helpers/core';
import { createApi } from '../../electron/core/api/dispatch';
import { dbFileName } from '../../electron/core/store/connection';
import { auditHead } from '../../electron/core/audit/chain';
import { verifyAuditDb } from '../../electron/core/audit/verify';
import { createBackup, primaryBackupDir } from '../../electron/core/backup/service';
import { openCoreSafely, trackChainHead } from '../../electron/core/trust/open';
import { translate } from '../../shared/i18n';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const restoreCli = (...args: string[]) => {
  const r = spawnSync(tsx, ['scripts/restore.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

const cleanup = cleanupAfterEach();
const person = officerPerson;

/** A desk with data, a backup, a recorded chain head — then closed. */
async function closedDeskWithBackup(dir?: string): Promise<{ dir: string; backup: string; seq: number }> {
  const desk: TestDesk = await makeDesk(dir ? { dir } : {});
  const stop = trackChainHead(desk.core);
  for (let i = 0; i < 3; i += 1) await desk.call(desk.admin, 'people.create', person(`值班员${i}`));
  const b = await createBackup(desk.core, 'manual');
  await desk.call(desk.admin, 'people.create', person('备份之后'));
  await stop.flush();
  const seq = auditHead(desk.core.db).seq;
  stop();
  desk.core.close();
  if (!dir) cleanup.push(() => fs.rmSync(desk.dir, { recursive: true, force: true }));
  return { dir: desk.dir, backup: b.primary.fileName, seq };
}

/** A tmpfs we can remount read-only; null (with the reason printed) where mounting is not allowed. */
function mountTmpfs(sizeKb: number): string | null {
  const dir = tempDir('dutydesk-mnt-');
  try {
    execSync(`mount -t tmpfs -o size=${sizeKb}k tmpfs ${dir}`, { stdio: 'pipe' });
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    console.warn(`[recovery.test] skipped: cannot mount a tmpfs here (${String((e as Error).message).split('\n')[0]}); CI runs this as root`);
    if (process.env.DUTYDESK_REQUIRE_MOUNT) throw new Error(`${'[recovery.test]'} DUTYDESK_REQUIRE_MOUNT is set but a tmpfs cannot be mounted`, { cause: e });
    return null;
  }
  cleanup.push(() => {
    execSync(`umount -l ${dir}`, { stdio: 'ignore' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

describe('a read-only data folder after a crash (-wal and -shm still there)', () => {
  it('opens read-only with the banner; login through auth.login and reading work; writes are refused with the reason', async (t) => {
    const mnt = mountTmpfs(32 * 1024);
    if (!mnt) return t.skip();
    // The desk is still open (as after a crash): its -wal and -shm are copied with it.
    const desk = await makeDesk();
    cleanup.push(() => desk.close());
    for (let i = 0; i < 3; i += 1) await desk.call(desk.admin, 'people.create', person(`值班员${i}`));
    const dir = path.join(mnt, 'desk');
    fs.mkdirSync(dir);
    for (const f of fs.readdirSync(desk.dir)) fs.cpSync(path.join(desk.dir, f), path.join(dir, f), { recursive: true });
    expect(fs.existsSync(path.join(dir, `${dbFileName}-wal`))).toBe(true);
    expect(fs.existsSync(path.join(dir, `${dbFileName}-shm`))).toBe(true);
    execSync(`mount -o remount,ro ${mnt}`);

    const r = openCoreSafely({ dataDir: dir });
    expect(r.fault?.kind).toBe('readOnlyFolder');
    const core = r.core!;
    cleanup.push(() => core.close());
    const api = createApi(core);
    const status = await api.call('app.status', {}, { sessionId: null });
    expect(status.ok && status.value).toMatchObject({ readOnly: true, readOnlyReasonKey: 'trust.fault.readOnlyFolder' });
    const conn = { sessionId: null as string | null };
    const login = await api.call('auth.login', { login: 'admin', password: 'admin12345' }, conn);
    expect(login.ok).toBe(true);
    const list = await api.call('people.list', {}, conn);
    expect(list.ok && (list.value as unknown[]).length).toBe(4);
    const w = await api.call('people.create', person('新人'), conn);
    expect(w.ok ? 'OK' : w.error.messageKey).toBe('trust.fault.readOnlyFolder');
  });
});

describe('npm run restore', () => {
  it.each([
    ['a smashed header', (f: string) => {
      const fd = fs.openSync(f, 'r+');
      fs.writeSync(fd, Buffer.from('THIS IS NOT SQLITE!!'), 0, 20, 0);
      fs.closeSync(fd);
    }],
    ['a file cut to half', (f: string) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2))],
  ])('%s: the host says how to restore, the CLI lists the backups and restores one, keeping the damaged file', async (_, damage) => {
    const { dir, backup } = await closedDeskWithBackup();
    const file = path.join(dir, dbFileName);
    damage(file);
    const damagedBytes = fs.readFileSync(file);

    const opened = openCoreSafely({ dataDir: dir });
    if (opened.core) {
      // Cut to half can still open read-only as damaged: the banner path (restore from settings) covers it.
      expect(opened.fault?.kind).toBe('damaged');
      opened.core.close();
    } else {
      expect(opened.fault).toMatchObject({ kind: 'damaged', messageKey: 'trust.fault.unopenable' });
      expect(translate('zh-CN', opened.fault!.messageKey, opened.fault!.params)).toContain('npm run restore');
    }

    const list = restoreCli(dir);
    expect(list.code).toBe(0);
    expect(list.out).toContain(backup);
    const out = restoreCli(dir, backup);
    expect(out.out).toContain('OK 已恢复');
    expect(out.code).toBe(0);
    const kept = fs.readdirSync(primaryBackupDir(dir)).filter((f) => f.endsWith('.damaged'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(primaryBackupDir(dir), kept[0]!)).equals(damagedBytes)).toBe(true);
    expect(out.out).toContain('需要补录'); // the row written after the backup is named as lost

    const again = openCoreSafely({ dataDir: dir });
    expect(again.fault).toBeNull();
    expect(verifyAuditDb(again.core!.db).ok).toBe(true);
    again.core!.close();
  });

  it('refuses a backup of another desk, and a name that is not there', async () => {
    const a = await closedDeskWithBackup();
    const b = await closedDeskWithBackup();
    const foreign = path.join(primaryBackupDir(b.dir), b.backup);
    const r = restoreCli(a.dir, foreign);
    expect(r.out).toContain('另一个值班室');
    expect(r.code).toBe(1);
    expect(restoreCli(a.dir, 'nope.sqlite').code).toBe(2);
  });
});

describe('a deleted or empty database beside the desk\'s traces', () => {
  it.each([
    ['deleted', (f: string) => fs.rmSync(f)],
    ['0 bytes', (f: string) => fs.truncateSync(f, 0)],
  ])('%s: no new desk, the last known head and the newest backup named, and the restore brings it back', async (_, damage) => {
    const { dir, backup, seq } = await closedDeskWithBackup();
    damage(path.join(dir, dbFileName));
    const r = openCoreSafely({ dataDir: dir });
    expect(r.core).toBeNull();
    expect(r.fault).toMatchObject({ kind: 'missing', messageKey: 'trust.fault.missing', params: { seq, latest: backup } });
    expect(translate('zh-CN', 'trust.fault.missing', r.fault!.params)).toContain(`第 ${seq} 条`);
    // Nothing was created in its place.
    expect(fs.existsSync(path.join(dir, dbFileName)) ? fs.statSync(path.join(dir, dbFileName)).size : 0).toBe(0);
    expect(restoreCli(dir, backup).code).toBe(0);
    const again = openCoreSafely({ dataDir: dir });
    expect(again.fault).toBeNull();
    expect(again.core!.deskId()).not.toBeNull();
    again.core!.close();
  });

  it('an empty folder is still a new desk (first-run setup)', () => {
    const dir = tempDir();
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const r = openCoreSafely({ dataDir: dir });
    expect(r.fault).toBeNull();
    expect(r.core!.deskId()).toBeNull();
    r.core!.close();
  });
});
