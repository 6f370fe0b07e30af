/**
 * The embedded engine: PGlite (PostgreSQL in WASM) on a data folder.
 *
 * Nothing to install; one connection, so transactions run one at a time.
 * PGlite runs with fsync off (STACK.md): a SIGKILL loses nothing the OS has
 * received, a power cut may lose the last commits — acceptable for a hub,
 * whose every row can be re-sent by the desks (their SQLite is the source
 * of truth, and replay is idempotent).
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Engine, Queryable, QueryResult } from './engine';

interface PgliteLike {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

const wrap = (c: PgliteLike): Queryable => ({
  async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    const r = await c.query<R>(sql, [...params]);
    return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
  },
  async exec(sql: string): Promise<void> {
    await c.exec(sql);
  },
});

// bigint (OID 20) as a JS number, as on the pg engine.
const parsers = { 20: (v: string) => Number(v) };

/** Opens (creating when absent) the PGlite cluster in `dataDir`. */
export async function openEmbeddedEngine(dataDir: string): Promise<Engine> {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { parsers });
  const top = wrap(db);
  return {
    kind: 'embedded',
    concurrency: 1,
    query: top.query,
    exec: top.exec,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
