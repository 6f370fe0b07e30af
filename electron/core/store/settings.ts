/**
 * The one settings store: every setting of every domain is a key of the
 * `settings` table holding a JSON value, read through its zod schema with its
 * default, written with before/after for the caller's audit row.
 *
 * A domain declares its settings with `defineSetting` next to its service
 * (incidents/settings.ts, backup/service.ts, roster/db.ts); the platform's own
 * (idle lock, theme, language) are below. A stored value that no longer
 * parses (an older or hand-edited file) reads as the default, never as an
 * error. Values read on every API call are `cached` in the per-connection
 * config cache, which every write here invalidates (store/config-cache.ts).
 */
import { z } from 'zod';
import { stmt } from './stmt';
import { cachedConfig, invalidateConfig } from './config-cache';
import type { Db } from './connection';
import { settingsSchema, type Settings } from '../../../shared/contract/desk';

export interface Setting<T> {
  key: string;
  schema: z.ZodType<T>;
  default: T;
  /** Read on hot paths: kept in the config cache until a settings write. */
  cached: boolean;
}

/** Declares a setting: its key in the `settings` table, its schema and its default. */
export const defineSetting = <T>(key: string, schema: z.ZodType<T>, dflt: T, opts: { cached?: boolean } = {}): Setting<T> => ({
  key,
  schema,
  default: dflt,
  cached: opts.cached ?? false,
});

function load<T>(db: Db, s: Setting<T>): T {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(s.key) as { value: string } | undefined;
  if (!row) return s.default;
  let raw: unknown;
  try {
    raw = JSON.parse(row.value);
  } catch {
    return s.default;
  }
  const parsed = s.schema.safeParse(raw);
  return parsed.success ? parsed.data : s.default;
}

/** The setting's stored value, or its default. */
export function readSetting<T>(db: Db, s: Setting<T>): T {
  return s.cached ? cachedConfig(db, `setting:${s.key}`, () => load(db, s)) : load(db, s);
}

/**
 * Stores a value (validated again here: a wrong value is a bug, not input);
 * returns before and after for the audit row. The caller audits.
 */
export function writeSetting<T>(db: Db, s: Setting<T>, value: T): { before: T; after: T } {
  const before = readSetting(db, s);
  const checked = s.schema.parse(value);
  invalidateConfig(db);
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    s.key,
    JSON.stringify(checked),
  );
  return { before, after: readSetting(db, s) };
}

/** Several settings read together as one object (a settings panel). */
export type SettingGroup<T> = { [K in keyof T]: Setting<T[K]> };

export function readGroup<T>(db: Db, group: SettingGroup<T>): T {
  const out = {} as T;
  for (const k of Object.keys(group) as (keyof T)[]) out[k] = readSetting(db, group[k]);
  return out;
}

/** The defaults of a group (what a desk that never saved a value reads). */
export function groupDefaults<T>(group: SettingGroup<T>): T {
  const out = {} as T;
  for (const k of Object.keys(group) as (keyof T)[]) out[k] = group[k].default;
  return out;
}

/** Writes the given members of a group; returns the whole group before and after. */
export function writeGroup<T>(db: Db, group: SettingGroup<T>, patch: Partial<T>): { before: T; after: T } {
  const before = readGroup(db, group);
  for (const k of Object.keys(patch) as (keyof T)[]) {
    const v = patch[k];
    if (v !== undefined) writeSetting(db, group[k], v as T[keyof T]);
  }
  return { before, after: readGroup(db, group) };
}

// ───────────────────────── the platform's own settings ─────────────────────────

const shape = settingsSchema.shape;

/** Preferences (设置 → 偏好): the idle lock (read on every API call), theme and language. */
export const preferences: SettingGroup<Settings> = {
  idleLockMinutes: defineSetting('idleLockMinutes', shape.idleLockMinutes.unwrap(), 10, { cached: true }),
  theme: defineSetting('theme', shape.theme.unwrap(), 'auto'),
  language: defineSetting('language', shape.language.unwrap(), 'zh-CN'),
  defaultLogKind: defineSetting('log.defaultKind', shape.defaultLogKind.unwrap(), 'incoming_call'),
};

export const defaultSettings: Settings = groupDefaults(preferences);

export const getSettings = (db: Db): Settings => readGroup(db, preferences);

/** Writes the given keys; the caller audits. Returns the settings before and after. */
export const writeSettings = (db: Db, patch: Partial<Settings>): { before: Settings; after: Settings } =>
  writeGroup(db, preferences, patch);

/** The idle-lock minutes alone: read on every API call, so cached until a settings write. */
export const idleLockMinutes = (db: Db): number => readSetting(db, preferences.idleLockMinutes);
