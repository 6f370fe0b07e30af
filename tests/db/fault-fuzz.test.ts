/**
 * Fuzz every API method (≥ 1,000 runs per method in the suite), each on a
 * fresh copy of a populated desk so one method's writes do not slow the next.
 * Since issue 12 about half the inputs are valid (generated from the schema,
 * with ids and versions from the desk): every method must accept some, and
 * after each accepted call the chain verifies and the records reconcile.
 */
import { describe, expect, it } from 'vitest';
import { FuzzHarness, methodNames } from './fault-harness';
import { awaitingFixtures } from '../helpers/fuzz-awaiting';

const runsPerMethod = Number(process.env.DUTYDESK_FUZZ_RUNS ?? 1000);

/**
 * Methods merged after issue 12 whose rows the fuzz desk (fuzz-desk.ts) does
 * not create yet, so their valid inputs end in NOT_FOUND or CONFLICT: fuzzed
 * for every failure all the same, but not yet required to accept a call.
 * Shrink this list by populating their domains; the bench's
 * fuzz_methods_accepting counts them honestly.
 */

describe(`fuzz: ${runsPerMethod} runs per API method`, () => {
  it('covers the whole contract', () => {
    expect(methodNames.length).toBeGreaterThan(20);
  });
  for (const m of methodNames) {
    it(m, async () => {
      const h = await FuzzHarness.create({ method: m });
      try {
        const stats = await h.fuzz(m, runsPerMethod);
        expect(stats.failures).toEqual([]);
        expect(stats.runs).toBe(runsPerMethod);
        expect(stats.rejected).toBeGreaterThan(0);
        // Past validation: valid inputs reach the handler, and some are accepted.
        expect(stats.valid).toBeGreaterThanOrEqual(runsPerMethod / 8);
        if (!awaitingFixtures.has(m)) expect(stats.accepted, `${m} accepted none of ${runsPerMethod}`).toBeGreaterThan(0);
        expect(Object.prototype).not.toHaveProperty('polluted');
      } finally {
        h.close();
      }
    });
  }
});
