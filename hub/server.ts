/**
 * The hub's HTTP JSON API.
 *
 *   GET  /v1/health                      engine and schema, no secrets
 *   POST /v1/enrol                       one-time code + desk key → enrolled
 *   POST /v1/head                        signed: the last seq stored (the desk's ack cursor)
 *   POST /v1/batch                       signed: a run of audit rows → verified and stored
 *   POST /v1/pull                        signed: what was sent down after the desk's cursor
 *   POST /v1/admin/codes                 admin token: a new one-time enrolment code
 *   GET  /v1/admin/desks                 admin token: every desk with its head
 *   POST /v1/admin/desks/:id/revoke      admin token: revoke a desk and its keys
 *   POST /v1/admin/users                 admin token: create or replace a console user
 *   POST /api/<method>, GET /            the hub console (console.ts): its API and the renderer in hub mode
 *
 * Listens on loopback unless told otherwise; HTTPS when a certificate and
 * key are given. Inputs are zod-validated; errors answer `{ error }`.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { batchRequestSchema, enrolRequestSchema, headRequestSchema, hubProtocolVersion, pullRequestSchema } from '../shared/hub-protocol';
import { hubRoles } from '../shared/hub-console';
import { createConsole, upsertUser, type ConsoleOptions } from './console';
import { schemaVersion } from './db/migrate';
import { HubError } from './errors';
import type { Hub } from './hub';

/** 1000 rows of a few KB each fit easily; anything larger is refused before parsing. */
export const maxBodyBytes = 32 * 1024 * 1024;

export interface ServeOptions {
  host?: string;
  port?: number;
  /** PEM certificate and key: serve HTTPS. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Bearer token of the admin API; null switches the admin API off. */
  adminToken: string | null;
  /** Serve the hub console (its API, and the renderer when `staticDir` is set). */
  console?: ConsoleOptions;
}

export interface RunningServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

const codeRequestSchema = z.object({ unitHint: z.string().trim().max(100).nullish(), ttlHours: z.number().int().min(1).max(24 * 30).optional() }).strict();
const revokeRequestSchema = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
const userRequestSchema = z.object({ login: z.string().trim().min(2).max(64), displayName: z.string().trim().min(1).max(100), role: z.enum(hubRoles), password: z.string().min(8).max(200) }).strict();

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      reject(new HubError('PAYLOAD_TOO_LARGE', '请求过大 / request too large'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBodyBytes) {
        reject(new HubError('PAYLOAD_TOO_LARGE', '请求过大 / request too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HubError('VALIDATION', '请求不是 JSON / the request is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue ? issue.path.join('.') : '';
  throw new HubError('VALIDATION', `请求格式不符：${where} / invalid request at ${where || '(root)'}: ${issue?.message ?? ''}`);
}

function tokenMatches(header: string | undefined, token: string | null): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const a = crypto.createHash('sha256').update(header.slice(7)).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

export function createHandler(hub: Hub, adminToken: string | null, consoleOpts?: ConsoleOptions): http.RequestListener {
  const hubConsole = consoleOpts ? createConsole(hub, consoleOpts) : null;
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://hub');
      const route = `${req.method ?? 'GET'} ${url.pathname}`;
      try {
        if (route === 'GET /v1/health') return send(res, 200, { ok: true, engine: hub.engine.kind, schema: schemaVersion, protocol: hubProtocolVersion });
        if (route === 'POST /v1/enrol') return send(res, 200, await hub.enrol(parse(enrolRequestSchema, await readBody(req))));
        if (route === 'POST /v1/head') return send(res, 200, await hub.head(parse(headRequestSchema, await readBody(req))));
        if (route === 'POST /v1/batch') return send(res, 200, await hub.ingest(parse(batchRequestSchema, await readBody(req))));
        if (route === 'POST /v1/pull') return send(res, 200, await hub.pull(parse(pullRequestSchema, await readBody(req))));
        if (hubConsole && !url.pathname.startsWith('/v1/') && (await hubConsole.handle(req, res, url))) return;
        if (url.pathname.startsWith('/v1/admin/')) {
          if (!tokenMatches(req.headers.authorization, adminToken)) throw new HubError('UNAUTHORIZED', '需要上级管理员令牌 / the hub admin token is required');
          if (route === 'POST /v1/admin/codes') return send(res, 200, await hub.createEnrolCode(parse(codeRequestSchema, await readBody(req))));
          if (route === 'GET /v1/admin/desks') return send(res, 200, { desks: await hub.listDesks() });
          if (route === 'POST /v1/admin/users') {
            await upsertUser(hub, parse(userRequestSchema, await readBody(req)));
            return send(res, 200, { ok: true });
          }
          const m = /^\/v1\/admin\/desks\/([^/]+)\/revoke$/u.exec(url.pathname);
          if (m && req.method === 'POST') {
            const { reason } = parse(revokeRequestSchema, await readBody(req));
            await hub.revokeDesk(decodeURIComponent(m[1]!), reason);
            return send(res, 200, { ok: true });
          }
        }
        throw new HubError('NOT_FOUND', `没有此接口 / no such endpoint: ${route}`);
      } catch (e) {
        if (e instanceof HubError) return send(res, e.status, { error: e.toBody() });
        console.error(`hub: ${route} failed:`, e);
        return send(res, 500, { error: { code: 'INTERNAL', message: '上级服务内部错误 / internal hub error' } });
      }
    })();
  };
}

/** Starts listening; resolves once the port is bound. */
export async function serve(hub: Hub, opts: ServeOptions): Promise<RunningServer> {
  const handler = createHandler(hub, opts.adminToken, opts.console);
  const server = opts.tls ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, handler) : http.createServer(handler);
  server.keepAliveTimeout = 30_000;
  server.requestTimeout = 120_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${shown}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
