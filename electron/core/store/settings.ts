/**
 * Desk settings: typed defaults, stored as JSON values per key.
 *
 * Read fresh (a few rows), except the idle-lock minutes that every API call
 * needs: those come from the per-connection config cache, which every write
 * to `settings` invalidates (see db/config-cache.ts).
 */
import { stmt } from './stmt';
import { cachedConfig, invalidateConfig } from './config-cache';
import type { Db } from './connection';
import type { Settings } from '../../../shared/contract';

export const defaultSettings: Settings = {
  idleLockMinutes: 10,
  theme: 'auto',
  language: 'zh-CN',
};

export function getSettings(db: Db): Settings {
  const rows = stmt(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const out: Record<string, unknown> = { ...defaultSettings };
  for (const r of rows) if (r.key in defaultSettings) out[r.key] = JSON.parse(r.value);
  return out as Settings;
}

/** Writes the given keys; the caller audits. Returns the settings before and after. */
export function writeSettings(db: Db, patch: Partial<Settings>): { before: Settings; after: Settings } {
  const before = getSettings(db);
  invalidateConfig(db);
  const upsert = stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) upsert.run(k, JSON.stringify(v));
  return { before, after: getSettings(db) };
}

/** The idle-lock minutes alone: read on every API call, so cached until `settings` is written. */
export function idleLockMinutes(db: Db): number {
  return cachedConfig(db, 'idleLockMinutes', () => {
    const row = stmt(db, "SELECT value FROM settings WHERE key = 'idleLockMinutes'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as number) : defaultSettings.idleLockMinutes;
  });
}
