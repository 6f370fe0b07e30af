/**
 * Every hub test runs on both engines: the embedded PGlite (a temp data
 * folder) and a real PostgreSQL (a throw-away cluster per test file). When
 * the PostgreSQL binaries are missing the pg cases are skipped with the
 * reason printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Engine, EngineKind } from '../../hub/db/engine';
import { openEmbeddedEngine } from '../../hub/db/embedded-engine';
import { openPgEngine } from '../../hub/db/pg-engine';
import { startPgCluster, type PgCluster } from './pg-cluster';

export const engineKinds: readonly EngineKind[] = ['embedded', 'pg'];

export interface HubTestEnv {
  /** Why the pg cases are skipped, or null. */
  readonly pgSkipped: string | null;
  /** A fresh, empty database on the engine (a new PGlite folder, or a new PostgreSQL database). */
  freshEngine(kind: EngineKind): Promise<Engine>;
  /** A fresh database URL on the cluster (pg), or a fresh data folder (embedded): for child processes. */
  freshTarget(kind: EngineKind): Promise<{ database: string } | { dataDir: string }>;
  tempDir(): string;
}

let counter = 0;

export function useHubTestEnv(): HubTestEnv {
  let cluster: PgCluster | null = null;
  let skipped: string | null = null;
  const dirs: string[] = [];
  const tempDir = (): string => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-'));
    dirs.push(d);
    return d;
  };
  beforeAll(async () => {
    const c = await startPgCluster();
    if ('skipped' in c) {
      skipped = c.skipped;
      console.warn(`hub tests: PostgreSQL cases skipped — ${c.skipped}`);
    } else cluster = c;
  });
  afterAll(() => {
    cluster?.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const freshTarget = async (kind: EngineKind): Promise<{ database: string } | { dataDir: string }> => {
    if (kind === 'embedded') return { dataDir: path.join(tempDir(), 'pgdata') };
    if (!cluster) throw new Error(`no PostgreSQL: ${skipped ?? 'not started'}`);
    counter += 1;
    return { database: await cluster.createDatabase(`hubtest_${process.pid}_${counter}`) };
  };
  return {
    get pgSkipped() {
      return skipped;
    },
    async freshEngine(kind) {
      const t = await freshTarget(kind);
      return 'database' in t ? openPgEngine(t.database, 4) : openEmbeddedEngine(t.dataDir);
    },
    freshTarget,
    tempDir,
  };
}
