/**
 * Fuzz harness for every API method: fast-check arbitraries derived from each
 * method's zod input schema — half of them inputs the schema *accepts*
 * (`tests/helpers/zod-valid.ts`, with ids, versions and dates taken from a
 * populated desk, `fuzz-desk.ts`), the rest near-valid shapes, mutations and
 * plain arbitrary JSON — run through the real dispatcher on a real store.
 *
 * Shared by `tests/db/fault-fuzz.test.ts` (≥ 1,000 runs per method) and the
 * bench (10,000 per method). Checks per call: no uncaught exception
 * (INTERNAL), a rejected input writes nothing (no row changed at all), every
 * error and field issue has a translation in both languages, and after every
 * accepted mutation the audit chain verifies and the records reconcile with it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { z } from 'zod';
import { contract, methodNames, type MethodName } from '../../shared/contract';
import { translate } from '../../shared/i18n';
import type { ApiResult } from '../../shared/errors';
import { makeDesk, tempDir, type TestDesk } from '../helpers/core';
import type { Connection } from '../../electron/core/context';
import { verifyAuditDb } from '../../electron/core/audit/verify';
import { reconcileRecords } from '../../electron/core/trust/reconcile';
import { validArbitrary } from '../helpers/zod-valid';
import { fixInput, fuzzAdminPassword, fuzzHints, fuzzPreparations, populateFuzzDesk, sessionEnding, type FuzzFixture } from './fuzz-desk';

/** Strings worth trying in every text field: formats the schemas accept, and hostile text. */
export const stringCorpus = [
  '',
  ' ',
  '张三',
  '值班室',
  '2026-11-25',
  '2026-02-29',
  '2026-13-01',
  '2026-11-25T13:40:00Z',
  '2026-11-25T21:40:00+08:00',
  '08:30',
  '24:00',
  '13800000000',
  '0758-2222110 转 8001',
  'admin',
  'officer1',
  'secret123',
  'x',
  'a'.repeat(64),
  'a'.repeat(30_000),
  'ab'.repeat(32),
  'dutydesk-2026-11-25T13-40-00Z-manual.sqlite',
  '../../etc/passwd',
  'Asia/Shanghai',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  '\u202Egnp.exe',
  '=HYPERLINK("http://x","y")',
  '@SUM(1+1)',
  "'; DROP TABLE audit_log; --",
  '\u0000',
  '\uD800',
  '🙂👨‍👩‍👧',
  '{"format":"dutydesk-audit-checkpoint"}',
  'null',
  '-1',
  '1e309',
];

export const numberCorpus = [0, 1, 2, -1, 7, 30, 100, 240, 2026, 1e6, 2 ** 31, Number.MAX_SAFE_INTEGER, 0.5, -0, 1e-9];

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function stringArb(s: z.ZodType): fc.Arbitrary<unknown> {
  const valid = stringCorpus.filter((c) => s.safeParse(c).success);
  const str = s as unknown as { maxLength: number | null };
  const max = Math.min(str.maxLength ?? 200, 200);
  const arbs: fc.Arbitrary<unknown>[] = [fc.string({ maxLength: max + 2 }), fc.constantFrom(...stringCorpus), fc.string({ unit: 'grapheme', maxLength: max + 2 })];
  if (valid.length > 0) arbs.push(fc.constantFrom(...valid), fc.constantFrom(...valid));
  return fc.oneof(...arbs);
}

