/**
 * The recovery API: what the desk answers when its data file cannot be
 * opened at all (a smashed header, a file cut short, a deleted or empty
 * `dutydesk.sqlite` beside the desk's traces).
 *
 * Not part of the desk's contract (`shared/contract/index.ts`): only these two
 * methods exist while the desk is in recovery mode, and every other method
 * answers `recovery.required`. Once a backup is restored the real desk starts
 * in the same process and these methods answer `recovery.notInRecovery`.
 */
import { z } from 'zod';
import { line, str } from './common';

export const recoveryMethodNames = ['recovery.status', 'recovery.restore'] as const;
export type RecoveryMethodName = (typeof recoveryMethodNames)[number];
export const isRecoveryMethod = (m: string): m is RecoveryMethodName => (recoveryMethodNames as readonly string[]).includes(m);

/** The message key every desk method answers with in recovery mode (the renderer shows the recovery screen on it). */
export const recoveryRequiredKey = 'recovery.required';

/** One backup in the data folder's backups/, checked when the list is read. */
export interface RecoveryBackup {
  fileName: string;
  createdAt: string;
  size: number;
  /** The chain head stored in the backup itself (null when it cannot be read). */
  headSeq: number | null;
  headHash: string | null;
  /** quick_check passed, the schema is not newer, the chain verifies and it belongs to this desk. */
  ok: boolean;
  /** Why not, as a translation key with its values. */
  problemKey: string | null;
  problemParams: Record<string, string | number> | null;
}

export interface RecoveryStatus {
  /** What is wrong: the fault's translation key and values. */
  fault: { kind: string; messageKey: string; params: Record<string, string | number> };
  dataDir: string;
  /** The last head the desk acknowledged (chain-head.json), or null when there is none. */
  lastKnownHead: { seq: number; hash: string; deskId: string | null } | null;
  /** Newest first. */
  backups: RecoveryBackup[];
  /** Whether this fault can be mended by restoring a backup (not for a locked file or a newer schema). */
  restorable: boolean;
}

export interface RecoveryRestoreResult {
  restored: string;
  /** Where the damaged file was kept (in backups/, never deleted), or null when there was none. */
  damagedCopy: string | null;
  headSeq: number;
  /** Rows the desk had acknowledged after this backup (to be entered again), 0 when none. */
  lostRows: number;
  /** The real desk now runs in this process: log in. */
  started: boolean;
}

export const recoveryInputs = {
  'recovery.status': z.object({}).strict(),
  'recovery.restore': z
    .object({
      fileName: line(200).pipe(z.string().regex(/^[A-Za-z0-9._-]+\.sqlite$/u)),
      /** An administrator of the backup's own user table confirms the restore. */
      login: str().trim().min(1).max(64),
      password: str().min(1).max(128),
    })
    .strict(),
} as const;

export type RecoveryInput<M extends RecoveryMethodName> = z.infer<(typeof recoveryInputs)[M]>;
export interface RecoveryOutputs {
  'recovery.status': RecoveryStatus;
  'recovery.restore': RecoveryRestoreResult;
}
