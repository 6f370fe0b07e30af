/**
 * Opening the store: pragmas, integrity check, migrations.
 *
 * WAL with `synchronous=FULL`: a committed write survives power loss
 * (measured ~0.5 ms per commit here, see ../shared/STACK.md).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, latestVersion, type MigrationOutcome } from './migrations';

export type Db = Database.Database;

export interface OpenedStore {
  db: Db;
  file: string;
  readOnly: boolean;
  /** i18n key explaining why the store is read-only. */
  readOnlyReasonKey: string | null;
  /** Values for the reason's message (the seq expected and found when the store is behind its recorded head). */
  readOnlyReasonParams?: Record<string, string | number>;
  migration: MigrationOutcome | null;
}

export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `数据库版本 ${found} 比本程序支持的版本 ${supported} 更新，请升级 DutyDesk 后再打开。` +
        ` (database schema ${found} is newer than this app supports (${supported}); the file was left untouched)`,
    );
    this.name = 'NewerSchemaError';
  }
}

export const dbFileName = 'dutydesk.sqlite';
export const backupDirName = 'backups';

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Opens (creating if needed) the store in `dataDir`.
 *
 * Refuses a database newer than the app without writing to it; runs
 * `quick_check` and, on failure, reopens read-only so that nothing more is
 * lost while the user restores a backup.
 */
export function openStore(dataDir: string, opts: { backupBeforeMigrate?: boolean } = {}): OpenedStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, dbFileName);
  const exists = fs.existsSync(file);

  if (exists) {
    // Peek read-only first: a newer schema must leave the file byte-identical.
    const peek = new Database(file, { readonly: true, fileMustExist: true });
    let version: number;
    try {
      version = peek.pragma('user_version', { simple: true }) as number;
    } finally {
      peek.close();
    }
    if (version > latestVersion) throw new NewerSchemaError(version, latestVersion);
  }

  let db: Db;
  let healthy: boolean;
  try {
    db = new Database(file);
    applyPragmas(db);
    healthy = db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    // A damaged header or page can make opening or checking throw: treat it as damaged.
    healthy = false;
    db = new Database(file, { readonly: true, fileMustExist: true });
  }
  if (!healthy) {
    if (!db.readonly) db.close();
    const ro = db.readonly ? db : new Database(file, { readonly: true, fileMustExist: true });
    return { db: ro, file, readOnly: true, readOnlyReasonKey: 'store.damaged', migration: null };
  }

  const migration = migrate(db, {
    backup:
      opts.backupBeforeMigrate === false
        ? undefined
        : (from) => {
            const dir = path.join(dataDir, backupDirName);
            fs.mkdirSync(dir, { recursive: true });
            const target = path.join(dir, `pre-migrate-v${from}-${Date.now()}.sqlite`);
            db.exec(`VACUUM INTO '${target.replace(/'/gu, "''")}'`);
            return target;
          },
  });
  return { db, file, readOnly: false, readOnlyReasonKey: null, migration };
}
