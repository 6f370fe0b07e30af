import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultEscalationPolicy, escalationState, roundLengthMs, type EscalationPolicy } from '../../shared/domain/escalation';
import { ManualClock } from '../../electron/core/clock';

const min = 60_000;
const policy: EscalationPolicy = {
  steps: [
    { target: 'leaderOnDuty', waitMinutes: 10 },
    { target: 'principalLeader', waitMinutes: 5 },
    { target: 'superiorOffice', waitMinutes: 15 },
  ],
  repeats: 2,
};

describe('escalation steps and repeats with a fake clock', () => {
  const start = Date.parse('2026-11-25T15:50:00Z'); // 23:50 local

  it('walks the steps in order, each waiting its minutes, then repeats, then is exhausted', () => {
    const clock = new ManualClock(start);
    const seen: [string, number, number, string][] = [];
    const marks = [0, 9, 10, 14, 15, 29, 30, 40, 45, 59, 60, 600];
    let last = 0;
    for (const m of marks) {
      clock.advance((m - last) * min);
      last = m;
      const s = escalationState(policy, start, clock.now());
      seen.push([s.target, s.round, s.stepIndex, s.status]);
    }
    expect(seen).toEqual([
      ['leaderOnDuty', 0, 0, 'waiting'],
      ['leaderOnDuty', 0, 0, 'waiting'],
      ['principalLeader', 0, 1, 'waiting'],
      ['principalLeader', 0, 1, 'waiting'],
      ['superiorOffice', 0, 2, 'waiting'],
      ['superiorOffice', 0, 2, 'waiting'],
      ['leaderOnDuty', 1, 0, 'waiting'],
      ['principalLeader', 1, 1, 'waiting'],
      ['superiorOffice', 1, 2, 'waiting'],
      ['superiorOffice', 1, 2, 'waiting'],
      ['superiorOffice', 1, 2, 'exhausted'],
      ['superiorOffice', 1, 2, 'exhausted'],
    ]);
  });

  it('gives the due instant of the current step (crossing midnight)', () => {
    const s = escalationState(policy, start, start + 12 * min);
    expect(new Date(s.stepStartedAt).toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(new Date(s.dueAt).toISOString()).toBe('2026-11-25T16:05:00.000Z');
    expect(new Date(s.endsAt).toISOString()).toBe('2026-11-25T16:50:00.000Z');
  });

  it('freezes at the acknowledgement: the acknowledged step is kept whatever the clock says later', () => {
    const ack = start + 11 * min;
    for (const later of [ack, ack + 5 * min, ack + 10_000 * min]) {
      const s = escalationState(policy, start, later, { acknowledgedAt: ack });
      expect(s).toMatchObject({ status: 'acknowledged', round: 0, stepIndex: 1, target: 'principalLeader' });
    }
  });

  it('an acknowledgement after exhaustion still closes it', () => {
    const s = escalationState(policy, start, start + 200 * min, { acknowledgedAt: start + 100 * min });
    expect(s.status).toBe('acknowledged');
  });

  it('a cancel freezes it as cancelled', () => {
    expect(escalationState(policy, start, start + 3 * min, { cancelledAt: start + 2 * min }).status).toBe('cancelled');
  });

  it('rejects an empty policy', () => {
    expect(() => escalationState({ steps: [], repeats: 1 }, start, start)).toThrow();
    expect(() => escalationState({ ...policy, repeats: 0 }, start, start)).toThrow();
  });

  it('the default policy is leader → principal → superior, repeated', () => {
    expect(defaultEscalationPolicy.steps.map((s) => s.target)).toEqual(['leaderOnDuty', 'principalLeader', 'superiorOffice']);
    expect(defaultEscalationPolicy.repeats).toBeGreaterThanOrEqual(1);
  });

  it('property: the step window always contains now, and waiting ends exactly at K rounds', () => {
    const step = fc.record({
      target: fc.constantFrom('leaderOnDuty', 'principalLeader', 'superiorOffice' as const),
      waitMinutes: fc.integer({ min: 1, max: 60 }),
    });
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2000 * 60 }),
        (steps, repeats, sec) => {
          const p = { steps, repeats } as EscalationPolicy;
          const now = start + sec * 1000;
          const s = escalationState(p, start, now);
          if (now - start >= roundLengthMs(p) * repeats) expect(s.status).toBe('exhausted');
          else {
            expect(s.status).toBe('waiting');
            expect(s.stepStartedAt).toBeLessThanOrEqual(now);
            expect(s.dueAt).toBeGreaterThan(now);
            expect(s.target).toBe(steps[s.stepIndex]!.target);
          }
        },
      ),
    );
  });
});
