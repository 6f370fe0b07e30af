/**
 * Handlers of backups and restore (backup.*).
 */
import type { backupMethods } from '../../../shared/contract/backup';
import { auditHead } from '../audit/chain';
import {
  applyRetention,
  backupFolderPath,
  createBackup,
  folderWritable,
  getBackupSettings,
  lastBackupError,
  listBackups,
  writeBackupSettings,
} from '../backup/service';
import { asyncMutation, type Handlers } from '../context';
import { restoreBackup } from './restore';
import { backupAudit, toVerifyResult } from "../trust/service";

export const backupHandlers: Handlers<keyof typeof backupMethods> = {
  'backup.status': (ctx) => {
    const settings = getBackupSettings(ctx.db);
    const second = backupFolderPath(ctx.core, 'secondary');
    return {
      settings,
      backups: listBackups(ctx.core),
      secondFolderReachable: second ? folderWritable(second) : null,
      lastError: lastBackupError.get(ctx.core.dataDir) ?? null,
    };
  },
  'backup.create': asyncMutation(async (ctx) => {
    const out = await createBackup(ctx.core, 'manual');
    applyRetention(ctx.core);
    return ctx.transact((w) => {
      w.audit({
        action: 'backup.create',
        entity: 'backup',
        entityId: out.primary.fileName,
        after: { ...backupAudit(out.primary), secondary: out.secondary?.fileName ?? null, secondaryError: out.secondaryError },
      });
      return out.primary;
    });
  }),
  'backup.updateSettings': (ctx, input) => {
    const { before, after } = writeBackupSettings(ctx.db, input);
    ctx.audit({ action: 'backupSettings.update', entity: 'backupSettings', entityId: null, before, after });
    return after;
  },
  'backup.restore': asyncMutation(async (ctx, input) => {
    const before = auditHead(ctx.core.db);
    const out = await restoreBackup(ctx.core, input.fileName, input.folder);
    const verify = toVerifyResult(out.verify, ctx.now);
    return ctx.transact((w) => {
      // Written into the restored store: the chain records that (and from what) it was restored.
      w.audit({
        action: 'backup.restore',
        entity: 'backup',
        entityId: input.fileName,
        before: { headSeq: before.seq, headHash: before.hash },
        after: { ...backupAudit(out.restored), safetyBackup: out.safety?.fileName ?? null, chainOk: out.verify.ok },
        reason: input.reason,
      });
      return { restored: out.restored, safetyBackup: out.safety, verify };
    });
  }),
};
