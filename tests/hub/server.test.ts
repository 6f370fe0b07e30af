/**
 * The HTTP API with the desk's client: enrolment (one-time codes, unknown,
 * revoked and mismatched keys), head as the ack cursor, draining a backlog
 * across a key rotation, the admin token, TLS — on both engines.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildEnrolRequest, drain, enrol, fetchHead, generateDeskKey, HubClientError, pushBatch, requestJson, type HubEndpoint } from '../../hub/client';
import { Hub } from '../../hub/hub';
import { serve, type RunningServer } from '../../hub/server';
import { SimDesk } from '../../hub/sim';
import type { HubErrorCode } from '../../shared/hub-protocol';
import { engineKinds, useHubTestEnv } from './env';
import { streamFacts, uniqueDeskId } from './fixtures';

const env = useHubTestEnv();
const adminToken = 'test-admin-token-0123456789';

async function clientError(p: Promise<unknown>, code: HubErrorCode): Promise<HubClientError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(HubClientError);
  expect((e as HubClientError).body.code, (e as Error).message).toBe(code);
  return e as HubClientError;
}

async function newCode(url: HubEndpoint, body: Record<string, unknown> = {}): Promise<string> {
  const r = await requestJson(url, 'POST', '/v1/admin/codes', body, { authorization: `Bearer ${adminToken}` });
  expect(r.status).toBe(200);
  return (r.json as { code: string }).code;
}

describe.each(engineKinds)('the hub API on the %s engine', (kind) => {
  let hub: Hub;
  let server: RunningServer;
  let url: string;
  let now = Date.now();
  beforeAll(async () => {
    if (kind === 'pg' && env.pgSkipped) return;
    hub = await Hub.open(await env.freshEngine(kind), { now: () => new Date(now) });
    server = await serve(hub, { adminToken });
    url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await hub?.close();
  });
  beforeEach((ctx) => {
    if (kind === 'pg' && env.pgSkipped) ctx.skip();
    now = Date.now();
  });

  it('listens on loopback by default and reports its engine', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    const r = await requestJson(url, 'GET', '/v1/health');
    expect(r).toEqual({ status: 200, json: { ok: true, engine: kind, schema: 30, protocol: 1 } });
  });

  it('enrols a desk with a one-time code; the code cannot be used twice', async () => {
    const desk = new SimDesk(uniqueDeskId());
    const code = await newCode(url, { unitHint: '城关镇' });
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/u);
    const r = await enrol(url, { code: code.toLowerCase().replaceAll('-', ' '), deskId: desk.deskId, unitName: desk.unitName, key: desk.key });
    expect(r).toMatchObject({ deskId: desk.deskId, keyFingerprint: desk.key.fingerprint, head: { seq: 0 } });
    const other = new SimDesk(uniqueDeskId());
    const e = await clientError(enrol(url, { code, deskId: other.deskId, unitName: other.unitName, key: other.key }), 'ENROL_CODE_USED');
    expect(e.status).toBe(403);
    await clientError(enrol(url, { code: 'AAAA-BBBB-CCCC', deskId: other.deskId, unitName: other.unitName, key: other.key }), 'ENROL_CODE_INVALID');
    // The same desk id cannot be taken over with a second code.
    await clientError(enrol(url, { code: await newCode(url), deskId: desk.deskId, unitName: desk.unitName, key: other.key }), 'DESK_EXISTS');
    expect((await hub.listDesks()).filter((d) => d.deskId === other.deskId)).toEqual([]);
  });

  it('refuses an expired code and an enrolment not signed by the key it presents', async () => {
    const desk = new SimDesk(uniqueDeskId());
    const code = await newCode(url, { ttlHours: 1 });
    now += 2 * 3600_000;
    await clientError(enrol(url, { code, deskId: desk.deskId, unitName: desk.unitName, key: desk.key }), 'ENROL_CODE_EXPIRED');
    now = Date.now();
    const code2 = await newCode(url);
    const forged = { ...buildEnrolRequest({ code: code2, deskId: desk.deskId, unitName: desk.unitName, key: desk.key }), publicKeyPem: generateDeskKey().publicKeyPem };
    const r = await requestJson(url, 'POST', '/v1/enrol', forged);
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ error: { code: 'BAD_SIGNATURE' } });
    // The code was not spent by the failed attempt.
    expect((await enrol(url, { code: code2, deskId: desk.deskId, unitName: desk.unitName, key: desk.key })).deskId).toBe(desk.deskId);
  });

  it('refuses unknown desks and unknown keys; revoked desks until they enrol again with a new key', async () => {
    const desk = new SimDesk(uniqueDeskId());
    await clientError(fetchHead(url, desk.deskId, desk.key), 'DESK_UNKNOWN');
    await enrol(url, { code: await newCode(url), deskId: desk.deskId, unitName: desk.unitName, key: desk.key });
    await clientError(fetchHead(url, desk.deskId, generateDeskKey()), 'KEY_UNKNOWN');
    desk.logEntries(30);
    expect(await pushBatch(url, desk.key, desk.events)).toMatchObject({ added: 30, head: { seq: 30 } });

    const revoke = await requestJson(url, 'POST', `/v1/admin/desks/${desk.deskId}/revoke`, { reason: '电脑送修' }, { authorization: `Bearer ${adminToken}` });
    expect(revoke.status).toBe(200);
    desk.logEntries(5);
    const e = await clientError(pushBatch(url, desk.key, desk.events.slice(30)), 'DESK_REVOKED');
    expect(e.body.message).toContain('电脑送修');
    // The old key cannot come back, not even with a new code.
    await clientError(enrol(url, { code: await newCode(url), deskId: desk.deskId, unitName: desk.unitName, key: desk.key }), 'KEY_REVOKED');
    const fresh = generateDeskKey();
    const again = await enrol(url, { code: await newCode(url), deskId: desk.deskId, unitName: desk.unitName, key: fresh });
    expect(again.head.seq).toBe(30);
    await clientError(pushBatch(url, desk.key, desk.events.slice(30)), 'KEY_REVOKED');
    expect(await pushBatch(url, fresh, desk.events.slice(30))).toMatchObject({ added: 5, head: { seq: 35 } });
  });

  it('drains a backlog from the acknowledged head, across a key rotation, and a second drain sends nothing', async () => {
    const desk = new SimDesk(uniqueDeskId());
    await enrol(url, { code: await newCode(url), deskId: desk.deskId, unitName: desk.unitName, key: desk.key });
    desk.logEntries(700);
    desk.declareKey();
    desk.checkpoint();
    desk.rotate();
    desk.logEntries(400);
    const src = { deskId: desk.deskId, keys: desk.keys, rowsFrom: desk.rowsFrom };
    const r = await drain(url, src, { batchSize: 250 });
    expect(r).toMatchObject({ added: desk.events.length, head: desk.head });
    expect(r.batches).toBe(5); // 1–250, 251–500, 501–703 (cut at the rotation row), 704–953, 954–1104
    expect((await fetchHead(url, desk.deskId, desk.key)).keyFingerprint).toBe(desk.key.fingerprint);
    expect(await drain(url, src)).toMatchObject({ added: 0, batches: 0 });
    expect(await streamFacts(hub.engine, desk.deskId)).toMatchObject({ rows: desk.events.length, distinct: desk.events.length, verifies: true });
  });

  it('corrects a desk clock that is far off, from the hub time in the refusal', async () => {
    const desk = new SimDesk(uniqueDeskId());
    await enrol(url, { code: await newCode(url), deskId: desk.deskId, unitName: desk.unitName, key: desk.key });
    now += 3 * 3600_000; // the hub is three hours ahead of this desk
    desk.logEntries(3);
    expect((await pushBatch(url, desk.key, desk.events)).added).toBe(3);
  });

  it('answers validation errors, unknown routes and the admin API without a token', async () => {
    const bad = await requestJson(url, 'POST', '/v1/batch', { deskId: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: 'VALIDATION' } });
    expect((await requestJson(url, 'GET', '/v1/nothing')).status).toBe(404);
    const noToken = await requestJson(url, 'POST', '/v1/admin/codes', {});
    expect(noToken).toMatchObject({ status: 401, json: { error: { code: 'UNAUTHORIZED' } } });
    const wrong = await requestJson(url, 'GET', '/v1/admin/desks', undefined, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
  });
});

describe('TLS', () => {
  it('serves HTTPS with the given certificate; the client trusts it through its CA', async () => {
    const dir = env.tempDir();
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ed25519', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
    const hub = await Hub.open(await env.freshEngine('embedded'));
    const server = await serve(hub, { adminToken, tls: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:/u);
      const endpoint = { url: server.url, ca: fs.readFileSync(cert) };
      const desk = new SimDesk(uniqueDeskId());
      await enrol(endpoint, { code: await newCode(endpoint), deskId: desk.deskId, unitName: desk.unitName, key: desk.key });
      desk.logEntries(10);
      expect((await pushBatch(endpoint, desk.key, desk.events)).added).toBe(10);
      // Without the CA the certificate is not trusted.
      await expect(requestJson(server.url, 'GET', '/v1/health')).rejects.toThrow(/self[- ]signed|certificate/iu);
    } finally {
      await server.close();
      await hub.close();
    }
  });
});
