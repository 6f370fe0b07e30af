/**
 * SIGKILL of the hub process during ingest loses no acknowledged event and
 * duplicates none, on both engines. (The bench runs 50 kills: `hub_kill_loop_lost`.)
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { engineKinds, useHubTestEnv } from './env';
import { runKillLoop } from './kill-loop';

const env = useHubTestEnv();
const kills = Number(process.env.HUB_TEST_KILLS ?? 6);

describe.each(engineKinds)('the hub killed during ingest on the %s engine', (kind) => {
  beforeEach((ctx) => {
    if (kind === 'pg' && env.pgSkipped) ctx.skip();
  });

  it(`${kills} SIGKILLs: 0 acknowledged events lost, 0 duplicated, every chain still verifies`, async () => {
    const hubDir = env.tempDir();
    const target = kind === 'pg' ? await env.freshTarget('pg') : { dataDir: path.join(hubDir, 'pgdata') };
    const r = await runKillLoop({ hubDir, target, kills });
    console.log(`kill loop (${kind}): ${JSON.stringify(r)}`);
    expect(r.acked).toBeGreaterThan(0); // the kills did land during ingest
    expect(r).toMatchObject({ kills, lost: 0, duplicated: 0, chainFailures: 0 });
    expect(r.rowsStored).toBeGreaterThanOrEqual(r.acked);
  }, 300_000);
});
