/**
 * npm run restore -- <data folder> [<backup file name | path>]
 *
 * The recovery the host and the app advise when the database cannot be
 * opened at all (a smashed header, a file cut short, a deleted or empty
 * `dutydesk.sqlite`): with the app closed, lists the backups in the folder's
 * `backups/` (newest first, with their chain head and check), or restores
 * one. The backup must pass quick_check, have a chain that verifies and
 * belong to this desk (by `chain-head.json`); the damaged file is kept aside
 * as `backups/dutydesk-<time>.damaged`, never deleted. Exit code 0 = listed
 * or restored, 1 = the backup was refused, 2 = could not run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listBackupsIn, primaryBackupDir } from '../electron/core/backup/service';
import { restoreFileIntoFolder } from '../electron/core/backup/restore';
import { readRecordedHead } from '../electron/core/audit/chain-head';
import { inspectDbFile } from '../electron/core/backup/service';
import { DomainError } from '../shared/errors';
import { translate } from '../shared/i18n';
import { shortHash } from '../shared/domain/audit-verify';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });

function fail(code: 1 | 2, zh: string, en: string): never {
  console.error(`${zh}\n${en}`);
  console.error('用法 / usage: npm run restore -- <数据目录 data folder> [<备份文件 backup file>]');
  process.exit(code);
}

const dirArg = positionals[0];
if (!dirArg) fail(2, '请给出数据目录。', 'Give the data folder.');
const dataDir = path.resolve(dirArg);
if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) fail(2, `找不到数据目录：${dataDir}`, `No such data folder: ${dataDir}`);
const backupDir = primaryBackupDir(dataDir);
const backups = fs.existsSync(backupDir) ? listBackupsIn(backupDir, 'primary') : [];
const recorded = readRecordedHead(dataDir);

if (!positionals[1]) {
  if (recorded) console.log(`最后已知链头 / last known head: 第 ${recorded.seq} 条 ${shortHash(recorded.hash)}  (chain-head.json)`);
  if (backups.length === 0) fail(2, `${backupDir} 中没有备份。`, `No backups in ${backupDir}.`);
  console.log(`备份 / backups in ${backupDir} (最新在前 / newest first):`);
  for (const b of backups) {
    const head = b.headSeq === null ? '—' : `第 ${b.headSeq} 条`;
    console.log(`  ${b.fileName}  ${b.createdAt}  ${(b.size / 1e6).toFixed(1)} MB  链头 / head ${head}  检查 / check ${b.quickCheck ?? '—'}`);
  }
  console.log(`恢复最新的备份 / restore the newest: npm run restore -- ${dirArg} ${backups[0]!.fileName}`);
  process.exit(0);
}

const arg = positionals[1];
const file = fs.existsSync(arg) ? path.resolve(arg) : path.join(backupDir, path.basename(arg));
if (!fs.existsSync(file)) fail(2, `找不到备份文件：${file}`, `No such backup file: ${file}`);

try {
  const facts = inspectDbFile(file);
  // A backup of another desk would silently replace this desk's records.
  if (recorded?.deskId && facts.deskId && facts.deskId !== recorded.deskId) {
    fail(1, `该备份属于另一个值班室（${facts.deskId}），未恢复。`, `This backup belongs to another desk (${facts.deskId}); nothing was restored.`);
  }
  const out = restoreFileIntoFolder(dataDir, file);
  console.log(`OK 已恢复 / restored: ${path.basename(file)} — 链头 / head 第 ${out.verify.head.seq} 条 ${shortHash(out.verify.head.hash)}，审计链校验通过 / chain verified`);
  if (out.damagedCopy) console.log(`原数据库已保留在 / the damaged file was kept as: ${out.damagedCopy}`);
  if (recorded && out.verify.head.seq < recorded.seq) {
    console.log(`注意：最后已知链头为第 ${recorded.seq} 条，此备份之后的 ${recorded.seq - out.verify.head.seq} 条记录需要补录。`);
    console.log(`Note: the last known head was row ${recorded.seq}; the ${recorded.seq - out.verify.head.seq} rows after this backup must be entered again.`);
  }
  process.exit(0);
} catch (e) {
  if (e instanceof DomainError) fail(1, `未恢复：${translate('zh-CN', e.messageKey, e.details)}`, `Not restored: ${translate('en', e.messageKey, e.details)}`);
  fail(2, `无法恢复：${String((e as Error).message)}`, `Could not restore: ${String((e as Error).message)}`);
}
