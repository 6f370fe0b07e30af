/**
 * Recovery mode: the desk whose data file cannot be opened at all.
 *
 * Instead of exiting, the host and the Electron shell start this minimal API:
 * `recovery.status` says what is wrong (the fault), the last known chain head
 * (`chain-head.json`) and the backups in `backups/`, each checked (quick_check,
 * schema, this desk, the chain verifies); `recovery.restore` puts one back —
 * the damaged file kept aside in `backups/…damaged`, never deleted — verifies
 * it, starts the real desk in the same process and audits the restore in it.
 * Every other method answers `recovery.required` (the renderer shows the
 * recovery screen on it).
 *
 * Who may restore: with no readable user table, the restore is confirmed by
 * an administrator of the BACKUP's user table (scrypt, as at login), with the
 * login's delays (5 free attempts, then 30 s doubling up to 15 min), counted
 * in `recovery-attempts.json` beside the store so a restart does not reset
 * them. The backup itself is never written to.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import {
  isRecoveryMethod,
  recoveryInputs,
  recoveryRequiredKey,
  type RecoveryBackup,
  type RecoveryRestoreResult,
  type RecoveryStatus,
} from '../../../shared/contract/recovery';
import { DomainError, type ApiResult } from '../../../shared/errors';
import { firstIllFormedPath } from '../../../shared/text';
import type { Api } from '../api/dispatch';
import { toApiError } from '../api/dispatch';
import { toFieldIssues } from '../api/validation';
import { readRecordedHead } from '../audit/chain-head';
import { verifyAuditFile } from '../audit/verify';
import { verifyPassword } from '../auth/passwords';
import { lockoutDelayMs } from '../auth/service';
import { inspectDbFile, listBackupsIn, primaryBackupDir } from '../backup/service';
import { restoreFileIntoFolder } from '../backup/restore';
import { systemClock, type Clock } from '../clock';
import type { Connection } from '../context';
import type { Core } from '../core';
import { EventBus } from '../events';
import type { Session } from '../sessions';
import type { StoreFault } from '../store/faults';
import { latestVersion } from '../store/migrations';
import { transact } from '../write';
import type { UserRole } from '../../../shared/roles';
import type { AuditEvent } from '../../../shared/audit';

/** What the host and the IPC bridge need of an API: calls, push events and the clock. */
export interface DeskApi {
  call: Api['call'];
  core: Pick<Core, 'events' | 'clock'>;
}

/** The part of a booted desk recovery hands over to once restored (boot.ts's Booted). */
export interface BootedDesk {
  core: Core;
  api: Api;
  fault: StoreFault | null;
  stop(): void;
}

export interface RecoveryApi extends DeskApi {
  readonly mode: 'recovery';
  /** The real desk once a restore started it, else null. */
  booted(): BootedDesk | null;
  /** Called with the real desk when a restore has started it. */
  onBooted(fn: (b: BootedDesk) => void): void;
  /** Stops the real desk if one was started. */
  stop(): void;
}

/** Faults a restore mends: the file is gone, empty or damaged. Not a locked file, a newer schema or a read-only folder. */
const restorableKinds = new Set(['missing', 'damaged']);

export const attemptsFileName = 'recovery-attempts.json';

// ---- the backups, checked ----------------------------------------------------

const checked = new Map<string, { key: string; result: Omit<RecoveryBackup, 'fileName' | 'createdAt' | 'size'> }>();

/** Checks one backup file as a restore would (cached by size and time, so the list reads fast). */
export function checkRecoveryBackup(file: string, deskId: string | null): Omit<RecoveryBackup, 'fileName' | 'createdAt' | 'size'> {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return { headSeq: null, headHash: null, ok: false, problemKey: 'trust.errors.backupNotFound', problemParams: null };
  }
  const key = `${st.size}:${st.mtimeMs}:${deskId ?? ''}`;
  const hit = checked.get(file);
  if (hit && hit.key === key) return hit.result;
  const result = ((): Omit<RecoveryBackup, 'fileName' | 'createdAt' | 'size'> => {
    let facts: ReturnType<typeof inspectDbFile>;
    try {
      facts = inspectDbFile(file);
    } catch {
      return { headSeq: null, headHash: null, ok: false, problemKey: 'trust.errors.backupUnreadable', problemParams: null };
    }
    const head = { headSeq: facts.headSeq, headHash: facts.headHash };
    if (facts.quickCheck !== 'ok')
      return { ...head, ok: false, problemKey: 'trust.errors.backupDamaged', problemParams: { message: facts.quickCheck.slice(0, 200) } };
    if (facts.schemaVersion > latestVersion) return { ...head, ok: false, problemKey: 'trust.errors.backupNewer', problemParams: null };
    if (deskId && facts.deskId && facts.deskId !== deskId)
      return { ...head, ok: false, problemKey: 'trust.errors.backupOtherDesk', problemParams: null };
    if (!facts.deskId) return { ...head, ok: false, problemKey: 'recovery.errors.notADesk', problemParams: null };
    const v = verifyAuditFile(file);
    if (!v.ok)
      return {
        ...head,
        ok: false,
        problemKey: 'trust.errors.backupChainBroken',
        problemParams: { seq: v.problem?.seq ?? 0, kind: v.problem?.kind ?? '' },
      };
    return { ...head, ok: true, problemKey: null, problemParams: null };
  })();
  checked.set(file, { key, result });
  return result;
}

