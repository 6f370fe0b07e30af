/**
 * Refresh by entity: the method → entities tables cover the whole contract and
 * name what the core audits; a push refreshes exactly the queries reading what
 * changed; a mutation's own call refreshes what it wrote before it returns.
 * With the real query client and api.ts, over a fake preload bridge.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import { contract } from '../../shared/contract';
import type { PushEvent } from '../../shared/events';
import type { ApiResult } from '../../shared/errors';
import { call, queryClient, subscribePushEvents } from '../../renderer/api';
import { entities, everything, mutationWrites, now, queryReads, type Entity } from '../../renderer/lib/query-entities';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const methodsOf = (kind: 'query' | 'mutation') =>
  Object.entries(contract)
    .filter(([, spec]) => spec.kind === kind)
    .map(([name]) => name)
    .sort();
const queryMethods = methodsOf('query');

/** A preload bridge answering every method with `{}` (counting calls) and letting the test push events. */
function installBridge() {
  const calls = new Map<string, number>();
  let push: (e: PushEvent) => void = () => undefined;
  window.dutydesk = {
    platform: 'test',
    invoke: async (method): Promise<ApiResult<unknown>> => {
      calls.set(method, (calls.get(method) ?? 0) + 1);
      return { ok: true, value: {} };
    },
    onEvent: (listener) => {
      push = listener;
      return () => undefined;
    },
  };
  return { calls, push: (e: PushEvent) => push(e) };
}

let bridge: ReturnType<typeof installBridge>;
let unsubscribe: () => void;
beforeEach(() => {
  queryClient.clear();
  bridge = installBridge();
  unsubscribe = subscribePushEvents();
});
afterEach(() => {
  unsubscribe();
  queryClient.clear();
  delete window.dutydesk;
});

/** Caches one (inactive) answer per query method, pushes `e`, and returns the methods whose answers were invalidated. */
function refreshedBy(e: PushEvent): string[] {
  queryClient.clear();
  for (const m of queryMethods) queryClient.setQueryData([m, {}], {});
  bridge.push(e);
  return queryClient
    .getQueryCache()
    .findAll()
    .filter((q) => q.state.isInvalidated)
    .map((q) => q.queryKey[0] as string)
    .sort();
}
/** Subscribes an observer per method, as a mounted component would, and waits for their first answers. */
async function onScreen(...methods: ('people.list' | 'log.list')[]): Promise<(() => void)[]> {
  const stop = methods.map((m) => new QueryObserver(queryClient, { queryKey: [m, {}], queryFn: () => call(m, {}) }).subscribe(() => undefined));
  await vi.waitFor(() => expect(methods.map((m) => queryClient.getQueryState([m, {}])?.status)).toEqual(methods.map(() => 'success')));
  expect(methods.map((m) => bridge.calls.get(m))).toEqual(methods.map(() => 1));
  return stop;
}
const changed = (...names: string[]): PushEvent => ({ type: 'changed', entities: names, seq: 1 });
const readersOf = (x: string) =>
  queryMethods.filter((m) => {
    const reads = queryReads[m as keyof typeof queryReads];
    return reads === everything || (reads as readonly string[]).includes(x);
  });

