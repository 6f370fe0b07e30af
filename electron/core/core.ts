/**
 * The core: one open store plus the clock, sessions and event bus.
 *
 * Runs under plain Node. Electron's main process and the browser host each
 * create one and hand it to their transport.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openStore, type Db, type OpenedStore, backupDirName } from './store/connection';
import { latestVersion } from './store/migrations';
import { stmt } from './store/stmt';
import { systemClock, type Clock } from './clock';
import { EventBus } from './events';
import { SessionStore } from './sessions';

export const appVersion = '0.1.0';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  /** Wall clock for idle locking; tests inject one. */
  wallNow?: () => number;
}

export class Core {
  db: Db;
  store: OpenedStore;
  readonly clock: Clock;
  readonly events = new EventBus();
  readonly sessions: SessionStore;
  readonly dataDir: string;
  private cachedDeskId: string | null = null;

  constructor(opts: CoreOptions) {
    this.dataDir = path.resolve(opts.dataDir);
    this.store = openStore(this.dataDir);
    this.db = this.store.db;
    this.clock = opts.clock ?? systemClock;
    this.sessions = new SessionStore(opts.wallNow);
  }

  get readOnly(): boolean {
    return this.store.readOnly;
  }

  get schemaVersion(): number {
    return this.store.readOnly ? (this.db.pragma('user_version', { simple: true }) as number) : latestVersion;
  }

  /** The desk's id, or null before first-run setup. */
  deskId(): string | null {
    if (this.cachedDeskId) return this.cachedDeskId;
    const row = stmt(this.db, 'SELECT desk_id FROM desk WHERE id = 1').get() as { desk_id: string } | undefined;
    // Never cache inside a transaction: a rolled-back setup must not leave a desk id behind.
    if (!this.db.inTransaction) this.cachedDeskId = row?.desk_id ?? null;
    return row?.desk_id ?? null;
  }

  latestBackup(): string | null {
    const dir = path.join(this.dataDir, backupDirName);
    if (!fs.existsSync(dir)) return null;
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sqlite'))
      .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    return files[0]?.f ?? null;
  }

  /** Puts another opened store in place of the current one (restore, read-only fallback). */
  replaceStore(store: OpenedStore): void {
    if (this.db.open && this.db !== store.db) this.db.close();
    this.store = store;
    this.db = store.db;
    this.cachedDeskId = null;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
