/**
 * The one set of migrations runs on both engines, once, tracked in
 * hub_migrations; a database from a newer hub is refused; a PGlite data
 * folder reopens with its data.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedEngine } from '../../hub/db/embedded-engine';
import { migrate, migrations, schemaVersion } from '../../hub/db/migrate';
import { engineKinds, useHubTestEnv } from './env';

const env = useHubTestEnv();

describe.each(engineKinds)('migrations on the %s engine', (kind) => {
  beforeEach((ctx) => {
    if (kind === 'pg' && env.pgSkipped) ctx.skip();
  });

  it('apply once, are tracked, and refuse a database newer than the hub', async () => {
    const engine = await env.freshEngine(kind);
    try {
      expect(await migrate(engine)).toEqual(migrations.map((m) => m.version));
      expect(await migrate(engine)).toEqual([]);
      const tracked = await engine.query<{ version: number }>('SELECT version FROM hub_migrations ORDER BY version');
      expect(tracked.rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
      expect(tracked.rows.at(-1)?.version).toBe(schemaVersion);
      const tables = await engine.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
      expect(tables.rows.map((r) => r.t)).toEqual(['audit_events', 'chain_keys', 'checkpoints', 'desk_heads', 'desk_keys', 'desks', 'down_messages', 'enrol_codes', 'hub_migrations', 'hub_settings', 'hub_users', 'request_nonces']);
      await engine.query("INSERT INTO hub_migrations (version, name) VALUES (9990, 'from the future')");
      await expect(migrate(engine)).rejects.toThrow(/newer than this hub/u);
    } finally {
      await engine.close();
    }
  });

  it('upgrade a hub at 0010 to the latest with its desks kept', async () => {
    const engine = await env.freshEngine(kind);
    try {
      expect(await migrate(engine, migrations.slice(0, 1))).toEqual([10]);
      await engine.query("INSERT INTO desks (desk_id, unit_name, enrolled_at) VALUES ('d-1', '城关镇', now())");
      expect(await migrate(engine)).toEqual([20, 30]);
      const d = await engine.query<{ unit_name: string; last_seen_at: Date | null }>('SELECT unit_name, last_seen_at FROM desks');
      expect(d.rows).toEqual([{ unit_name: '城关镇', last_seen_at: null }]);
    } finally {
      await engine.close();
    }
  });

  it('upgrade a hub at 0020 to 0030: its messages kept, report rules can be sent, the views’ index covers petitions', async () => {
    const engine = await env.freshEngine(kind);
    try {
      expect(await migrate(engine, migrations.slice(0, 2))).toEqual([10, 20]);
      await engine.query("INSERT INTO down_messages (kind, targets, payload, sent_at, sent_by) VALUES ('check', NULL, '{}', now(), 'chief')");
      await expect(engine.query("INSERT INTO down_messages (kind, targets, payload, sent_at, sent_by) VALUES ('reportRules', NULL, '{}', now(), 'chief')")).rejects.toThrow();
      expect(await migrate(engine)).toEqual([30]);
      await engine.query("INSERT INTO down_messages (kind, targets, payload, sent_at, sent_by) VALUES ('reportRules', NULL, '{}', now(), 'chief')");
      await expect(engine.query("INSERT INTO down_messages (kind, targets, payload, sent_at, sent_by) VALUES ('script', NULL, '{}', now(), 'chief')")).rejects.toThrow();
      expect((await engine.query<{ kind: string }>('SELECT kind FROM down_messages ORDER BY version')).rows.map((r) => r.kind)).toEqual(['check', 'reportRules']);
      const def = await engine.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE indexname = 'audit_events_view'");
      expect(def.rows[0]?.indexdef).toContain('petition.void');
      expect(def.rows[0]?.indexdef).toContain('hubRules.apply');
    } finally {
      await engine.close();
    }
  });

  it('roll a failing step back whole', async () => {
    const engine = await env.freshEngine(kind);
    try {
      const broken = [...migrations, { version: 9000, name: 'broken', sql: 'CREATE TABLE ok_table (x int); SELECT no_such_column FROM desks;' }];
      await expect(migrate(engine, broken)).rejects.toThrow();
      const t = await engine.query("SELECT 1 FROM information_schema.tables WHERE table_name IN ('ok_table', 'desks')");
      expect(t.rows).toEqual([]);
    } finally {
      await engine.close();
    }
  });
});

describe('the embedded data folder', () => {
  it('keeps the stream across a reopen', async () => {
    const dir = path.join(env.tempDir(), 'pgdata');
    const a = await openEmbeddedEngine(dir);
    await migrate(a);
    await a.query("INSERT INTO desks (desk_id, unit_name, enrolled_at) VALUES ('d-1', '城关镇', now())");
    await a.close();
    const b = await openEmbeddedEngine(dir);
    try {
      expect(await migrate(b)).toEqual([]);
      expect((await b.query<{ unit_name: string }>('SELECT unit_name FROM desks')).rows).toEqual([{ unit_name: '城关镇' }]);
    } finally {
      await b.close();
    }
  });
});
