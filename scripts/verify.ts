/**
 * npm run verify -- <data folder | .sqlite file> [--checkpoint checkpoint.json] [--json]
 *
 * Verifies a DutyDesk audit chain from the command line, read-only: the file
 * is never written. Prints OK and the chain head, or the first bad row and
 * what is wrong with it. Exit code 0 = verified, 1 = problem found, 2 = could
 * not run (no such folder, unreadable checkpoint).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dbFileName } from '../electron/core/store/connection';
import { verifyAuditDb } from '../electron/core/audit/verify';
import { checkCheckpoint, parseCheckpoint } from '../electron/core/trust/checkpoint';
import { shortHash } from '../shared/domain/audit-verify';
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

const cpCheck = checkpoint ? checkCheckpoint(db, checkpoint) : null;
const report = verifyAuditDb(db, checkpoint && cpCheck?.signatureValid ? [{ seq: checkpoint.seq, hash: checkpoint.hash }] : []);
db.close();

const ok = report.ok && (cpCheck === null || (cpCheck.signatureValid && cpCheck.sameDesk));
if (values.json) {
  console.log(JSON.stringify({ ...report, ok, file, checkpoint: cpCheck }, null, 2));
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
  if (ok) {
    console.log(`OK 校验通过 / verified — 链头 / head: 第 ${report.head.seq} 条  ${report.head.hash}  (${shortHash(report.head.hash)})`);
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
