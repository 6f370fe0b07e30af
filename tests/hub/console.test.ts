/**
 * The hub console's API on both engines: users and roles (hub admin, hub
 * officer, read-only leader), sign-in and its rate limit, the board and the
 * views over HTTP, a holiday notice no desk could read refused before it is
 * sent, and the renderer served in hub mode.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Hub } from '../../hub/hub';
import { serve, type RunningServer } from '../../hub/server';
import { buildEnrolRequest, requestJson } from '../../hub/client';
import { SimDesk } from '../../hub/sim';
import type { ApiResult } from '../../shared/errors';
import { engineKinds, useHubTestEnv } from './env';
import { uniqueDeskId } from './fixtures';

const env = useHubTestEnv();
const adminToken = 'console-test-admin-token-01234';

describe.each(engineKinds)('the hub console on the %s engine', (kind) => {
  let hub: Hub;
  let server: RunningServer;
  let staticDir: string;
  const api = async <T,>(method: string, body: unknown, session?: string): Promise<ApiResult<T>> => {
    const r = await requestJson(server.url, 'POST', `/api/${method}`, body, session ? { 'x-dutydesk-session': session } : {});
    return r.json as ApiResult<T>;
  };
  const loginAs = async (login: string): Promise<string> => {
    const r = await api<{ sessionId: string }>('hub.login', { login, password: 'secret123' });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.sessionId;
  };

  beforeAll(async () => {
    if (kind === 'pg' && env.pgSkipped) return;
    staticDir = env.tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>');
    hub = await Hub.open(await env.freshEngine(kind));
    server = await serve(hub, { adminToken, console: { staticDir, hubName: '测试区总值班室', timeZone: 'Asia/Shanghai' } });
    for (const [login, role] of [
      ['chief', 'admin'],
      ['duty', 'officer'],
      ['boss', 'leader'],
    ] as const) {
      const r = await requestJson(server.url, 'POST', '/v1/admin/users', { login, displayName: login, role, password: 'secret123' }, { authorization: `Bearer ${adminToken}` });
      expect(r.status).toBe(200);
    }
  });
  afterAll(async () => {
    await server?.close();
    await hub?.close();
  });
  beforeEach((ctx) => {
    if (kind === 'pg' && env.pgSkipped) ctx.skip();
  });

  it('serves the renderer marked as hub mode, and its status publicly', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<html data-dutydesk-mode="hub" lang="zh-CN">');
    expect(await api('hub.status', {})).toMatchObject({ ok: true, value: { mode: 'hub', hubName: '测试区总值班室', hasUsers: true } });
  });

  it('signs in by password; a wrong one is refused, and the roles decide who may send', async () => {
    expect(await api('hub.login', { login: 'chief', password: 'wrong-pass1' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await api('hub.board', { date: '2026-11-25' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const boss = await loginAs('boss');
    expect(await api('hub.session', {}, boss)).toMatchObject({ ok: true, value: { login: 'boss', role: 'leader' } });
    expect(await api('hub.board', { date: '2026-11-25' }, boss)).toMatchObject({ ok: true, value: { date: '2026-11-25', pending: [] } });
    expect(await api('hub.sendCheck', { deskIds: null }, boss)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api('hub.createCode', { unitHint: null }, boss)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const duty = await loginAs('duty');
    expect(await api('hub.sendCheck', { deskIds: null }, duty)).toMatchObject({ ok: true, value: { version: expect.any(Number) } });
    expect(await api('hub.sendHoliday', { year: 2027, title: 'x', text: 'y', deskIds: null }, duty)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await api('hub.logout', {}, duty);
    expect(await api('hub.session', {}, duty)).toMatchObject({ ok: true, value: null });
  });

  it('validates input with the field named, and refuses a holiday notice no desk could read', async () => {
    const chief = await loginAs('chief');
    const bad = await api('hub.board', { date: '2026-02-30' }, chief);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'date', messageKey: 'validation.date' }] } } });
    const unreadable = await api('hub.sendHoliday', { year: 2027, title: '通知', text: '今年照常上班', deskIds: null }, chief);
    expect(unreadable).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: 'hub.errors.noticeUnreadable' } });
    expect(await api('hub.sendNotice', { title: '通知', body: '', deskIds: ['no-such-desk'] }, chief)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('creates a one-time code in the console that enrols a desk, which then shows on the board', async () => {
    const chief = await loginAs('chief');
    const c = await api<{ code: string }>('hub.createCode', { unitHint: '城关镇' }, chief);
    if (!c.ok) throw new Error(c.error.message);
    const desk = new SimDesk(uniqueDeskId('console'), '城关镇值班室');
    await hub.enrol(buildEnrolRequest({ code: c.value.code, deskId: desk.deskId, unitName: desk.unitName, key: desk.key }));
    const b = await api<{ desks: { deskId: string; unitName: string; online: boolean; lastSeenAt: string | null }[] }>('hub.board', { date: '2026-11-25' }, chief);
    if (!b.ok) throw new Error(b.error.message);
    expect(b.value.desks.find((d) => d.deskId === desk.deskId)).toMatchObject({ unitName: '城关镇值班室', online: false, lastSeenAt: null });
  });

  it('the views read the stream through the partial index (ingest does not maintain it for ordinary rows)', async () => {
    await hub.engine.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const plan = await tx.query<Record<string, string>>("EXPLAIN SELECT desk_id, seq FROM audit_events WHERE action IN ('hubCheck.answer', 'hubDuty.report') ORDER BY desk_id, seq");
      expect(plan.rows.map((r) => Object.values(r)[0]).join('\n')).toContain('audit_events_view');
    });
    const def = await hub.engine.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE indexname = 'audit_events_view'");
    expect(def.rows[0]?.indexdef).toMatch(/WHERE/u);
  });

  it('rate-limits guessing after five wrong passwords', async () => {
    for (let i = 0; i < 5; i += 1) await api('hub.login', { login: 'boss', password: `wrong-${i}aa` });
    expect(await api('hub.login', { login: 'boss', password: 'secret123' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
