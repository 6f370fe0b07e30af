/**
 * 0060 — one settings store: the roster's and the backups' settings join the
 * `settings` table (store/settings.ts), under the keys they had (`backup.*`)
 * or with their domain's prefix (`roster.rules`). Values are copied as they
 * were stored; a key already present in `settings` is kept.
 */
import type { Migration } from './index';

export const m0060OneSettingsStore: Migration = {
  version: 60,
  name: '0060-one-settings-store',
  up(db) {
    db.exec(`
      INSERT INTO settings (key, value) SELECT 'roster.' || key, value FROM roster_settings WHERE true ON CONFLICT (key) DO NOTHING;
      INSERT INTO settings (key, value) SELECT key, value FROM trust_settings WHERE true ON CONFLICT (key) DO NOTHING;
      DROP TABLE roster_settings;
      DROP TABLE trust_settings;
    `);
  },
};
