/**
 * The loopback browser host: serves the built renderer and the same API as
 * Electron IPC, over HTTP on 127.0.0.1 only.
 *
 * - `POST /api/<method>` with a JSON body; `Authorization: Bearer <token>` on
 *   every API request (a random token per start), else 401.
 * - `GET /api/events?token=…`: push events as Server-Sent Events.
 * - `POST /__test/clock` moves the core clock, only when started with `testClock`.
 * - Host and Origin headers must name this server (DNS-rebinding defence).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Api } from '../core/api/dispatch';
import { toApiError } from '../core/api/dispatch';
import { DomainError, type ApiResult } from '../../shared/errors';
import { ManualClock } from '../core/clock';
import { contentSecurityPolicy } from '../../shared/security';

export interface HostOptions {
  api: Api;
  /** Folder of the built renderer (index.html + assets). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Expose `POST /__test/clock` (the core must run on a ManualClock). */
  testClock?: boolean;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
}

export interface RunningHost {
  url: string;
  /** URL with the token, for the browser. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const clockInput = z.union([
  z.object({ now: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ advanceMs: z.number().int().min(-366 * 86_400_000).max(366 * 86_400_000) }).strict(),
]);

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

const errorBody = (code: ConstructorParameters<typeof DomainError>[0]): ApiResult<never> => ({ ok: false, error: toApiError(new DomainError(code)) });

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const { api } = opts;
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const limit = opts.maxBodyBytes ?? 32 * 1024 * 1024;
  const staticRoot = path.resolve(opts.staticDir);
  let port = 0;
  const sseClients = new Set<http.ServerResponse>();

  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const tokenOk = (req: http.IncomingMessage, url: URL): boolean => {
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : (url.searchParams.get('token') ?? '');
    return safeEqual(given, token);
  };

  const unsubscribe = api.core.events.subscribe((e) => {
    const line = `data: ${JSON.stringify(e)}\n\n`;
    for (const c of sseClients) c.write(line);
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      sendJson(res, 421, errorBody('FORBIDDEN'));
      return;
    }
    const origin = req.headers.origin;
    if (origin && !allowedHosts().some((h) => origin === `http://${h}`)) {
      sendJson(res, 403, errorBody('FORBIDDEN'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!tokenOk(req, url)) return sendJson(res, 401, errorBody('UNAUTHENTICATED'));
      res.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (!tokenOk(req, url)) return sendJson(res, 401, errorBody('UNAUTHENTICATED'));
      if (req.method !== 'POST') return sendJson(res, 405, errorBody('UNKNOWN_METHOD'));
      const method = decodeURIComponent(url.pathname.slice(5));
      const body = await readBody(req, limit);
      if (body === 'too-large') return sendJson(res, 413, errorBody('PAYLOAD_TOO_LARGE'));
      let input: unknown = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch {
          return sendJson(res, 400, { ok: false, error: toApiError(new DomainError('VALIDATION', 'errors.VALIDATION', { issues: [{ path: '', messageKey: 'validation.invalid_type' }] })) });
        }
      }
      const sessionHeader = req.headers['x-dutydesk-session'];
      const conn = { sessionId: typeof sessionHeader === 'string' && sessionHeader.length < 200 ? sessionHeader : null };
      const result = await api.call(method, input, conn);
      return sendJson(res, 200, result);
    }

    if (url.pathname === '/__test/clock' && opts.testClock) {
      if (!tokenOk(req, url)) return sendJson(res, 401, errorBody('UNAUTHENTICATED'));
      const clock = api.core.clock;
      if (!(clock instanceof ManualClock)) return sendJson(res, 409, errorBody('CONFLICT'));
      const body = await readBody(req, 4096);
      let parsed: z.infer<typeof clockInput>;
      try {
        parsed = clockInput.parse(JSON.parse(body === 'too-large' ? '' : body.toString('utf8')));
      } catch {
        return sendJson(res, 400, errorBody('VALIDATION'));
      }
      if ('now' in parsed) clock.set(Date.parse(parsed.now));
      else clock.advance(parsed.advanceMs);
      const now = new Date(clock.now()).toISOString();
      api.core.events.emit({ type: 'clock', now });
      return sendJson(res, 200, { ok: true, value: { now } });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, errorBody('UNKNOWN_METHOD'));
    serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/u, '');
    const file = path.resolve(staticRoot, rel);
    if (!file.startsWith(staticRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const ext = path.extname(file);
    res.writeHead(200, {
      ...securityHeaders,
      'content-type': mimeTypes[ext] ?? 'application/octet-stream',
      'cache-control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[dutydesk host]', e);
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL'));
      else res.end();
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const c of sseClients) c.end();
        sseClients.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
