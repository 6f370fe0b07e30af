/**
 * Opening the store when something is wrong with it, and saying so.
 *
 * `openCoreSafely` wraps `new Core(...)` for the Electron main process and the
 * browser host. Every failure becomes a `StoreFault` with a translation key
 * and, where data can still be read, a core opened read-only: a locked file,
 * a read-only folder, a damaged file, a newer schema, a full disk, or a store
 * that lost its newest writes (a deleted `-wal`, an old copy put in place) —
 * detected against `chain-head.json`, the head the desk last acknowledged.
 * Writes are refused in every case; the message says what to do, usually
 * "restore a backup".
 */
import { classifyStoreError, type StoreFault } from '../store/faults';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditHead } from '../audit/chain';
import { readRecordedHead, writeRecordedHead, writeRecordedHeadAsync, type RecordedHead } from '../audit/chain-head';
import { swapStore } from "../backup/restore";
import { Core, type CoreOptions } from '../core';
import { dbFileName, type OpenedStore } from '../store/connection';
import { listBackupsIn, primaryBackupDir } from '../backup/service';

function folderWritable(dir: string): boolean {
  try {
    const probe = path.join(dir, `.dutydesk-write-probe-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

export interface ChainHeadTracker {
  /** Stops tracking, recording the newest head synchronously first. */
  (): void;
  /** Writes the newest committed head now (no waiting for the interval) and resolves when it is on disk. */
  flush(): Promise<void>;
}

/**
 * Keeps `chain-head.json` at the newest committed seq, off the request path
 * and at most once per `minIntervalMs`: a commit only marks the record stale;
 * a timer then reads the head and writes it asynchronously. A synchronous
 * write + rename per mutation cost ~0.3 ms here — more than the commit — and
 * its journal traffic slowed the next commit's fsync. A record that lags only
 * errs low: it may miss the lost writes of the last second, never raise a
 * false alarm. Stopping (quit) writes the newest head synchronously.
 */
export function trackChainHead(core: Core, opts: { minIntervalMs?: number } = {}): ChainHeadTracker {
  const minInterval = opts.minIntervalMs ?? 1000;
  let stale = false;
  let lastWrite = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> | null = null;
  const current = (): RecordedHead | null => {
    if (core.readOnly || !core.db.open) return null;
    const head = auditHead(core.db);
    return { deskId: core.deskId(), seq: head.seq, hash: head.hash };
  };
  const writeNow = async (): Promise<void> => {
    stale = false;
    lastWrite = Date.now();
    const head = current();
    writing = head ? writeRecordedHeadAsync(core.dataDir, head) : Promise.resolve();
    try {
      await writing;
    } finally {
      writing = null;
    }
    if (stale) schedule();
  };
  const schedule = (): void => {
    if (timer || writing) return; // a write in flight reschedules itself when it ends
    timer = setTimeout(
      () => {
        timer = null;
        void writeNow();
      },
      Math.max(0, lastWrite + minInterval - Date.now()),
    );
    timer.unref?.();
  };
  const off = core.events.subscribe((e) => {
    if (e.type !== 'changed') return;
    stale = true;
    schedule();
  });
  const stop = (() => {
    off();
    if (timer) clearTimeout(timer);
    timer = null;
    const head = current();
    if (head && (stale || writing)) writeRecordedHead(core.dataDir, head);
    stale = false;
  }) as ChainHeadTracker;
  stop.flush = async () => {
    while (writing) await writing;
    if (timer) clearTimeout(timer);
    timer = null;
    if (stale) await writeNow();
    while (writing) await writing;
  };
  return stop;
}

/** Compares the open store with the recorded head; a fault when the store lost acknowledged writes. */
export function checkAgainstRecordedHead(core: Core): StoreFault | null {
  const rec = readRecordedHead(core.dataDir);
  if (!rec || core.deskId() === null || (rec.deskId && rec.deskId !== core.deskId())) return null;
  const head = auditHead(core.db);
  if (head.seq < rec.seq) {
    return { kind: 'behind', messageKey: 'trust.fault.behind', params: { expected: rec.seq, found: head.seq }, detail: `head ${head.seq} < recorded ${rec.seq}` };
  }
  const at = core.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(rec.seq) as { hash: string } | undefined;
  if (rec.seq > 0 && at && at.hash !== rec.hash) {
    return { kind: 'behind', messageKey: 'trust.fault.behind', params: { expected: rec.seq, found: head.seq }, detail: `hash at ${rec.seq} differs` };
  }
  return null;
}

/** Reopens the core's own file read-only and marks why. */
function makeReadOnly(core: Core, reasonKey: string, params?: Record<string, string | number>): void {
  const file = path.join(core.dataDir, dbFileName);
  core.close();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const store: OpenedStore = { db, file, readOnly: true, readOnlyReasonKey: reasonKey, readOnlyReasonParams: params, migration: null };
  swapStore(core, store);
}

export interface SafeOpen {
  core: Core | null;
  fault: StoreFault | null;
}

/**
 * Opens the store, never throwing. Read-only cases still give a core so the
 * desk can show its records, export them and offer a restore.
 */
export function openCoreSafely(opts: CoreOptions): SafeOpen {
  const dataDir = path.resolve(opts.dataDir);
  const file = path.join(dataDir, dbFileName);
  // A deleted or emptied database beside the desk's own traces must not become a new, empty desk at first-run setup.
  const missing = missingStore(dataDir, file);
  if (missing) return { core: null, fault: missing };
  let core: Core;
  try {
    core = new Core(opts);
  } catch (e) {
    const fault = classifyStoreError(e);
    if (fault.kind === 'readOnlyFolder' && fs.existsSync(file) && !folderWritable(dataDir)) {
      return { core: openReadOnlyCopy(opts, file), fault };
    }
    if (fault.kind === 'unknown' && !folderWritable(dataDir)) return { core: null, fault: { ...classifyStoreError({ code: 'EROFS', message: fault.detail }) } };
    // Not even read-only: say how to restore without the app (npm run restore).
    if (fault.kind === 'damaged') return { core: null, fault: { ...fault, messageKey: 'trust.fault.unopenable', params: { dataDir, latest: latestBackupName(dataDir) } } };
    return { core: null, fault };
  }
  if (!core.readOnly && !folderWritable(dataDir)) {
    // The folder became read-only after a crash (its -wal and -shm still there): SQLite opens, but every
    // write — the login's audit row first — would fail. Read a private copy instead, with the banner.
    core.close();
    return { core: openReadOnlyCopy(opts, file), fault: classifyStoreError({ code: 'EROFS', message: 'data folder not writable' }) };
  }
  if (core.readOnly) {
    return { core, fault: { kind: 'damaged', messageKey: core.store.readOnlyReasonKey ?? 'store.damaged', detail: 'quick_check failed' } };
  }
  const behind = checkAgainstRecordedHead(core);
  if (behind) {
    // The numbers travel with the key: the banner reads 应到第 N 条，实际只有第 M 条, never with blanks.
    makeReadOnly(core, behind.messageKey, behind.params);
    return { core, fault: behind };
  }
  return { core, fault: null };
}

/**
 * A read-only folder: SQLite cannot even create its `-shm` there. Copy the
 * file (and its `-wal`) to a temp folder and open that copy read-only, so the
 * records can still be read and exported.
 */
function openReadOnlyCopy(opts: CoreOptions, file: string): Core | null {
  try {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dutydesk-readonly-'));
    fs.copyFileSync(file, path.join(tmp, dbFileName));
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, path.join(tmp, `${dbFileName}-wal`));
    const core = new Core({ ...opts, dataDir: tmp });
    makeReadOnly(core, 'trust.fault.readOnlyFolder');
    return core;
  } catch {
    return null;
  }
}

/** The newest `.sqlite` backup in the folder's backups/ (or '—'). */
function latestBackupName(dataDir: string): string {
  try {
    return listBackupsIn(primaryBackupDir(dataDir), 'primary')[0]?.fileName ?? '—';
  } catch {
    return '—';
  }
}

/**
 * The database file is gone or empty while the folder holds the desk's
 * traces (`chain-head.json`, backups): a fault naming the last known head and
 * the newest backup, instead of a silent first-run setup.
 */
export function missingStore(dataDir: string, file: string): StoreFault | null {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    size = -1;
  }
  if (size > 0) return null;
  const rec = readRecordedHead(dataDir);
  const latest = latestBackupName(dataDir);
  if (!rec && latest === '—') return null;
  return {
    kind: 'missing',
    messageKey: 'trust.fault.missing',
    params: { seq: rec?.seq ?? '—', hash: rec ? rec.hash.slice(0, 8) : '—', latest, dataDir },
    detail: size === 0 ? 'database file is empty' : 'database file is missing',
  };
}
