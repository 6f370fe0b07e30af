/**
 * Kill loop in the suite: ≥ 200 SIGKILLs (four desks in parallel), 0 lost writes.
 * DUTYDESK_KILLS overrides the count (the bench runs 1,000).
 */
import { describe, expect, it } from 'vitest';
import { buildKillWriter, killLoop } from './fault-killloop';

const kills = Number(process.env.DUTYDESK_KILLS ?? 200);

describe('kill loop', () => {
  it(`survives ${kills} SIGKILLs of a writer without losing an acknowledged write`, async () => {
    const bundle = await buildKillWriter();
    // Four desks side by side: restarts are dominated by process start-up, which overlaps well.
    const lanes = 4;
    const share = (i: number) => Math.floor(kills / lanes) + (i < kills % lanes ? 1 : 0);
    const results = await Promise.all(Array.from({ length: lanes }, (_, i) => killLoop(share(i), { bundle, seed: i + 1 })));
    const total = results.reduce((a, r) => ({
      kills: a.kills + r.kills,
      writing: a.writing + r.killsWhileWriting,
      acked: a.acked + r.acknowledged,
      lost: a.lost + r.lostWrites,
      qc: a.qc + r.quickCheckFailures,
      chain: a.chain + r.chainFailures,
      ro: a.ro + r.readOnlyStarts,
    }), { kills: 0, writing: 0, acked: 0, lost: 0, qc: 0, chain: 0, ro: 0 });
    console.log(`kill loop: ${JSON.stringify(total)} in ${Math.max(...results.map((r) => r.ms))} ms`);
    expect(total.kills).toBe(kills);
    expect(total.lost).toBe(0);
    expect(total.qc).toBe(0);
    expect(total.chain).toBe(0);
    expect(total.ro).toBe(0);
    // The loop must really have killed writers mid-stream, with many acknowledged writes.
    expect(total.writing).toBeGreaterThan(kills / 2);
    expect(total.acked).toBeGreaterThan(kills);
  }, 900_000);
});
