/**
 * Pushes a `due` event at the moment a report deadline passes or an
 * escalation step times out, so every console turns red and rings at once
 * instead of on its next poll.
 *
 * One timer, armed for the soonest future instant of `due.list` (at most
 * `maxSleepMs` ahead, so a clock that moves is seen). It re-arms after every
 * committed change and every test-clock move. A read of the due list is a few
 * indexed queries; nothing is written.
 */
import type { Core } from '../core';
import type { PushEvent } from '../../../shared/events';
import { dueList } from './due';

type DueEvent = Extract<PushEvent, { type: 'due' }>;

export interface DueScheduler {
  stop(): void;
  /** Re-reads the due list now (exposed for tests; events call it too). */
  check(): void;
}

export function startDueScheduler(core: Core, opts: { maxSleepMs?: number; coalesceMs?: number } = {}): DueScheduler {
  const maxSleep = opts.maxSleepMs ?? 60_000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastCheck = core.clock.now();
  let known = new Map<string, DueEvent['items'][number]>();
  let stopped = false;

  const check = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = null;
    const now = core.clock.now();
    let next = Infinity;
    const passed = new Map<string, DueEvent['items'][number]>();
    // An escalation step that timed out is replaced by the next step (a new id), so what was
    // pending at the last check counts too.
    const candidates = [...known.values()];
    try {
      if (core.deskId() !== null) {
        const { items } = dueList({ core, db: core.db, now, session: null, conn: { sessionId: null } });
        known = new Map();
        for (const i of items) {
          const item = { kind: i.kind, id: i.id, dueAt: i.dueAt };
          candidates.push(item);
          if (Date.parse(i.dueAt) > now) known.set(i.id, item);
        }
      }
    } catch (e) {
      // A store being restored or closed: try again on the next tick.
      console.error('[dutydesk] due check failed:', (e as Error).message);
    }
    for (const c of candidates) {
      const at = Date.parse(c.dueAt);
      if (at > now) next = Math.min(next, at);
      else if (at > lastCheck) passed.set(c.id, c);
    }
    lastCheck = now;
    if (passed.size > 0) core.events.emit({ type: 'due', items: [...passed.values()] });
    const wait = Math.max(0, Math.min(next - now, maxSleep));
    timer = setTimeout(check, wait + 5); // a few ms late, so the instant has surely passed
    timer.unref?.();
  };

  // A moved clock is checked at once; commits are coalesced (a burst of log entries costs one check,
  // and none of it runs on the request that committed). Deadlines are minutes away, never milliseconds.
  let coalesce: ReturnType<typeof setTimeout> | null = null;
  const off = core.events.subscribe((e) => {
    if (e.type === 'clock') queueMicrotask(check);
    else if (e.type === 'changed' && !coalesce) {
      coalesce = setTimeout(() => {
        coalesce = null;
        check();
      }, opts.coalesceMs ?? 200);
      coalesce.unref?.();
    }
  });
  check();
  return {
    stop: () => {
      stopped = true;
      off();
      if (timer) clearTimeout(timer);
      if (coalesce) clearTimeout(coalesce);
    },
    check,
  };
}
