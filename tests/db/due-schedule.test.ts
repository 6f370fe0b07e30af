import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import { startDueScheduler, type DueScheduler } from '../../electron/core/escalation/due-schedule';
import type { PushEvent } from '../../shared/events';
import { accidentAt } from '../helpers/incidents';

let desk: TestDesk;
let scheduler: DueScheduler | null = null;
afterEach(() => {
  scheduler?.stop();
  scheduler = null;
  vi.useRealTimers();
  desk?.close();
});

const min = 60_000;

async function majorIncident(): Promise<number> {
  const officer = await desk.login(['officer']);
  const inc = await desk.call(officer, 'incident.create', accidentAt(desk.clock.now(), { level: 2, deaths: 10 }));
  return inc.id;
}

function dueEvents(): Extract<PushEvent, { type: 'due' }>[] {
  const seen: Extract<PushEvent, { type: 'due' }>[] = [];
  desk.core.events.subscribe((e) => {
    if (e.type === 'due') seen.push(e);
  });
  return seen;
}

describe('due scheduler', () => {
  it('pushes each deadline once, when the moved clock passes it', async () => {
    desk = await makeDesk();
    await majorIncident(); // 重大: phone report due in 30 min, written in 60 min
    const seen = dueEvents();
    scheduler = startDueScheduler(desk.core);
    const moveClock = async (ms: number) => {
      desk.clock.advance(ms);
      desk.core.events.emit({ type: 'clock', now: new Date(desk.clock.now()).toISOString() });
      await Promise.resolve(); // the scheduler re-checks in a microtask
    };
    await moveClock(29 * min);
    expect(seen).toHaveLength(0);
    await moveClock(2 * min);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.items).toEqual([expect.objectContaining({ kind: 'report', id: expect.stringMatching(/^deadline-/) })]);
    await moveClock(10 * min);
    expect(seen).toHaveLength(1); // still overdue, not pushed again
    await moveClock(20 * min);
    expect(seen).toHaveLength(2); // the written report's 60 minutes
    expect(seen[1]!.items[0]!.id).not.toBe(seen[0]!.items[0]!.id);
  });

  it('wakes up on its own timer at the deadline, without any event', async () => {
    desk = await makeDesk();
    await majorIncident();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const seen = dueEvents();
    scheduler = startDueScheduler(desk.core, { maxSleepMs: 5 * min });
    // Time passes minute by minute, timers and core clock together.
    let minutes = 0;
    while (seen.length === 0 && minutes < 40) {
      desk.clock.advance(min);
      vi.advanceTimersByTime(min);
      minutes += 1;
    }
    expect(minutes).toBe(30);
    expect(seen[0]!.items[0]!.kind).toBe('report');
  });

  it('pushes an escalation step that timed out without acknowledgement', async () => {
    desk = await makeDesk();
    const id = await majorIncident();
    await desk.call(desk.admin, 'escalation.start', { incidentId: id });
    const seen = dueEvents();
    scheduler = startDueScheduler(desk.core);
    const settings = await desk.call(desk.admin, 'escalation.settings', {});
    desk.clock.advance(settings.policy.steps[0]!.waitMinutes * min + 1000);
    scheduler.check();
    expect(seen.flatMap((e) => e.items.map((i) => i.kind))).toContain('escalation');
  });

  it('tells an anonymous caller (lock and login screens) only ids and times of what is due', async () => {
    desk = await makeDesk();
    await majorIncident();
    const anonymous = { sessionId: null };
    const r = await desk.api.call('due.pending', {}, anonymous);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { items } = r.value as { items: Record<string, unknown>[] };
    expect(items).toHaveLength(2);
    for (const i of items) expect(Object.keys(i).sort()).toEqual(['dueAt', 'id', 'kind', 'overdue']);
    expect(JSON.stringify(items)).not.toContain('爆炸');
  });

  it('answers an empty list before setup', async () => {
    desk = await makeDesk({ setUp: false });
    const r = await desk.api.call('due.pending', {}, { sessionId: null });
    expect(r).toEqual({ ok: true, value: { items: [] } });
  });
});

