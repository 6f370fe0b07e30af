/**
 * A real PostgreSQL (15+) through a `pg` pool.
 */
import pg from 'pg';
import type { Engine, Queryable, QueryResult } from './engine';

// bigint columns (seq) come back as JS numbers: seqs stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
  async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    const r = await c.query(sql, params as unknown[]);
    return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
  },
  async exec(sql: string): Promise<void> {
    await c.query(sql);
  },
});

export async function openPgEngine(connectionString: string, poolSize = 4): Promise<Engine> {
  const pool = new pg.Pool({ connectionString, max: poolSize, application_name: 'dutydesk-hub' });
  // An idle client losing its server (restart) must not crash the hub.
  pool.on('error', (e) => console.error(`hub: PostgreSQL connection error: ${e.message}`));
  const probe = await pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  const version = Number(probe.rows[0]?.v ?? 0);
  if (version < 150000) {
    await pool.end();
    throw new Error(`PostgreSQL ${version} is too old: the hub needs 15 or newer`);
  }
  const top = wrap(pool);
  return {
    kind: 'pg',
    concurrency: poolSize,
    query: top.query,
    exec: top.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
