/**
 * A per-connection cache of small configuration values read on every call
 * (the desk's time zone, the idle-lock minutes).
 *
 * Invalidation is explicit and coarse: every function that writes the `desk`
 * or `settings` table calls `invalidateConfig(db)` as it writes, and the write
 * path (`write.ts`) calls it again whenever a transaction fails to commit, so
 * a value read inside a transaction that rolled back never survives it. A
 * restored store is a new connection, hence a new, empty cache.
 */
import type { Db } from './connection';

const caches = new WeakMap<Db, Map<string, unknown>>();

export function cachedConfig<T>(db: Db, key: string, load: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = load();
  cache.set(key, value);
  return value;
}

export function invalidateConfig(db: Db): void {
  caches.get(db)?.clear();
}