/** An arbitrary that produces mostly schema-shaped values (valid and near-valid) for `s`. */
export function arbitraryFor(s: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(s);
  const noise = fc.oneof(fc.constant(null), fc.constant(undefined), fc.jsonValue({ maxDepth: 1 }));
  if (depth > 4) return noise;
  switch (def.type) {
    case 'string':
      return stringArb(s);
    case 'number': {
      const n = s as unknown as { minValue: number | null; maxValue: number | null };
      const lo = Math.max(n.minValue ?? -1e6, -1e9);
      const hi = Math.min(n.maxValue ?? 1e6, 1e9);
      return fc.oneof(fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }), fc.constantFrom(...numberCorpus), fc.double({ noNaN: true }));
    }
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom(0, 1, 'true'));
    case 'enum':
      return fc.oneof(fc.constantFrom(...Object.values(def.entries as Record<string, string>)), fc.constantFrom(...Object.values(def.entries as Record<string, string>)), fc.string({ maxLength: 8 }));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array':
      return fc.oneof(fc.array(arbitraryFor(def.element as z.ZodType, depth + 1), { maxLength: 6 }), fc.constant([]), noise);
    case 'object': {
      const shape = (s as unknown as { shape: Record<string, z.ZodType> }).shape;
      const keys = Object.keys(shape);
      // Only `{}` is valid here; a few of those reach the handler, the rest probe the strict check.
      if (keys.length === 0) return fc.oneof({ weight: 1, arbitrary: fc.constant({}) }, { weight: 12, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 3 }) });
      const rec = Object.fromEntries(keys.map((k) => [k, arbitraryFor(shape[k]!, depth + 1)]));
      return fc.oneof(
        { weight: 4, arbitrary: fc.record(rec, { requiredKeys: [] }) },
        { weight: 4, arbitrary: fc.record(rec) },
        // An unknown extra key: every input is strict.
        { weight: 1, arbitrary: fc.tuple(fc.record(rec), fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 1 })).map(([o, k, v]) => ({ ...o, [`x_${k}`]: v })) },
      );
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return fc.oneof(arbitraryFor(def.innerType as z.ZodType, depth + 1), arbitraryFor(def.innerType as z.ZodType, depth + 1), fc.constant(undefined), fc.constant(null));
    case 'pipe':
      return arbitraryFor(def.in as z.ZodType, depth);
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => arbitraryFor(o, depth + 1)));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), arbitraryFor(def.valueType as z.ZodType, depth + 1), { maxKeys: 4 });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The input arbitrary for one method: valid (when `valid` is given), schema-shaped, raw JSON, and non-objects. */
export function inputArbitrary(m: MethodName, valid?: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const schema = contract[m].input as z.ZodType;
  return fc.oneof(
    ...(valid ? [{ weight: 9, arbitrary: valid }] : []),
    { weight: 6, arbitrary: arbitraryFor(schema) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(0, '', [], 'x', true, [{}], JSON.parse('{"__proto__":{"polluted":1}}'), JSON.parse('{"constructor":{"prototype":{"polluted":1}}}')) },
  );
}

export interface FuzzFailure {
  method: string;
  input: string;
  problem: string;
}

export interface FuzzStats {
  runs: number;
  /** Calls answered ok. */
  accepted: number;
  /** Inputs the method's schema accepted (whatever the handler then answered). */
  valid: number;
  rejected: number;
  failures: FuzzFailure[];
}

/** Hashing passwords with scrypt N=16384 costs ~70 ms; fuzzing is about input handling, so cheapen it. */
export function cheapenScrypt(): () => void {
  const original = crypto.scryptSync;
  (crypto as { scryptSync: typeof crypto.scryptSync }).scryptSync = ((pw: crypto.BinaryLike, salt: crypto.BinaryLike, len: number) =>
    original(pw, salt, len, { N: 2, r: 1, p: 1 })) as typeof crypto.scryptSync;
  return () => {
    (crypto as { scryptSync: typeof crypto.scryptSync }).scryptSync = original;
  };
}

const translated = (key: string): boolean => translate('zh-CN', key) !== key && translate('en', key) !== key;

/** One populated desk folder per process, copied for each harness (populating takes a second or two). */
let template: { dir: string; fx: FuzzFixture } | null = null;
async function populatedTemplate(): Promise<{ dir: string; fx: FuzzFixture }> {
  if (template && fs.existsSync(template.dir)) return template;
  const d = await makeDesk();
  const fx = await populateFuzzDesk(d);
  d.core.close();
  template = { dir: d.dir, fx };
  return template;
}

