/**
 * Online backups, retention, the second folder, and restore.
 *
 * A backup is written with better-sqlite3's online `backup()` to a
 * `.partial` file, checked with `quick_check`, then renamed into place with a
 * JSON sidecar (reason, time, size, chain head). The sidecar, not the store,
 * is the backup list: it must stay readable when the store is what broke.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core';
import { backupDirName, dbFileName, openStore, type Db, type OpenedStore } from '../store/connection';
import { latestVersion } from '../store/migrations';
import { getDesk } from '../desk/db';
import { auditHead } from '../audit/chain';
import { verifyAuditDb, verifyAuditFile, type DbVerifyReport } from '../audit/verify';
import { backupsToDelete } from './retention';
import { readRecordedHead, writeRecordedHead } from '../audit/chain-head';
import { DomainError } from '../../../shared/errors';
import { backupReasons, type BackupFolder, type BackupInfo, type BackupReason, type BackupSettings } from '../../../shared/contract/trust';

export const defaultBackupSettings: BackupSettings = { secondFolder: null, hourly: true, keepHourly: 48, keepDaily: 30 };

/** Scheduled backups are taken at most this often. */
export const hourlyIntervalMs = 3600_000;

// ---- settings ---------------------------------------------------------------

export function getBackupSettings(db: Db): BackupSettings {
  const rows = db.prepare("SELECT key, value FROM trust_settings WHERE key LIKE 'backup.%'").all() as { key: string; value: string }[];
  const out: Record<string, unknown> = { ...defaultBackupSettings };
  for (const r of rows) {
    const k = r.key.slice('backup.'.length);
    if (k in defaultBackupSettings) out[k] = JSON.parse(r.value);
  }
  return out as unknown as BackupSettings;
}

/** Writes the given keys; the caller audits. */
export function writeBackupSettings(db: Db, patch: Partial<BackupSettings>): { before: BackupSettings; after: BackupSettings } {
  const before = getBackupSettings(db);
  const upsert = db.prepare('INSERT INTO trust_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) upsert.run(`backup.${k}`, JSON.stringify(v));
  return { before, after: getBackupSettings(db) };
}

// ---- folders and listing ----------------------------------------------------

export const primaryBackupDir = (dataDir: string): string => path.join(dataDir, backupDirName);

export function backupFolderPath(core: Core, folder: BackupFolder): string | null {
  if (folder === 'primary') return primaryBackupDir(core.dataDir);
  const second = core.readOnly ? null : getBackupSettings(core.db).secondFolder;
  return second ? path.resolve(second) : null;
}

interface Sidecar {
  reason: BackupReason;
  createdAt: string;
  size: number;
  headSeq: number | null;
  headHash: string | null;
  quickCheck: string | null;
  deskId: string | null;
  schemaVersion: number;
}

const sidecarOf = (file: string): string => file.replace(/\.sqlite$/u, '.json');

function readInfo(dir: string, fileName: string, folder: BackupFolder): BackupInfo | null {
  const file = path.join(dir, fileName);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return null;
  }
  let side: Partial<Sidecar> = {};
  try {
    side = JSON.parse(fs.readFileSync(sidecarOf(file), 'utf8')) as Partial<Sidecar>;
  } catch {
    // Pre-migrate copies (written by the store itself) and foreign files have no sidecar.
  }
  const reason: BackupReason = side.reason && (backupReasons as readonly string[]).includes(side.reason) ? side.reason : fileName.startsWith('pre-migrate') ? 'pre-migrate' : 'manual';
  return {
    fileName,
    folder,
    reason,
    createdAt: side.createdAt ?? new Date(st.mtimeMs).toISOString(),
    size: st.size,
    headSeq: side.headSeq ?? null,
    headHash: side.headHash ?? null,
    quickCheck: side.quickCheck ?? null,
  };
}

/** Backups in one folder, newest first. */
export function listBackupsIn(dir: string, folder: BackupFolder): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => readInfo(dir, f, folder))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.fileName < b.fileName ? 1 : -1));
}

