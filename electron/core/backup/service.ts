/**
 * Backups: online copies checked after writing, retention, the second folder (restore is in restore.ts).
 *
 * A backup is written with better-sqlite3's online `backup()` to a
 * `.partial` file, checked with `quick_check`, then renamed into place with a
 * JSON sidecar (reason, time, size, chain head). The sidecar, not the store,
 * is the backup list: it must stay readable when the store is what broke.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { backupReasons, type BackupFolder, type BackupInfo, type BackupReason, type BackupSettings } from "../../../shared/contract/backup";
import { DomainError } from '../../../shared/errors';
import { auditHead } from '../audit/chain';
import type { Core } from '../core';
import { getDesk } from '../desk/db';
import { backupDirName, type Db } from '../store/connection';
import { backupsToDelete } from './retention';
import { z } from 'zod';
import { defineSetting, readGroup, writeGroup, type SettingGroup } from '../store/settings';

export const defaultBackupSettings: BackupSettings = { secondFolder: null, hourly: true, keepHourly: 48, keepDaily: 30 };

/** Scheduled backups are taken at most this often. */
export const hourlyIntervalMs = 3600_000;

/** Backup settings, under `backup.*` keys of the one settings store. */
export const backupSettings: SettingGroup<BackupSettings> = {
  secondFolder: defineSetting('backup.secondFolder', z.string().nullable(), defaultBackupSettings.secondFolder),
  hourly: defineSetting('backup.hourly', z.boolean(), defaultBackupSettings.hourly),
  keepHourly: defineSetting('backup.keepHourly', z.number().int().min(1), defaultBackupSettings.keepHourly),
  keepDaily: defineSetting('backup.keepDaily', z.number().int().min(1), defaultBackupSettings.keepDaily),
};

export const getBackupSettings = (db: Db): BackupSettings => readGroup(db, backupSettings);

/** Writes the given keys; the caller audits. */
export const writeBackupSettings = (db: Db, patch: Partial<BackupSettings>): { before: BackupSettings; after: BackupSettings } =>
  writeGroup(db, backupSettings, patch);

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

export function readInfo(dir: string, fileName: string, folder: BackupFolder): BackupInfo | null {
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

export const stampOf = (ms: number): string => new Date(ms).toISOString().replace(/[:.]/gu, '-').replace(/-\d{3}Z$/u, 'Z');

export function uniqueName(dir: string, base: string): string {
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

export function writeSidecar(file: string, side: Sidecar): void {
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
