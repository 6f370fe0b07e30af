/**
 * Restoring a backup: check the candidate (integrity, this desk, a valid
 * chain), back up the current store first, swap the store in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type BackupFolder, type BackupInfo } from '../../../shared/contract/backup';
import { DomainError } from '../../../shared/errors';
import { auditHead } from '../audit/chain';
import { readRecordedHead, writeRecordedHead } from '../audit/chain-head';
import { verifyAuditDb, verifyAuditFile, type DbVerifyReport } from '../audit/verify';
import type { Core } from '../core';
import { dbFileName, openStore, type OpenedStore } from '../store/connection';
import { latestVersion } from '../store/migrations';

import { backupFolderPath, createBackup, inspectDbFile, primaryBackupDir, readInfo, stampOf, uniqueName, writeSidecar } from './service';

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
  if (facts.quickCheck !== 'ok')
    throw new DomainError('CONFLICT', 'trust.errors.backupDamaged', { message: facts.quickCheck.slice(0, 200) });
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
  if (!verify.ok)
    throw new DomainError('CONFLICT', 'trust.errors.backupChainBroken', {
      seq: verify.problem?.seq ?? 0,
      kind: verify.problem?.kind ?? '',
    });
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
  if (facts.quickCheck !== 'ok')
    throw new DomainError('CONFLICT', 'trust.errors.backupDamaged', { message: facts.quickCheck.slice(0, 200) });
  if (facts.schemaVersion > latestVersion) throw new DomainError('CONFLICT', 'trust.errors.backupNewer');
  const verify = verifyAuditFile(backupFile);
  if (!verify.ok)
    throw new DomainError('CONFLICT', 'trust.errors.backupChainBroken', {
      seq: verify.problem?.seq ?? 0,
      kind: verify.problem?.kind ?? '',
    });
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
