/**
 * 0040 — schema of the trust domain: the desk's signing keys and trust settings.
 *
 * Checkpoints are audit rows (`audit.checkpoint`), backups are files with a
 * JSON sidecar, integrity results a JSON file: all three must stay readable
 * when this database is the thing that is damaged.
 */
import type { Migration } from './index';

export const m0040Trust: Migration = {
  version: 40,
  name: '0040-trust',
  up(db) {
    db.exec(`
      -- Public halves of the desk's Ed25519 signing keys; the private key is a file in the data folder (mode 0600).
      CREATE TABLE trust_keys (
        id           INTEGER PRIMARY KEY,
        fingerprint  TEXT NOT NULL UNIQUE,
        public_key   TEXT NOT NULL,
        created_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE trust_settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
