/**
 * Petition totals across desks at the hub, on both engines: two real desks
 * register petitions (a group visit, a letter, one corrected to 赴省, one
 * voided, one from last month), their streams drain into the hub, and the
 * district's 批/人次 by level and by category add up from the stream alone —
 * the voided one dropped, the corrected one counted as corrected. A second
 * hub, fed the same chains from scratch, gives the same totals.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Hub } from '../../hub/hub';
import { serve, type RunningServer } from '../../hub/server';
import { petitionTotals } from '../../hub/views';
import { requestJson } from '../../hub/client';
import { upsertUser } from '../../hub/console';
import { startOutbox, type Outbox } from '../../electron/core/uplink/outbox';
import type { Input } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import { makeDesk, type TestDesk } from '../helpers/core';
import { engineKinds, useHubTestEnv } from './env';

const env = useHubTestEnv();
const tz = 'Asia/Shanghai';
const november = { from: '2026-11-01', to: '2026-11-30' };

const visit = (over: Partial<Input<'petitions.create'>> = {}): Input<'petitions.create'> => ({
  form: 'visit',
  persons: 1,
  level: 'district',
  category: '房屋拆迁',
  summary: '反映拆迁补偿标准问题',
  petitioners: [{ name: '张某' }],
  ...over,
});

describe.each(engineKinds)('petition totals across desks on the %s engine', (kind) => {
  const hubs: Hub[] = [];
  const servers: RunningServer[] = [];
  const boxes: Outbox[] = [];
  let a: TestDesk;
  let b: TestDesk;

  const startHub = async (): Promise<{ hub: Hub; server: RunningServer }> => {
    const hub = await Hub.open(await env.freshEngine(kind), { now: () => new Date(a.clock.now()) });
    const server = await serve(hub, { adminToken: null, console: { staticDir: null, hubName: '端州区总值班室', timeZone: tz } });
    hubs.push(hub);
    servers.push(server);
    return { hub, server };
  };
  const enrolBoth = async (hub: Hub, server: RunningServer): Promise<void> => {
    for (const d of [a, b]) {
      const { code } = await hub.createEnrolCode({ unitHint: null });
      await d.call(d.admin, 'uplink.enrol', { hubUrl: server.url, code });
    }
  };

  beforeAll(async () => {
    if (kind === 'pg' && env.pgSkipped) return;
    a = await makeDesk();
    b = await makeDesk();
    await a.call(a.admin, 'desk.update', { unitName: '城东街道值班室' });
    await b.call(b.admin, 'desk.update', { unitName: '城西镇值班室' });
    for (const d of [a, b]) boxes.push(startOutbox(d.core, { pollMs: 3_600_000, debounceMs: 3_600_000, timeoutMs: 5_000 }));
  });
  afterAll(async () => {
    for (const x of boxes) x.stop();
    for (const s of servers) await s.close();
    for (const h of hubs) await h.close();
    a?.close();
    b?.close();
  });
  beforeEach((ctx) => {
    if (kind === 'pg' && env.pgSkipped) ctx.skip();
  });

  it('adds up both desks’ petitions by level and category; a voided one drops out, a corrected one counts as corrected', async () => {
    const { hub, server } = await startHub();
    await enrolBoth(hub, server);
    const oa = await a.login(['officer']);
    const ob = await b.login(['officer']);
    // Desk A: one person and a group of 23 to the district, one to the city, a letter, and last month's visit.
    await a.call(oa, 'petitions.create', visit());
    await a.call(oa, 'petitions.create', visit({ persons: 23, category: '劳动社会保障', petitioners: [{ name: '李代表' }, { name: '王代表' }] }));
    await a.call(oa, 'petitions.create', visit({ level: 'city', petitioners: [{ name: '陈某' }] }));
    await a.call(oa, 'petitions.create', visit({ form: 'letter', petitioners: [] }));
    await a.call(oa, 'petitions.create', visit({ receivedAt: '2026-10-10T10:00:00+08:00', petitioners: [{ name: '赵某' }] }));
    // Desk B: five to the district, two to Beijing, one corrected from 到区 to 赴省, one voided.
    await b.call(ob, 'petitions.create', visit({ persons: 5, category: '土地征用', petitioners: [{ name: '孙代表' }] }));
    await b.call(ob, 'petitions.create', visit({ persons: 2, level: 'beijing', category: '土地征用', petitioners: [{ name: '周某' }] }));
    const moved = await b.call(ob, 'petitions.create', visit({ persons: 4, petitioners: [{ name: '吴某' }] }));
    await b.call(ob, 'petitions.update', { id: moved.id, expectedVersion: moved.version, level: 'province', reason: '核实为赴省上访' });
    const wrong = await b.call(ob, 'petitions.create', visit({ persons: 3, petitioners: [{ name: '郑某' }] }));
    await b.call(ob, 'petitions.void', { id: wrong.id, reason: '重复登记' });
    for (const x of boxes) expect((await x.tick()).error).toBeNull();

    const t = await petitionTotals(hub.engine, november, tz);
    const rowA = t.desks.find((d) => d.unitName === '城东街道值班室')!;
    const rowB = t.desks.find((d) => d.unitName === '城西镇值班室')!;
    expect(rowA.byLevel).toEqual({ district: { batches: 2, personTimes: 24 }, city: { batches: 1, personTimes: 1 }, province: { batches: 0, personTimes: 0 }, beijing: { batches: 0, personTimes: 0 } });
    // The letter is a petition (total) but not 上访 (visits, by level).
    expect(rowA.visits).toEqual({ batches: 3, personTimes: 25 });
    expect(rowA.total).toEqual({ batches: 4, personTimes: 26 });
    expect(rowB.byLevel).toEqual({ district: { batches: 1, personTimes: 5 }, city: { batches: 0, personTimes: 0 }, province: { batches: 1, personTimes: 4 }, beijing: { batches: 1, personTimes: 2 } });
    expect(t.district.byLevel).toEqual({ district: { batches: 3, personTimes: 29 }, city: { batches: 1, personTimes: 1 }, province: { batches: 1, personTimes: 4 }, beijing: { batches: 1, personTimes: 2 } });
    expect(t.district.visits).toEqual({ batches: 6, personTimes: 36 });
    expect(t.district.byCategory['土地征用']).toEqual({ batches: 2, personTimes: 7 });
    expect(t.district.byCategory['劳动社会保障']).toEqual({ batches: 1, personTimes: 23 });
    expect(t.district.byCategory['房屋拆迁']).toEqual({ batches: 4, personTimes: 7 });
    // October's visit is October's.
    expect((await petitionTotals(hub.engine, { from: '2026-10-01', to: '2026-10-31' }, tz)).district.visits).toEqual({ batches: 1, personTimes: 1 });

    // The console answers the same over HTTP, to a signed-in user; a reversed range names its field.
    await upsertUser(hub, { login: 'chief', displayName: '区值班长', role: 'leader', password: 'hub12345' });
    const login = (await requestJson(server.url, 'POST', '/api/hub.login', { login: 'chief', password: 'hub12345' })).json as ApiResult<{ sessionId: string }>;
    if (!login.ok) throw new Error(login.error.message);
    const headers = { 'x-dutydesk-session': login.value.sessionId };
    const api = (await requestJson(server.url, 'POST', '/api/hub.petitions', november, headers)).json as ApiResult<unknown>;
    expect(api).toEqual({ ok: true, value: JSON.parse(JSON.stringify(t)) });
    const bad = (await requestJson(server.url, 'POST', '/api/hub.petitions', { from: '2026-11-30', to: '2026-11-01' }, headers)).json;
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'to', messageKey: 'validation.dateRange' }] } } });
  });

  it('a hub rebuilt from scratch by re-ingesting the chains gives the same totals', async () => {
    const first = await petitionTotals(hubs[0]!.engine, november, tz);
    const { hub, server } = await startHub();
    await enrolBoth(hub, server);
    for (const x of boxes) expect((await x.tick()).error).toBeNull();
    const again = await petitionTotals(hub.engine, november, tz);
    expect(again).toEqual(first);
    expect(again.district.visits).toEqual({ batches: 6, personTimes: 36 });
  });
});
