/**
 * Prepared-statement cache: `stmt(db, sql)` prepares each SQL text once per
 * connection (preparing costs tens of microseconds; hot paths call it often).
 */
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

/** Drops keys whose value is `undefined`, so `{ ...current, ...defined(patch) }` never blanks a column. */
export function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A LIKE pattern matching `query` anywhere, its own `\`, `%` and `_` escaped (use with `ESCAPE '\'`). */
export const likePattern = (query: string): string => `%${query.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;

/**
 * A text search over several columns: `(a LIKE ? ESCAPE '\' OR b LIKE ? …)` and
 * its parameters. Column names come from the caller's code, never from input.
 */
export function likeAny(columns: readonly string[], query: string): { sql: string; params: string[] } {
  const like = likePattern(query);
  return { sql: `(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`, params: columns.map(() => like) };
}

/**
 * The next register number of a year, `<prefix><year>-<n>`: SW2026-0001,
 * DB2026-001, XF2026-0001, 2026-0001 … (`table` and `prefix` are the caller's
 * constants; the prefix holds only ASCII letters).
 */
export function nextYearNo(db: Database.Database, table: string, prefix: string, year: string, width: number): string {
  const r = stmt(db, `SELECT max(CAST(substr(no, ${prefix.length + 6}) AS INTEGER)) AS n FROM ${table} WHERE no LIKE ? || '-%'`).get(`${prefix}${year}`) as { n: number | null };
  return `${prefix}${year}-${String((r.n ?? 0) + 1).padStart(width, '0')}`;
}
