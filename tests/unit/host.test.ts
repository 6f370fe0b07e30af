/**
 * The loopback browser host: token on every API request, loopback only,
 * Host/Origin checks, errors as values, static files with the CSP header.
 */
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDesk, tempDir, type TestDesk } from '../helpers/core';
import { startHost, type RunningHost } from '../../electron/host/server';
import { contentSecurityPolicy } from '../../shared/security';

let desk: TestDesk;
let host: RunningHost;
let staticDir: string;

beforeAll(async () => {
  desk = await makeDesk();
  staticDir = tempDir('dutydesk-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startHost({ api: desk.api, staticDir });
});
afterAll(async () => {
  await host.close();
  desk.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A raw request with a chosen Host header (fetch forbids setting it). */
function rawGet(pathname: string, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathname, method: 'GET', headers: { host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only, on a random port', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    expect(host.port).toBeGreaterThan(1024);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses API requests without the token, or with a wrong one', async () => {
    const none = await post('app.status', {});
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect((await post('app.status', {}, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await fetch(`${host.url}/api/events`)).status).toBe(401);
  });

  it('answers with the token', async () => {
    const res = await post('app.status', {}, { authorization: `Bearer ${host.token}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { setUp: boolean } };
    expect(body).toMatchObject({ ok: true, value: { setUp: true } });
  });

  it('carries the session in a header and returns field errors for bad input', async () => {
    const auth = { authorization: `Bearer ${host.token}` };
    const login = (await (await post('auth.login', { login: 'admin', password: 'admin12345' }, auth)).json()) as { value: { sessionId: string } };
    const s = { ...auth, 'x-dutydesk-session': login.value.sessionId };
    const list = (await (await post('people.list', {}, s)).json()) as { ok: boolean; value: unknown[] };
    expect(list.ok).toBe(true);
    const bad = (await (await post('people.create', { name: 42 }, s)).json()) as { ok: boolean; error: { code: string; details: { issues: { path: string }[] } } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('VALIDATION');
    expect(bad.error.details.issues[0]!.path).toBe('name');
    const unknown = (await (await post('nope.nothing', {}, s)).json()) as { error: { code: string } };
    expect(unknown.error.code).toBe('UNKNOWN_METHOD');
  });

  it('answers malformed JSON with a validation error, not a crash', async () => {
    const res = await fetch(`${host.url}/api/app.status`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
  });

  it('refuses bodies over the limit', async () => {
    const small = await startHost({ api: desk.api, staticDir, maxBodyBytes: 1024 });
    const res = await fetch(`${small.url}/api/app.status`, { method: 'POST', headers: { authorization: `Bearer ${small.token}` }, body: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
    await small.close();
  });

  it('refuses foreign Host and Origin headers (DNS rebinding, other sites)', async () => {
    expect(await rawGet('/', 'evil.example:80')).toBe(421);
    expect(await rawGet('/', `localhost:${host.port}`)).toBe(200);
    const res = await post('app.status', {}, { authorization: `Bearer ${host.token}`, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('serves the renderer with the CSP header and no path traversal', async () => {
    const res = await fetch(`${host.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(`${host.url}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it('has no test clock unless asked for one', async () => {
    const res = await fetch(`${host.url}/__test/clock`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: '{"advanceMs":1000}' });
    expect(res.status).not.toBe(200);
  });

  it('streams change events to SSE clients', async () => {
    const auth = { authorization: `Bearer ${host.token}` };
    const ctrl = new AbortController();
    const res = await fetch(`${host.url}/api/events?token=${host.token}`, { signal: ctrl.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const login = (await (await post('auth.login', { login: 'admin', password: 'admin12345' }, auth)).json()) as { value: { sessionId: string } };
    let text = '';
    while (!text.includes('"changed"')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('"entities":["user"]');
    ctrl.abort();
    expect(login.value.sessionId).toBeTruthy();
  });

  it('answers a malformed URL with 400, token or not, and logs no stack trace (issue 12 §5)', async () => {
    const logged: string[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => void logged.push(a.map(String).join(' '));
    try {
      expect(await rawGet('/%', `127.0.0.1:${host.port}`)).toBe(400);
      expect(await rawGet('/api/%E0%A4%A', `127.0.0.1:${host.port}`)).toBe(400);
      const res = await post('%E0%A4%A', {}, { authorization: `Bearer ${host.token}` });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { messageKey: string } }).error.messageKey).toBe('errors.BAD_URL');
    } finally {
      console.error = orig;
    }
    expect(logged.join('\n')).not.toMatch(/\n\s+at /u);
  });

  it('accepts the token in the query only on the event stream', async () => {
    expect((await fetch(`${host.url}/api/app.status?token=${host.token}`, { method: 'POST', body: '{}' })).status).toBe(401);
    const ctrl = new AbortController();
    const sse = await fetch(`${host.url}/api/events?token=${host.token}`, { signal: ctrl.signal });
    expect(sse.status).toBe(200);
    ctrl.abort();
  });

  it('hands the browser a one-time link: the ticket is exchanged once for the token, then opens nothing', async () => {
    const link = new URL(host.openUrl);
    expect(link.searchParams.has('token')).toBe(false);
    const ticket = link.searchParams.get('ticket')!;
    expect(ticket).not.toContain(host.token);
    const exchange = () => fetch(`${host.url}/auth/ticket`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ticket }) });
    const first = (await (await exchange()).json()) as { ok: boolean; value: { token: string } };
    expect(first).toEqual({ ok: true, value: { token: host.token } });
    const again = await exchange();
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: { messageKey: string } }).error.messageKey).toBe('errors.LINK_USED');
    // Each link read is a new ticket.
    expect(new URL(host.openUrl).searchParams.get('ticket')).not.toBe(ticket);
  });

  it('caps bodies per method: 1 MB for ordinary calls, before reading them', async () => {
    const auth = { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' };
    const big = JSON.stringify({ kind: 'incoming_call', summary: 'x'.repeat(2 * 1024 * 1024) });
    const res = await fetch(`${host.url}/api/log.create`, { method: 'POST', headers: auth, body: big });
    expect(res.status).toBe(413);
    // An attachment may be larger (its own cap): the same size reaches the core and is answered there.
    const attach = await fetch(`${host.url}/api/incident.attach`, { method: 'POST', headers: auth, body: JSON.stringify({ incidentId: 1, name: 'a.png', mime: 'image/png', dataBase64: 'A'.repeat(2 * 1024 * 1024) }) });
    expect(attach.status).toBe(200);
  });

  it('refuses 1.5 M keys or deep nesting before parsing, without holding the event loop', async () => {
    const auth = { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' };
    // Under the attachment cap, so only the shape check stands between it and JSON.parse.
    const keys = `{${Array.from({ length: 1_500_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
    expect(keys.length).toBeGreaterThan(15_000_000);
    const t0 = performance.now();
    const res = await fetch(`${host.url}/api/incident.attach`, { method: 'POST', headers: auth, body: keys });
    const ms = performance.now() - t0;
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { messageKey: string } }).error.messageKey).toBe('errors.PAYLOAD_TOO_COMPLEX');
    expect(ms).toBeLessThan(3000); // JSON.parse of it held the loop for 15 s
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    expect((await fetch(`${host.url}/api/app.status`, { method: 'POST', headers: auth, body: deep })).status).toBe(413);
  });
});
