/**
 * Handlers of the trust domain: audit chain, checkpoints, backups, restore, integrity.
 */
import { toVerifyResult } from './service';
import type { ChainHeadInfo, trustMethods } from '../../../shared/contract/trust';
import { DomainError } from '../../../shared/errors';
import { auditHead } from '../audit/chain';
import { auditCsv, dateRangeToInstants, formatLocalTime, listAudit } from '../audit/export';
import { verifyAuditDbAsync } from '../audit/verify';
import { asyncMutation, deskTimeZone, type Handlers } from '../context';
import { getDesk } from '../desk/db';
import { checkCheckpoint, createCheckpoint, currentKeyFingerprint, listCheckpoints, parseCheckpoint, rotateDeskKey } from './checkpoint';
import { latestIntegrity, runIntegrityCheck } from './integrity';
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
    const range = dateRangeToInstants(input.from, input.to, deskTimeZone(ctx.db));
    return listAudit(ctx.db, { ...range, entity: input.entity, actor: input.actor, beforeSeq: input.beforeSeq }, input.limit);
  },

  'audit.exportCsv': (ctx, input) => {
    const tz = deskTimeZone(ctx.db);
    const range = dateRangeToInstants(input.from, input.to, tz);
    const { content, rows } = auditCsv(ctx.db, range, (iso) => formatLocalTime(iso, tz));
    return { fileName: `audit-${input.from}_${input.to}.csv`, content, rows };
  },

  'audit.checkpoints': (ctx) => listCheckpoints(ctx.db),

  'audit.checkpoint': (ctx) => createCheckpoint(ctx),
  'audit.rotateKey': (ctx, input) => rotateDeskKey(ctx, input.reason),

  'integrity.latest': (ctx) => latestIntegrity(ctx.core.dataDir),

  'integrity.run': asyncMutation(async (ctx) => {
    const result = await runIntegrityCheck(ctx.core, 'manual');
    return ctx.transact((w) => {
      w.audit({ action: 'integrity.check', entity: 'integrity', entityId: null, after: { ok: result.ok, integrity: result.integrity.slice(0, 3), foreignKeys: result.foreignKeys.length, chainOk: result.chainOk, recordMismatches: (result.records?.mismatches.length ?? 0) + (result.records?.more ?? 0) } });
      return result;
    });
  }),
};