export function listBackups(core: Core): BackupInfo[] {
  const out = listBackupsIn(primaryBackupDir(core.dataDir), 'primary');
  const second = backupFolderPath(core, 'secondary');
  if (second) {
    try {
      out.push(...listBackupsIn(second, 'secondary'));
    } catch {
      // An unplugged USB stick: the primary list is still useful.
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Whether a folder exists and can be written (never creates it: a status check has no side effects). */
export function folderWritable(dir: string): boolean {
  try {
    if (!fs.statSync(dir).isDirectory()) return false;
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// ---- writing a backup -------------------------------------------------------

const stampOf = (ms: number): string => new Date(ms).toISOString().replace(/[:.]/gu, '-').replace(/-\d{3}Z$/u, 'Z');

function uniqueName(dir: string, base: string): string {
  let name = `${base}.sqlite`;
  for (let i = 2; fs.existsSync(path.join(dir, name)) || fs.existsSync(path.join(dir, `${name}.partial`)); i += 1) name = `${base}-${i}.sqlite`;
  return name;
}

/** Opens a database file read-only and reports quick_check, head, desk and schema. */
export function inspectDbFile(file: string): { quickCheck: string; headSeq: number; headHash: string; deskId: string | null; schemaVersion: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const quickCheck = rows.map((r) => r.quick_check).join('; ');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    let head = { seq: 0, hash: '0'.repeat(64) };
    let deskId: string | null = null;
    try {
      head = auditHead(db);
      deskId = (db.prepare('SELECT desk_id FROM desk WHERE id = 1').get() as { desk_id: string } | undefined)?.desk_id ?? null;
    } catch {
      // Not a DutyDesk store (or an empty one): quick_check still says what it is.
    }
    return { quickCheck, headSeq: head.seq, headHash: head.hash, deskId, schemaVersion };
  } finally {
    db.close();
  }
}

function writeSidecar(file: string, side: Sidecar): void {
  fs.writeFileSync(sidecarOf(file), `${JSON.stringify(side, null, 2)}\n`);
}

/**
 * Writes one backup of the open store into the primary folder and, when set,
 * a copy into the second folder. Each file passes quick_check before it is
 * given its final name. Returns the primary backup's info.
 */
export async function createBackup(core: Core, reason: BackupReason): Promise<{ primary: BackupInfo; secondary: BackupInfo | null; secondaryError: string | null }> {
  const dir = primaryBackupDir(core.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const now = core.clock.now();
  const name = uniqueName(dir, `dutydesk-${stampOf(now)}-${reason}`);
  const final = path.join(dir, name);
  const partial = `${final}.partial`;
  try {
    await core.db.backup(partial);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw new DomainError('INTERNAL', 'trust.errors.backupFailed', { message: String((e as Error).message).slice(0, 200) });
  }
  const info = inspectDbFile(partial);
  if (info.quickCheck !== 'ok') {
    fs.rmSync(partial, { force: true });
    throw new DomainError('INTERNAL', 'trust.errors.backupCheckFailed', { message: info.quickCheck.slice(0, 200) });
  }
  fs.renameSync(partial, final);
  const side: Sidecar = {
    reason,
    createdAt: new Date(now).toISOString(),
    size: fs.statSync(final).size,
    headSeq: info.headSeq,
    headHash: info.headHash,
    quickCheck: info.quickCheck,
    deskId: info.deskId,
    schemaVersion: info.schemaVersion,
  };
  writeSidecar(final, side);
  const primary = readInfo(dir, name, 'primary')!;

  let secondary: BackupInfo | null = null;
  let secondaryError: string | null = null;
  const second = backupFolderPath(core, 'secondary');
  if (second) {
    try {
      fs.mkdirSync(second, { recursive: true });
      const target = path.join(second, name);
      fs.copyFileSync(final, `${target}.partial`);
      const check = inspectDbFile(`${target}.partial`);
      if (check.quickCheck !== 'ok') throw new Error(`quick_check: ${check.quickCheck}`);
      fs.renameSync(`${target}.partial`, target);
      writeSidecar(target, side);
      secondary = readInfo(second, name, 'secondary');
    } catch (e) {
      secondaryError = String((e as Error).message).slice(0, 300);
    }
  }
  lastBackupError.set(core.dataDir, secondaryError);
  return { primary, secondary, secondaryError };
}

/** Last problem with the second folder, per data folder (shown in settings). */
export const lastBackupError = new Map<string, string | null>();

/** Deletes rotated backups beyond the retention policy in both folders. Returns the deleted names. */
export function applyRetention(core: Core): string[] {
  const settings = core.readOnly ? defaultBackupSettings : getBackupSettings(core.db);
  const timeZone = (core.readOnly ? null : getDesk(core.db)?.timeZone) ?? 'Asia/Shanghai';
  const deleted: string[] = [];
  for (const folder of ['primary', 'secondary'] as const) {
    const dir = backupFolderPath(core, folder);
    if (!dir || !fs.existsSync(dir)) continue;
    const items = listBackupsIn(dir, folder).map((b) => ({ fileName: b.fileName, reason: b.reason, createdAt: Date.parse(b.createdAt) }));
    for (const f of backupsToDelete(items, { keepHourly: settings.keepHourly, keepDaily: settings.keepDaily, timeZone })) {
      fs.rmSync(path.join(dir, f), { force: true });
      fs.rmSync(sidecarOf(path.join(dir, f)), { force: true });
      deleted.push(`${folder}/${f}`);
    }
  }
  return deleted;
}

/**
 * The hourly backup: taken when hourly backups are on, the last scheduled one
 * is an hour old, and the chain moved since the newest backup. Not audited —
 * a backup changes nothing in the store; its sidecar is the record.
 */
export async function scheduledBackup(core: Core): Promise<BackupInfo | null> {
  if (core.readOnly || core.deskId() === null) return null;
  const settings = getBackupSettings(core.db);
  if (!settings.hourly) return null;
  const backups = listBackupsIn(primaryBackupDir(core.dataDir), 'primary');
  const now = core.clock.now();
  const lastScheduled = backups.find((b) => b.reason === 'hourly' || b.reason === 'handover');
  if (lastScheduled && now - Date.parse(lastScheduled.createdAt) < hourlyIntervalMs) return null;
  const head = auditHead(core.db);
  if (backups[0] && backups[0].headSeq === head.seq && backups[0].headHash === head.hash) return null;
  const out = await createBackup(core, 'hourly');
  applyRetention(core);
  return out.primary;
}

/** For the handover work: call after a handover is confirmed (fire and forget). */
export async function backupAfterHandover(core: Core): Promise<BackupInfo | null> {
  if (core.readOnly) return null;
  const out = await createBackup(core, 'handover');
  applyRetention(core);
  return out.primary;
}

// ---- restore ----------------------------------------------------------------

export interface CandidateCheck {
  file: string;
  info: BackupInfo;
  verify: DbVerifyReport;
}

/** Checks a backup before restoring it: readable, quick_check ok, not newer, same desk, chain verifies. */
export function checkRestoreCandidate(core: Core, fileName: string, folder: BackupFolder): CandidateCheck {
  if (!/^[A-Za-z0-9._-]+\.sqlite$/u.test(fileName)) throw new DomainError('NOT_FOUND', 'trust.errors.backupNotFound');
  const dir = backupFolderPath(core, folder);
  const info = dir ? readInfo(dir, fileName, folder) : null;
  if (!dir || !info) throw new DomainError('NOT_FOUND', 'trust.errors.backupNotFound');
  const file = path.join(dir, fileName);
  let facts: ReturnType<typeof inspectDbFile>;
  try {
    facts = inspectDbFile(file);
  } catch {
    throw new DomainError('CONFLICT', 'trust.errors.backupUnreadable');
  }
  if (facts.quickCheck !== 'ok') throw new DomainError('CONFLICT', 'trust.errors.backupDamaged', { message: facts.quickCheck.slice(0, 200) });
  if (facts.schemaVersion > latestVersion) throw new DomainError('CONFLICT', 'trust.errors.backupNewer');
  let current: string | null;
  try {
    current = core.deskId();
  } catch {
    // A damaged store may not even read its desk row: fall back to the recorded head.
    current = readRecordedHead(core.dataDir)?.deskId ?? null;
  }
  if (current && facts.deskId && facts.deskId !== current) throw new DomainError('CONFLICT', 'trust.errors.backupOtherDesk');
  const verify = verifyAuditFile(file);
  if (!verify.ok) throw new DomainError('CONFLICT', 'trust.errors.backupChainBroken', { seq: verify.problem?.seq ?? 0, kind: verify.problem?.kind ?? '' });
  return { file, info, verify };
}

/**
 * Replaces the open store with a fresh `openStore` of the same data folder.
 *
 * Core keeps `db`/`store` as readonly fields; until Core grows its own
 * `reopen()`, this swaps them in place (the only writer of those fields).
 */
export function swapStore(core: Core, store: OpenedStore): void {
  core.replaceStore(store);
}

/** Ends sessions whose user no longer exists or is inactive in the (restored) store. */
export function pruneSessions(core: Core): void {
  const active = new Set((core.db.prepare('SELECT id FROM users WHERE active = 1').all() as { id: number }[]).map((r) => r.id));
  core.sessions.retain((s) => active.has(s.userId));
}

/**
 * Restores a checked backup: takes a safety backup of the current state,
 * closes the store, puts the backup in place, reopens and verifies.
 * The caller audits the restore in the reopened store.
 */
export async function restoreBackup(
  core: Core,
  fileName: string,
  folder: BackupFolder,
): Promise<{ restored: BackupInfo; safety: BackupInfo | null; verify: DbVerifyReport }> {
  const candidate = checkRestoreCandidate(core, fileName, folder);

  // 1. Safety copy of what is there now, so the restore can be undone.
  let safety: BackupInfo | null;
  try {
    safety = (await createBackup(core, 'pre-restore')).primary;
  } catch {
    safety = rawSafetyCopy(core);
  }

  // 2. Stage the backup next to the store (same file system, so the rename is atomic).
  const live = path.join(core.dataDir, dbFileName);
  const staged = `${live}.restoring`;
  fs.copyFileSync(candidate.file, staged);
  const fd = fs.openSync(staged, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);

  // 3. Swap synchronously: no other call can run between close and reopen.
  core.close();
  for (const ext of ['-wal', '-shm']) fs.rmSync(`${live}${ext}`, { force: true });
  fs.renameSync(staged, live);
  swapStore(core, openStore(core.dataDir));
  pruneSessions(core);
  // The restored head is now the acknowledged one (it is lower on purpose).
  const head = auditHead(core.db);
  writeRecordedHead(core.dataDir, { deskId: core.deskId(), seq: head.seq, hash: head.hash });

  const verify = verifyAuditDb(core.db);
  return { restored: candidate.info, safety, verify };
}

/** When the live store cannot be backed up online (damaged), copy its files as they are. */
function rawSafetyCopy(core: Core): BackupInfo | null {
  try {
    const dir = primaryBackupDir(core.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    const name = uniqueName(dir, `dutydesk-${stampOf(core.clock.now())}-pre-restore-raw`);
    const live = path.join(core.dataDir, dbFileName);
    fs.copyFileSync(live, path.join(dir, name));
    if (fs.existsSync(`${live}-wal`)) fs.copyFileSync(`${live}-wal`, path.join(dir, `${name}-wal`));
    writeSidecar(path.join(dir, name), {
      reason: 'pre-restore',
      createdAt: new Date(core.clock.now()).toISOString(),
      size: fs.statSync(path.join(dir, name)).size,
      headSeq: null,
      headHash: null,
      quickCheck: 'not checked (raw copy of a damaged store)',
      deskId: readRecordedHead(core.dataDir)?.deskId ?? null,
      schemaVersion: core.schemaVersion,
    });
    return readInfo(dir, name, 'primary');
  } catch {
    return null;
  }
}

/**
 * Restores a backup file into a data folder whose store cannot be opened at
 * all (a smashed header): no Core needed. The damaged files are kept, renamed,
 * in the backup folder. The caller opens the store afterwards.
 */
export function restoreFileIntoFolder(dataDir: string, backupFile: string): { verify: DbVerifyReport; damagedCopy: string | null } {
  const facts = inspectDbFile(backupFile);
  if (facts.quickCheck !== 'ok') throw new DomainError('CONFLICT', 'trust.errors.backupDamaged', { message: facts.quickCheck.slice(0, 200) });
  if (facts.schemaVersion > latestVersion) throw new DomainError('CONFLICT', 'trust.errors.backupNewer');
  const verify = verifyAuditFile(backupFile);
  if (!verify.ok) throw new DomainError('CONFLICT', 'trust.errors.backupChainBroken', { seq: verify.problem?.seq ?? 0, kind: verify.problem?.kind ?? '' });
  const live = path.join(dataDir, dbFileName);
  let damagedCopy: string | null = null;
  if (fs.existsSync(live)) {
    const dir = primaryBackupDir(dataDir);
    fs.mkdirSync(dir, { recursive: true });
    // Not `.sqlite`: a damaged file must never be offered as a backup to restore.
    damagedCopy = path.join(dir, `dutydesk-${stampOf(Date.now())}-${process.pid}.damaged`);
    fs.renameSync(live, damagedCopy);
    if (fs.existsSync(`${live}-wal`)) fs.renameSync(`${live}-wal`, `${damagedCopy}-wal`);
  }
  fs.rmSync(`${live}-shm`, { force: true });
  fs.rmSync(`${live}-wal`, { force: true });
  fs.copyFileSync(backupFile, `${live}.restoring`);
  fs.renameSync(`${live}.restoring`, live);
  writeRecordedHead(dataDir, { deskId: facts.deskId, seq: facts.headSeq, hash: facts.headHash });
  return { verify, damagedCopy };
}