/** What the recovery screen shows: the fault, the last known head, the backups (newest first, each checked). */
export function recoveryStatus(dataDir: string, fault: StoreFault): RecoveryStatus {
  const rec = readRecordedHead(dataDir);
  const dir = primaryBackupDir(dataDir);
  const backups: RecoveryBackup[] = listBackupsIn(dir, 'primary').map((b) => ({
    fileName: b.fileName,
    createdAt: b.createdAt,
    size: b.size,
    ...checkRecoveryBackup(path.join(dir, b.fileName), rec?.deskId ?? null),
  }));
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(fault.params ?? {})) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  return {
    fault: { kind: fault.kind, messageKey: fault.messageKey, params },
    dataDir,
    lastKnownHead: rec ? { seq: rec.seq, hash: rec.hash, deskId: rec.deskId } : null,
    backups,
    restorable: restorableKinds.has(fault.kind),
  };
}

// ---- who may restore ----------------------------------------------------------

interface Attempts {
  [login: string]: { failures: number; lockedUntil: number | null };
}

function readAttempts(dataDir: string): Attempts {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(dataDir, attemptsFileName), 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Attempts) : {};
  } catch {
    return {};
  }
}

function writeAttempts(dataDir: string, a: Attempts): void {
  const file = path.join(dataDir, attemptsFileName);
  try {
    if (Object.keys(a).length === 0) fs.rmSync(file, { force: true });
    else {
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(a));
      fs.renameSync(`${file}.tmp`, file);
    }
  } catch {
    // A folder we cannot write: the delays still hold for this process (kept in memory by the caller).
  }
}

const dummyHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

interface BackupAdmin {
  id: number;
  login: string;
  displayName: string;
  roles: UserRole[];
  personId: number | null;
}

/**
 * Checks `login`/`password` against the backup's own user table: an active
 * administrator, or null. Opens the backup read-only; never writes to it.
 */
export function adminOfBackup(file: string, login: string, password: string): BackupAdmin | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare('SELECT id, login, password_hash, display_name, roles, person_id, active FROM users WHERE login = ?')
      .get(login) as
      | { id: number; login: string; password_hash: string; display_name: string; roles: string; person_id: number | null; active: number }
      | undefined;
    // Verify even for unknown logins so the answer takes the same time.
    const ok = verifyPassword(password, row?.password_hash ?? dummyHash);
    if (!row || !ok || row.active !== 1) return null;
    const roles = JSON.parse(row.roles) as UserRole[];
    if (!roles.includes('admin')) return null;
    return { id: row.id, login: row.login, displayName: row.display_name, roles, personId: row.person_id };
  } finally {
    db.close();
  }
}

// ---- the API --------------------------------------------------------------------

export interface RecoveryOptions {
  dataDir: string;
  fault: StoreFault;
  clock?: Clock;
  /** Starts the real desk on the restored store (boot.ts's boot, passed in to avoid a cycle). */
  boot(opts: { dataDir: string; clock?: Clock }): BootedDesk | { core: null; fault: StoreFault };
}