describe('the method → entities tables', () => {
  it('have an entry for every query and every mutation of the contract, and nothing else', () => {
    expect(Object.keys(queryReads).sort()).toEqual(queryMethods);
    expect(Object.keys(mutationWrites).sort()).toEqual(methodsOf('mutation'));
  });

  it('know exactly the entities the core writes audit rows for', () => {
    // Every `audit({ … entity: '…' … })` in the core, by its literal entity name.
    const coreDir = path.join(repoRoot, 'electron', 'core');
    const audited = new Set<string>();
    let auditCalls = 0;
    for (const file of fs.readdirSync(coreDir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const src = fs.readFileSync(path.join(coreDir, file), 'utf8');
      auditCalls += (src.match(/\baudit\(\{/gu) ?? []).length;
      for (const m of src.matchAll(/\baudit\(\{[^}]*?\bentity: '([A-Za-z_]+)'/gsu)) audited.add(m[1]!);
    }
    expect(auditCalls).toBeGreaterThan(50);
    // A new audited entity must be added to `entities` and to the queries reading it.
    expect([...audited].sort()).toEqual([...entities].sort());
  });

  it('give every query something to refresh on, except the pure notice parser', () => {
    const none = Object.entries(queryReads)
      .filter(([, reads]) => reads !== everything && reads.length === 0)
      .map(([m]) => m);
    expect(none).toEqual(['calendar.parseNotice']);
  });
});

describe('a push refreshes by entity', () => {
  it('a changed event for X refreshes exactly the queries reading X', () => {
    for (const x of entities.filter((e): e is Exclude<Entity, 'backup'> => e !== 'backup')) {
      expect(refreshedBy(changed(x)), x).toEqual(readersOf(x));
    }
  });

  it('a new person refreshes the directory, who is on duty and the audit trail, not the log or the incidents', () => {
    const r = refreshedBy(changed('person'));
    expect(r).toEqual(expect.arrayContaining(['people.list', 'duty.now', 'roster.get', 'due.list', 'audit.head', 'audit.list']));
    for (const m of ['log.list', 'incident.list', 'contacts.list', 'settings.get']) expect(r).not.toContain(m);
  });

  it('a log entry refreshes the console timeline, the log book and an incident linking it, not the roster', () => {
    const r = refreshedBy(changed('logEntry'));
    expect(r).toEqual(expect.arrayContaining(['log.list', 'log.book', 'log.get', 'incident.get', 'audit.head']));
    for (const m of ['people.list', 'duty.now', 'roster.get', 'due.list', 'incident.list']) expect(r).not.toContain(m);
  });

  it('the duty-day screens (handover, daily report, roll-ups, the leader\'s desk) refresh on what they read, not on every push', () => {
    const dutyDay = ['handover.get', 'dailyReport.get', 'dailyReport.rollup', 'dailyReport.exportXlsx', 'leader.desk'];
    // A signed checkpoint or an unrelated register record touches none of them.
    for (const other of ['auditCheckpoint', 'deskKey', 'integrity', 'roster_rules', 'backupSettings']) {
      const r = refreshedBy(changed(other));
      for (const m of dutyDay) expect(r, `${other} → ${m}`).not.toContain(m);
    }
    // What they show does.
    expect(refreshedBy(changed('handover'))).toEqual(expect.arrayContaining(dutyDay));
    expect(refreshedBy(changed('todo'))).toEqual(expect.arrayContaining(dutyDay));
    expect(refreshedBy(changed('logEntry'))).toEqual(expect.arrayContaining(dutyDay));
    expect(refreshedBy(changed('attendance'))).toEqual(expect.arrayContaining(['dailyReport.get', 'leader.desk']));
    expect(refreshedBy(changed('attendance'))).not.toContain('handover.get');
    expect(refreshedBy(changed('presenceCheck'))).toEqual(expect.arrayContaining(['dailyReport.get', 'dailyReport.rollup', 'leader.desk']));
    expect(refreshedBy(changed('dailyReport'))).not.toContain('handover.get');
    expect(readersOf(now)).toEqual(expect.arrayContaining(dutyDay));
  });

  it('several entities refresh the union of their readers', () => {
    expect(refreshedBy(changed('roster_swap', 'roster_plan'))).toEqual([...new Set([...readersOf('roster_swap'), ...readersOf('roster_plan')])].sort());
  });

  it('a backup (a restore replaces the store) and an entity this renderer does not know refresh everything', () => {
    expect(refreshedBy(changed('backup'))).toEqual(queryMethods);
    expect(refreshedBy(changed('entityOfAFutureDomain'))).toEqual(queryMethods);
  });

  it('due and clock events refresh what is computed from the time: due lists, duty now, the console', () => {
    const timed = readersOf(now);
    expect(timed).toEqual(expect.arrayContaining(['due.list', 'due.pending', 'duty.now', 'duty.mine', 'log.list', 'app.status', 'incident.get', 'incident.list', 'audit.head']));
    for (const m of ['people.list', 'roster.get', 'shifts.list', 'log.history']) expect(timed).not.toContain(m);
    expect(refreshedBy({ type: 'due', items: [{ kind: 'report', id: 'deadline-1', dueAt: '2026-11-25T14:10:00.000Z' }] })).toEqual(timed);
    expect(refreshedBy({ type: 'clock', now: '2026-11-25T15:00:00.000Z' })).toEqual(timed);
  });

  it('a query key that is not an API method refreshes on every push', () => {
    queryClient.clear();
    queryClient.setQueryData(['audit.print', '2026-11-25', '2026-11-25'], {});
    queryClient.setQueryData(['people.list', {}], {});
    bridge.push(changed('logEntry'));
    expect(queryClient.getQueryState(['audit.print', '2026-11-25', '2026-11-25'])?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(['people.list', {}])?.isInvalidated).toBe(false);
  });

  it('refetches an on-screen query reading the entity and leaves the others alone', async () => {
    const stop = await onScreen('people.list', 'log.list');
    bridge.push(changed('person'));
    await vi.waitFor(() => expect(bridge.calls.get('people.list')).toBe(2));
    expect(bridge.calls.get('log.list')).toBe(1);
    stop.forEach((s) => s());
  });
});

describe("a mutation's own call", () => {
  it('refreshes the on-screen queries reading what it writes before it returns, without waiting for the push', async () => {
    const stop = await onScreen('people.list', 'log.list');
    await call('people.create', { name: '李值班', department: null, title: null, officePhone: null, mobile: null, roles: ['officer'], sortOrder: 0 });
    // No push was sent: the call itself refreshed the directory, and only that.
    expect(bridge.calls.get('people.list')).toBe(2);
    expect(queryClient.getQueryState(['people.list', {}])?.fetchStatus).toBe('idle');
    expect(bridge.calls.get('log.list')).toBe(1);
    stop.forEach((s) => s());
  });

  it('a restore refreshes every cached query', async () => {
    for (const m of queryMethods) queryClient.setQueryData([m, {}], {});
    await call('backup.restore', { fileName: 'dutydesk-2026-11-25.sqlite', folder: 'primary', reason: '演练' });
    expect(queryClient.getQueryCache().findAll().every((q) => q.state.isInvalidated)).toBe(true);
  });
});
