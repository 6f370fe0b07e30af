/**
 * npm run verify -- <data folder | .sqlite file> [--checkpoint checkpoint.json] [--json]
 *
 * Verifies a DutyDesk audit chain from the command line, read-only: the file
 * is never written. Then reconciles every current official record with the
 * latest state its audit rows describe (electron/core/trust/reconcile.ts).
 * Prints OK and the chain head, or the first bad row and what is wrong with
 * it, and each record that disagrees (table, id, field). Exit code 0 =
 * verified, 1 = problem found, 2 = could not run (no such folder, a file that
 * is not a readable DutyDesk database, an unreadable checkpoint) — never a
 * stack trace.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dbFileName } from '../electron/core/store/connection';
import { verifyAuditDb } from '../electron/core/audit/verify';
import { checkCheckpoint, parseCheckpoint } from '../electron/core/trust/checkpoint';
import { shortHash } from '../shared/domain/audit-verify';
import { reconcileRecords, type ReconcileReport } from '../electron/core/trust/reconcile';
import { translate } from '../shared/i18n';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { checkpoint: { type: 'string' }, json: { type: 'boolean', default: false } },
});

function usage(msg: string): never {
  console.error(`${msg}\n用法 / usage: npm run verify -- <数据目录 data folder | file.sqlite> [--checkpoint 校验点.json] [--json]`);
  process.exit(2);
}

const target = positionals[0];
if (!target) usage('请给出数据目录。 (give the data folder)');
const resolved = path.resolve(target);
const file = fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? path.join(resolved, dbFileName) : resolved;
if (!fs.existsSync(file)) usage(`找不到数据库文件 / no database file: ${file}`);

let db: Database.Database;
try {
  db = new Database(file, { readonly: true, fileMustExist: true });
} catch (e) {
  usage(`无法打开 / cannot open ${file}: ${(e as Error).message}`);
}

let checkpoint: ReturnType<typeof parseCheckpoint> | null = null;
if (values.checkpoint) {
  try {
    checkpoint = parseCheckpoint(fs.readFileSync(values.checkpoint, 'utf8'));
  } catch {
    usage(`无法读取校验点 / unreadable checkpoint: ${values.checkpoint}`);
  }
}

/** A damaged or foreign file: say what is wrong, exit 2. */
function cannotRun(e: unknown): never {
  const msg = String((e as Error)?.message ?? e);
  const code = (e as { code?: string })?.code ?? '';
  if (/NOTADB|CORRUPT/u.test(code) || /malformed|not a database/iu.test(msg)) usage(`数据库文件已损坏，无法校验 / the database file is damaged and cannot be verified: ${file} (${msg})`);
  if (/no such table/iu.test(msg)) usage(`这不是 DutyDesk 数据库（没有审计表） / not a DutyDesk database (no audit table): ${file}`);
  usage(`无法校验 / could not verify ${file}: ${msg}`);
}

let cpCheck: ReturnType<typeof checkCheckpoint> | null = null;
let report: ReturnType<typeof verifyAuditDb>;
let records: ReconcileReport | null = null;
try {
  db.prepare('SELECT count(*) FROM audit_log').get();
  cpCheck = checkpoint ? checkCheckpoint(db, checkpoint) : null;
  report = verifyAuditDb(db, checkpoint && cpCheck?.signatureValid ? [{ seq: checkpoint.seq, hash: checkpoint.hash }] : []);
  // Records are compared only with a chain that verified: a broken chain describes nothing reliably.
  if (report.ok) records = reconcileRecords(db, { limit: 50 });
} catch (e) {
  cannotRun(e);
} finally {
  db.close();
}

const ok = report.ok && (records?.ok ?? true) && (cpCheck === null || (cpCheck.signatureValid && cpCheck.sameDesk));
if (values.json) {
  console.log(JSON.stringify({ ...report, ok, file, checkpoint: cpCheck, records }, null, 2));
} else {
  console.log(`文件 / file: ${file}`);
  console.log(`记录 / rows read: ${report.rows}    用时 / time: ${(report.durationMs / 1000).toFixed(2)} s`);
  if (cpCheck) {
    console.log(
      `校验点 / checkpoint: 第 ${cpCheck.seq} 条 (${cpCheck.at})  签名 / signature: ${cpCheck.signatureValid ? '有效 valid' : '无效 INVALID'}` +
        `  本值班室 / this desk: ${cpCheck.sameDesk ? '是 yes' : '否 NO'}  已知密钥 / known key: ${cpCheck.keyKnown ? '是 yes' : '否 no'}`,
    );
    if (checkpoint) console.log(`  密钥指纹 / key fingerprint: ${checkpoint.keyFingerprint}`);
  }
  if (records) console.log(`记录核对 / records reconciled: ${records.records}    不一致 / mismatches: ${records.mismatches.length + records.more}`);
  if (ok) {
    console.log(`OK 校验通过 / verified — 链头 / head: 第 ${report.head.seq} 条  ${report.head.hash}  (${shortHash(report.head.hash)})`);
  } else if (report.ok && records && !records.ok) {
    console.log('FAIL 记录与审计链不一致 / records disagree with the audit chain:');
    for (const m of records.mismatches) {
      const params = { ...m, expected: m.expected ?? '—', actual: m.actual ?? '—', seq: m.seq ?? '—' };
      console.log(`  ${translate('zh-CN', `trust.integrity.mismatch.${m.kind}`, params)}`);
      console.log(`    ${translate('en', `trust.integrity.mismatch.${m.kind}`, params)}`);
    }
    if (records.more) console.log(`  … 另有 ${records.more} 处 / ${records.more} more`);
  } else if (report.problem) {
    const p = report.problem;
    const params = { seq: p.seq, ...p.details };
    console.log(`FAIL 校验未通过 / verification failed at seq ${p.seq}: ${p.kind}`);
    console.log(`  ${translate('zh-CN', `trust.problem.${p.kind}`, params)}`);
    console.log(`  ${translate('en', `trust.problem.${p.kind}`, params)}`);
    console.log(`  最后一条完好记录 / last good row: 第 ${report.head.seq} 条 ${report.head.hash}`);
  } else {
    console.log('FAIL 校验点无效 / the checkpoint is not valid for this desk');
  }
}
process.exit(ok ? 0 : 1);