/** At most this many fresh desks per app.setup fuzz run (each accepted setup needs a new, unset desk). */
const maxSetupResets = 20;

export class FuzzHarness {
  private conn: Connection = { sessionId: null };
  private readonly cwdBefore = process.cwd();
  private readonly scratch: string;
  private restoreScrypt: () => void = () => undefined;
  readonly state = { adminPassword: fuzzAdminPassword };
  private setupResets = 0;

  private constructor(
    public desk: TestDesk,
    readonly fx: FuzzFixture | null,
  ) {
    // Relative paths (a fuzzed second backup folder) must land in scratch space, never in the repo.
    this.scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dutydesk-fuzz-cwd-'));
    process.chdir(this.scratch);
  }

  /** A harness on a populated desk (or, for `app.setup`, on a desk not yet set up). */
  static async create(opts: { method?: MethodName } = {}): Promise<FuzzHarness> {
    const restore = cheapenScrypt();
    let h: FuzzHarness;
    if (opts.method === 'app.setup') {
      h = new FuzzHarness(await makeDesk({ setUp: false }), null);
    } else {
      const t = await populatedTemplate();
      const dir = tempDir();
      fs.cpSync(t.dir, dir, { recursive: true });
      h = new FuzzHarness(await makeDesk({ dir, setUp: false }), t.fx);
    }
    h.restoreScrypt = restore;
    const prepare = opts.method ? fuzzPreparations[opts.method] : undefined;
    if (prepare) await prepare(h.desk, h.session());
    return h;
  }

  /** A session holding every role (so access checks pass and input handling is reached). */
  private session(): Connection {
    const s = this.desk.core.sessions.get(this.conn.sessionId);
    if (s && !s.locked) return this.conn;
    const created = this.desk.core.sessions.create({ userId: 1, login: 'admin', displayName: '管理员', roles: ['officer', 'leader', 'admin'], personId: 1 });
    this.conn = { sessionId: created.id };
    return this.conn;
  }

  /** A second connection on the store: its `data_version` moves only when another connection commits. */
  private watcher: { db: Database.Database; of: unknown } | null = null;

  /**
   * What the store committed (not what a rolled-back transaction wrote and
   * undid: `total_changes()` counts those too, so a handler that writes, then
   * finds the input wrong and throws, looked like a write on rejection).
   */
  private changes(): number {
    const core = this.desk.core;
    if (!this.watcher || this.watcher.of !== core.db) {
      this.watcher?.db.close();
      this.watcher = { db: new Database(core.store.file, { readonly: true, fileMustExist: true }), of: core.db };
    }
    return this.watcher.db.pragma('data_version', { simple: true }) as number;
  }

  /** Valid inputs for `method` on this desk (ids, versions and slots drawn from the store). */
  validArbitrary(method: MethodName): fc.Arbitrary<unknown> {
    const schema = contract[method].input as z.ZodType;
    const fx = this.fx ?? { peopleXlsx: '', rosterXlsx: '' };
    return validArbitrary(schema, fuzzHints(this.desk, method, fx, this.state)).map((v) => fixInput(this.desk, method, v));
  }

  /** After an accepted mutation: the chain verifies and every record agrees with its audit rows. */
  private trustProblem(): string | null {
    const v = verifyAuditDb(this.desk.core.db);
    if (!v.ok) return `audit chain broken after an accepted call: ${v.problem?.kind} at seq ${v.problem?.seq}`;
    const r = reconcileRecords(this.desk.core.db);
    if (r.mismatches.length > 0) {
      const m = r.mismatches[0]!;
      return `records disagree with the chain: ${m.table} #${m.id} ${m.field} (${m.kind})`;
    }
    return null;
  }

