/** Trust: the audit chain's verification, signed checkpoints, the desk key, integrity checks. */
import type { BackupInfo } from "../../../shared/contract/backup";
import type { AuditVerifyResult } from '../../../shared/contract/trust';
import { type DbVerifyReport } from '../audit/verify';

export const toVerifyResult = (r: DbVerifyReport, now: number, checkpoint: AuditVerifyResult['checkpoint'] = null): AuditVerifyResult => ({
  ok: r.ok && (checkpoint === null || (checkpoint.signatureValid && checkpoint.sameDesk)),
  rows: r.rows,
  headSeq: r.head.seq,
  headHash: r.head.hash,
  problem: r.problem,
  checkpoint,
  durationMs: r.durationMs,
  checkedAt: new Date(now).toISOString(),
});

export const backupAudit = (b: BackupInfo) => ({ fileName: b.fileName, folder: b.folder, reason: b.reason, size: b.size, headSeq: b.headSeq, headHash: b.headHash });