/**
 * Full integrity checks: PRAGMA integrity_check, foreign_key_check, the
 * audit chain, and every official record reconciled with the chain
 * (reconcile.ts). Run nightly by the scheduler and on demand from settings.
 *
 * Results go to a small JSON log in the data folder (the last 30 runs), so
 * settings can show them even when the store itself is the thing that broke.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core';
import type { IntegrityResult } from '../../../shared/contract/trust';
import { verifyAuditDbAsync } from '../audit/verify';
import { reconcileRecordsAsync } from './reconcile';

export const integrityLogFileName = 'integrity-log.json';
const keepRuns = 30;

const logFile = (dataDir: string): string => path.join(dataDir, integrityLogFileName);

export function readIntegrityLog(dataDir: string): IntegrityResult[] {
  try {
    const v = JSON.parse(fs.readFileSync(logFile(dataDir), 'utf8')) as unknown;
    return Array.isArray(v) ? (v as IntegrityResult[]) : [];
  } catch {
    return [];
  }
}

export const latestIntegrity = (dataDir: string): IntegrityResult | null => readIntegrityLog(dataDir)[0] ?? null;

function appendLog(dataDir: string, r: IntegrityResult): void {
  const runs = [r, ...readIntegrityLog(dataDir)].slice(0, keepRuns);
  const tmp = `${logFile(dataDir)}.tmp`;
  try {
    fs.writeFileSync(tmp, `${JSON.stringify(runs, null, 1)}\n`);
    fs.renameSync(tmp, logFile(dataDir));
  } catch {
    // A read-only folder: the result is still returned to the caller.
  }
}

/** Runs all three checks on the open store (read-only safe) and logs the result. */
export async function runIntegrityCheck(core: Core, kind: IntegrityResult['kind']): Promise<IntegrityResult> {
  const t0 = performance.now();
  const db = core.db;
  let integrity: string[];
  try {
    integrity = (db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (e) {
    integrity = [String((e as Error).message)];
  }
  let foreignKeys: IntegrityResult['foreignKeys'];
  try {
    foreignKeys = (db.pragma('foreign_key_check', { simple: false }) as { table: string; rowid: number | null; parent: string }[])
      .slice(0, 50)
      .map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
  } catch (e) {
    foreignKeys = [{ table: '?', rowid: null, parent: String((e as Error).message) }];
  }
  let chainOk: boolean;
  let chainProblem: IntegrityResult['chainProblem'];
  try {
    const v = await verifyAuditDbAsync(db);
    chainOk = v.ok;
    chainProblem = v.problem;
  } catch (e) {
    chainOk = false;
    chainProblem = { seq: 0, kind: 'malformed', details: { message: String((e as Error).message).slice(0, 200) } };
  }
  let records: IntegrityResult['records'];
  try {
    const r = await reconcileRecordsAsync(db, { limit: 20 });
    records = { ok: r.ok, records: r.records, mismatches: r.mismatches, more: r.more };
  } catch (e) {
    records = { ok: false, records: 0, mismatches: [{ table: '?', id: '?', field: '*', kind: 'missing', expected: null, actual: String((e as Error).message).slice(0, 120), seq: null }], more: 0 };
  }
  const integrityOk = integrity.length === 1 && integrity[0] === 'ok';
  const result: IntegrityResult = {
    at: new Date(core.clock.now()).toISOString(),
    kind,
    integrity,
    foreignKeys,
    chainOk,
    chainProblem,
    records,
    ok: integrityOk && foreignKeys.length === 0 && chainOk && records.ok,
    durationMs: Math.round(performance.now() - t0),
  };
  appendLog(core.dataDir, result);
  return result;
}