export function startRecovery(opts: RecoveryOptions): RecoveryApi {
  const dataDir = path.resolve(opts.dataDir);
  const clock = opts.clock ?? systemClock;
  const events = new EventBus();
  let desk: BootedDesk | null = null;
  let restoring = false;
  const listeners: ((b: BootedDesk) => void)[] = [];
  const memoryAttempts: Attempts = {};

  const attempts = (): Attempts => ({ ...memoryAttempts, ...readAttempts(dataDir) });

  async function restore(rawInput: unknown): Promise<RecoveryRestoreResult> {
    const parsed = recoveryInputs['recovery.restore'].safeParse(rawInput ?? {});
    if (!parsed.success) throw new DomainError('VALIDATION', 'errors.VALIDATION', { issues: toFieldIssues(parsed.error) });
    const input = parsed.data;
    if (desk || restoring) throw new DomainError('CONFLICT', 'recovery.errors.notInRecovery');
    if (!restorableKinds.has(opts.fault.kind)) throw new DomainError('CONFLICT', 'recovery.errors.notRestorable');
    const now = clock.now();
    const all = attempts();
    const mine = all[input.login] ?? { failures: 0, lockedUntil: null };
    if (mine.lockedUntil && mine.lockedUntil > now) {
      throw new DomainError('RATE_LIMITED', 'errors.RATE_LIMITED', { seconds: Math.ceil((mine.lockedUntil - now) / 1000) });
    }
    const dir = primaryBackupDir(dataDir);
    const file = path.join(dir, input.fileName);
    if (!fs.existsSync(file)) throw new DomainError('NOT_FOUND', 'trust.errors.backupNotFound');
    let admin: BackupAdmin | null;
    try {
      admin = adminOfBackup(file, input.login, input.password);
    } catch {
      throw new DomainError('CONFLICT', 'trust.errors.backupUnreadable');
    }
    if (!admin) {
      const failures = mine.failures + 1;
      const delay = lockoutDelayMs(failures);
      all[input.login] = { failures, lockedUntil: delay > 0 ? now + delay : null };
      memoryAttempts[input.login] = all[input.login]!;
      writeAttempts(dataDir, all);
      throw new DomainError('BAD_CREDENTIALS', 'recovery.errors.notAdmin');
    }
    const rec = readRecordedHead(dataDir);
    const check = checkRecoveryBackup(file, rec?.deskId ?? null);
    if (!check.ok) throw new DomainError('CONFLICT', check.problemKey ?? 'trust.errors.backupUnreadable', check.problemParams ?? undefined);

    restoring = true;
    try {
      delete all[input.login];
      delete memoryAttempts[input.login];
      writeAttempts(dataDir, all);
      const out = restoreFileIntoFolder(dataDir, file);
      const started = opts.boot({ dataDir, clock });
      if (!started.core) throw new DomainError('CONFLICT', started.fault.messageKey, started.fault.params);
      const lostRows = rec && rec.seq > out.verify.head.seq ? rec.seq - out.verify.head.seq : 0;
      try {
        started.core.events.subscribe((e) => events.emit(e));
        // Written into the restored desk by the administrator who confirmed it: from what, and where the damaged file went.
        const session: Session = {
          id: 'recovery',
          userId: admin.id,
          login: admin.login,
          displayName: admin.displayName,
          roles: admin.roles,
          personId: admin.personId,
          locked: false,
          lastActiveAt: now,
        };
        const written: AuditEvent[] = [];
        transact(started.core, { session, label: 'recovery.restore', written }, (w) =>
          w.audit({
            action: 'backup.restore',
            entity: 'backup',
            entityId: input.fileName,
            before: { fault: opts.fault.kind, lastKnownHeadSeq: rec?.seq ?? null, lastKnownHeadHash: rec?.hash ?? null },
            after: {
              mode: 'recovery',
              fileName: input.fileName,
              headSeq: out.verify.head.seq,
              headHash: out.verify.head.hash,
              chainOk: out.verify.ok,
              damagedCopy: out.damagedCopy ? path.basename(out.damagedCopy) : null,
              lostRows,
            },
          }),
        );
        started.core.events.emit({ type: 'changed', entities: ['backup'], seq: written[written.length - 1]?.seq ?? 0 });
      } catch (e) {
        started.stop();
        throw e;
      }
      desk = started;
      for (const fn of listeners) fn(started);
      return { restored: input.fileName, damagedCopy: out.damagedCopy, headSeq: out.verify.head.seq, lostRows, started: true };
    } finally {
      restoring = false;
    }
  }

  async function recoveryCall(method: string, input: unknown): Promise<unknown> {
    if (firstIllFormedPath(input) !== null)
      throw new DomainError('VALIDATION', 'errors.illFormedText', { field: firstIllFormedPath(input) || '(input)' });
    if (method === 'recovery.status') {
      const parsed = recoveryInputs['recovery.status'].safeParse(input ?? {});
      if (!parsed.success) throw new DomainError('VALIDATION', 'errors.VALIDATION', { issues: toFieldIssues(parsed.error) });
      return recoveryStatus(dataDir, opts.fault);
    }
    return restore(input);
  }

  return {
    mode: 'recovery',
    core: { events, clock },
    async call(method: string, input: unknown, conn: Connection): Promise<ApiResult<unknown>> {
      if (desk) {
        if (isRecoveryMethod(method)) return { ok: false, error: toApiError(new DomainError('CONFLICT', 'recovery.errors.notInRecovery')) };
        return desk.api.call(method, input, conn);
      }
      if (!isRecoveryMethod(method)) {
        return { ok: false, error: toApiError(new DomainError('CONFLICT', recoveryRequiredKey, { fault: opts.fault.kind })) };
      }
      try {
        return { ok: true, value: await recoveryCall(method, input) };
      } catch (e) {
        if (e instanceof DomainError) return { ok: false, error: toApiError(e) };
        console.error(`[dutydesk recovery] ${method} failed: ${String((e as Error)?.message ?? e).slice(0, 300)}`);
        return { ok: false, error: toApiError(new DomainError('INTERNAL')) };
      }
    },
    booted: () => desk,
    onBooted(fn) {
      listeners.push(fn);
    },
    stop() {
      desk?.stop();
    },
  };
}
