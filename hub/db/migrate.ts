/**
 * Schema migrations, the same SQL on both engines.
 *
 * Numbered in steps of 10 and tracked in `hub_migrations`. All pending steps
 * run in one transaction under an advisory lock (two hubs starting on one
 * database do not race); a database migrated by a newer hub is refused.
 */
import type { Engine } from './engine';
import { migration0010 } from './migrations/0010-stream';
import { migration0020 } from './migrations/0020-downward';
import { migration0030 } from './migrations/0030-petitions-rules';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [migration0010, migration0020, migration0030];
export const schemaVersion = migrations[migrations.length - 1]!.version;

/** Arbitrary constant for pg_advisory_xact_lock: "DDHB". */
const lockKey = 0x44444842;

/** Applies pending migrations; returns the versions applied. */
export async function migrate(engine: Engine, list: readonly Migration[] = migrations): Promise<number[]> {
  const latest = list[list.length - 1]?.version ?? 0;
  return engine.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    await tx.query('CREATE TABLE IF NOT EXISTS hub_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = await tx.query<{ version: number }>('SELECT version FROM hub_migrations ORDER BY version');
    const have = new Set(done.rows.map((r) => r.version));
    const newest = Math.max(0, ...have);
    if (newest > latest) throw new Error(`the hub database is at schema ${newest}, newer than this hub (${latest}): upgrade the hub`);
    const applied: number[] = [];
    for (const m of list) {
      if (have.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO hub_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
