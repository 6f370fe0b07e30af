/**
 * Handlers of the trust domain: audit chain, checkpoints, backups, restore, integrity.
 */
import type { trustMethods } from '../../../shared/contract/trust';
import type { AuditVerifyResult, BackupInfo, ChainHeadInfo } from '../../../shared/contract/trust';
import { DomainError } from '../../../shared/errors';
import { getDesk } from '../desk/db';
import { auditHead } from '../audit/chain';
import { verifyAuditDbAsync, type DbVerifyReport } from '../audit/verify';
import { auditCsv, dateRangeToInstants, formatLocalTime, listAudit } from '../audit/export';
import { checkCheckpoint, createCheckpoint, currentKeyFingerprint, listCheckpoints, parseCheckpoint, rotateDeskKey } from './checkpoint';
import {
  applyRetention,
  backupFolderPath,
  createBackup,
  folderWritable,
  getBackupSettings,
  lastBackupError,
  listBackups,
  restoreBackup,
  writeBackupSettings,
} from '../backup/service';
import { latestIntegrity, runIntegrityCheck } from './integrity';
import { asyncMutation, type Handlers, type ReadCtx } from '../context';

const toVerifyResult = (r: DbVerifyReport, now: number, checkpoint: AuditVerifyResult['checkpoint'] = null): AuditVerifyResult => ({
  ok: r.ok && (checkpoint === null || (checkpoint.signatureValid && checkpoint.sameDesk)),
  rows: r.rows,
  headSeq: r.head.seq,
  headHash: r.head.hash,
  problem: r.problem,
  checkpoint,
  durationMs: r.durationMs,
  checkedAt: new Date(now).toISOString(),
});

const deskZone = (ctx: ReadCtx): string => getDesk(ctx.db)?.timeZone ?? 'Asia/Shanghai';

const backupAudit = (b: BackupInfo) => ({ fileName: b.fileName, folder: b.folder, reason: b.reason, size: b.size, headSeq: b.headSeq, headHash: b.headHash });

export const trustHandlers: Handlers<keyof typeof trustMethods> = {
  'audit.head': (ctx): ChainHeadInfo => {
    const desk = getDesk(ctx.db);
    if (!desk) throw new DomainError('SETUP_REQUIRED');
    const head = auditHead(ctx.db);
    const at = head.seq > 0 ? ((ctx.db.prepare('SELECT at FROM audit_log WHERE seq = ?').get(head.seq) as { at: string } | undefined)?.at ?? null) : null;
    // The latest time among recent rows: after a clock change, newer rows carry earlier times.
    const latest = (ctx.db.prepare('SELECT max(at) AS at FROM (SELECT at FROM audit_log ORDER BY seq DESC LIMIT 500)').get() as { at: string | null }).at;
    return {
      deskId: desk.deskId,
      unitName: desk.unitName,
      seq: head.seq,
      hash: head.hash,
      at,
      keyFingerprint: currentKeyFingerprint(ctx.db),
      // Entries keep their seq order whatever the clock says; the console warns when time went backwards.
      clockBehind: latest !== null && Date.parse(latest) > ctx.now + 60_000,
    };
  },

  'audit.verify': async (ctx, input) => {
    const cp = input.checkpoint ? parseCheckpoint(input.checkpoint) : null;
    const check = cp ? checkCheckpoint(ctx.db, cp) : null;
    const report = await verifyAuditDbAsync(ctx.db, cp && check?.signatureValid ? [{ seq: cp.seq, hash: cp.hash }] : []);
    return toVerifyResult(report, ctx.now, check);
  },

  'audit.list': (ctx, input) => {
    const range = dateRangeToInstants(input.from, input.to, deskZone(ctx));
    return listAudit(ctx.db, { ...range, entity: input.entity, actor: input.actor, beforeSeq: input.beforeSeq }, input.limit);
  },

  'audit.exportCsv': (ctx, input) => {
    const tz = deskZone(ctx);
    const range = dateRangeToInstants(input.from, input.to, tz);
    const { content, rows } = auditCsv(ctx.db, range, (iso) => formatLocalTime(iso, tz));
    return { fileName: `audit-${input.from}_${input.to}.csv`, content, rows };
  },

  'audit.checkpoints': (ctx) => listCheckpoints(ctx.db),

  'audit.checkpoint': (ctx) => createCheckpoint(ctx),
  'audit.rotateKey': (ctx, input) => rotateDeskKey(ctx, input.reason),

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
      w.audit({ action: 'backup.create', entity: 'backup', entityId: out.primary.fileName, after: { ...backupAudit(out.primary), secondary: out.secondary?.fileName ?? null, secondaryError: out.secondaryError } });
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

  'integrity.latest': (ctx) => latestIntegrity(ctx.core.dataDir),

  'integrity.run': asyncMutation(async (ctx) => {
    const result = await runIntegrityCheck(ctx.core, 'manual');
    return ctx.transact((w) => {
      w.audit({ action: 'integrity.check', entity: 'integrity', entityId: null, after: { ok: result.ok, integrity: result.integrity.slice(0, 3), foreignKeys: result.foreignKeys.length, chainOk: result.chainOk } });
      return result;
    });
  }),
};
