/**
 * API methods of backups: status, a backup now, the second folder, restore.
 */
import { z } from 'zod';
import { empty, reason } from './common';
import { line } from './common';
import { str } from './common';
import { method } from './define';
import { AuditVerifyResult } from './trust';



export const backupReasons = ['hourly', 'handover', 'manual', 'pre-restore', 'pre-migrate'] as const;
export type BackupReason = (typeof backupReasons)[number];
export const backupFolders = ['primary', 'secondary'] as const;
export type BackupFolder = (typeof backupFolders)[number];

export interface BackupInfo {
  fileName: string;
  folder: BackupFolder;
  reason: BackupReason;
  createdAt: string;
  size: number;
  /** Chain head stored in the backup, when the sidecar knows it. */
  headSeq: number | null;
  headHash: string | null;
  /** `ok` when quick_check passed right after writing. */
  quickCheck: string | null;
}

export interface BackupSettings {
  /** A second folder (USB stick, network share) that receives a copy of every backup; null = none. */
  secondFolder: string | null;
  hourly: boolean;
  keepHourly: number;
  keepDaily: number;
}

export interface BackupStatus {
  settings: BackupSettings;
  backups: BackupInfo[];
  /** Whether the second folder exists and is writable right now. */
  secondFolderReachable: boolean | null;
  lastError: string | null;
}

export interface RestoreResult {
  restored: BackupInfo;
  /** Backup of the state before the restore (restore it to undo). */
  safetyBackup: BackupInfo | null;
  verify: AuditVerifyResult;
}

export const backupMethods = {
  'backup.status': method<BackupStatus>()({ input: empty, access: ['admin'], kind: 'query' }),
  'backup.create': method<BackupInfo>()({ input: empty, access: ['admin'], kind: 'mutation' }),
  'backup.updateSettings': method<BackupSettings>()({
    input: z
      .object({
        /** An absolute path (/media/usb/备份, E:\备份 or a \\server\share); empty = none. */
        secondFolder: str()
          .trim()
          .max(400)
          .regex(/^$|^\/|^[A-Za-z]:[\\/]|^\\\\/u)
          .nullable(),
        hourly: z.boolean(),
        keepHourly: z.number().int().min(1).max(1000),
        keepDaily: z.number().int().min(1).max(3650),
      })
      .partial()
      .strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'backup.restore': method<RestoreResult>()({
    input: z
      .object({
        fileName: line(200).regex(/^[A-Za-z0-9._-]+\.sqlite$/u),
        folder: z.enum(backupFolders),
        reason,
      })
      .strict(),
    access: ['admin'],
    readOnly: 'allow',
    kind: 'mutation',
  }),
} as const;