  /** One call with every check; returns a problem description or null. */
  async check(method: MethodName, input: unknown, stats: FuzzStats): Promise<string | null> {
    if (method === 'auth.unlock') {
      // Unlock needs a locked session to act on.
      const s = this.desk.core.sessions.get(this.session().sessionId);
      if (s) s.locked = true;
    }
    const conn = method === 'auth.unlock' ? this.conn : this.session();
    if (method === 'duty.ackNotice' && input !== null && typeof input === 'object' && typeof (input as { id?: unknown }).id === 'number') {
      // A notice is acknowledged by the person it is for: act as that person.
      const owner = this.desk.core.db.prepare('SELECT person_id AS p FROM roster_notices WHERE id = ?').get((input as { id: number }).id) as { p: number } | undefined;
      const s = this.desk.core.sessions.get(conn.sessionId);
      if (s && owner) (s as { personId: number | null }).personId = owner.p;
    }
    const before = this.changes();
    if (contract[method].input.safeParse(input).success) stats.valid += 1;
    let r: ApiResult<unknown>;
    try {
      r = await this.desk.api.call(method, input, conn);
    } catch (e) {
      return `threw: ${(e as Error).message}`;
    }
    stats.runs += 1;
    if (r.ok) {
      stats.accepted += 1;
      if (method === 'auth.changePassword') this.state.adminPassword = (input as { next: string }).next;
      if (sessionEnding.has(method)) this.conn = { sessionId: null };
      if (contract[method].kind === 'mutation') {
        const problem = this.trustProblem();
        if (problem) return problem;
      }
      if (method === 'app.setup' && this.setupResets < maxSetupResets) {
        this.setupResets += 1;
        this.desk.close();
        this.desk = await makeDesk({ setUp: false });
        this.conn = { sessionId: null };
      }
      return null;
    }
    stats.rejected += 1;
    const err = r.error;
    if (process.env.DUTYDESK_FUZZ_DEBUG) console.log(`[fuzz] ${method} ${err.code} ${err.messageKey} ${JSON.stringify(err.details?.issues?.[0] ?? '')}`);
    // Time passes: a login delay ends (the fuzz harness's clock would otherwise stand still forever).
    if (err.code === 'RATE_LIMITED') this.desk.clock.advance(16 * 60_000);
    if (err.code === 'INTERNAL') return `INTERNAL (uncaught exception in the handler)`;
    if (err.code === 'UNKNOWN_METHOD') return 'no handler for a contract method';
    if (!translated(err.messageKey)) return `untranslated error key ${err.messageKey}`;
    if (err.code === 'VALIDATION') {
      if (this.changes() !== before) return 'a rejected input changed rows';
      for (const issue of err.details?.issues ?? []) if (!translated(issue.messageKey)) return `untranslated field issue ${issue.messageKey}`;
    }
    if (contract[method].kind === 'mutation' && this.changes() !== before) {
      // A refusal that commits its audit row (a failed login) must leave the chain whole too.
      const problem = this.trustProblem();
      if (problem) return problem;
    }
    return null;
  }

  /** Runs `runs` fast-check cases against one method; failures are collected, not thrown. */
  async fuzz(method: MethodName, runs: number, seed = 20261125): Promise<FuzzStats> {
    const stats: FuzzStats = { runs: 0, accepted: 0, valid: 0, rejected: 0, failures: [] };
    await fc.assert(
      fc.asyncProperty(inputArbitrary(method, this.validArbitrary(method)), async (input) => {
        const problem = await this.check(method, input, stats);
        if (problem) {
          stats.failures.push({ method, input: safeJson(input), problem });
          return false;
        }
        return true;
      }),
      { numRuns: runs, seed, endOnFailure: true },
    ).catch(() => undefined);
    return stats;
  }

  close(): void {
    this.watcher?.db.close();
    this.watcher = null;
    process.chdir(this.cwdBefore);
    this.restoreScrypt();
    this.desk.close();
    fs.rmSync(this.scratch, { recursive: true, force: true });
  }
}

const safeJson = (v: unknown): string => {
  try {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 300 ? `${s.slice(0, 300)}…` : s;
  } catch {
    return String(v);
  }
};

export { methodNames };
