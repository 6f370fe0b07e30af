/**
 * The loopback browser host: serves the built renderer and the same API as
 * Electron IPC, over HTTP on 127.0.0.1 only.
 *
 * - `POST /api/<method>` with a JSON body; `Authorization: Bearer <token>` on
 *   every API request (a random token per start), else 401. The token is
 *   accepted in the query string only on the event stream, where EventSource
 *   cannot send a header.
 * - `GET /api/events?token=…`: push events as Server-Sent Events.
 * - `/?ticket=…`: the link printed for the browser carries a one-time ticket,
 *   which the page exchanges (`POST /auth/ticket`) for the token and removes
 *   from the address bar; a used ticket is worthless, so history keeps
 *   nothing that opens the desk again.
 * - Bodies are capped per method (1 MB; attachments and imports at their own
 *   size), and their key count and nesting are checked before JSON.parse, so
 *   no request can hold the event loop; a malformed URL answers 400.
 * - `POST /__test/clock` moves the core clock, only when started with `testClock`.
 * - Host and Origin headers must name this server (DNS-rebinding defence).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { DeskApi } from '../core/trust/recovery';
import { toApiError } from '../core/api/dispatch';
import { DomainError, type ApiResult } from '../../shared/errors';
import { ManualClock } from '../core/clock';
import { contentSecurityPolicy } from '../../shared/security';
import { attachmentMaxBytes } from '../../shared/contract/incidents';
import { maxRosterImportBase64 } from '../../shared/contract/roster';

/** The body cap of an ordinary API call: the largest typed form (a 20,000-character report) fits several times over. */
export const defaultBodyBytes = 1024 * 1024;
/** Methods that carry a file, with their own caps (base64 plus room for the other fields). */
export const bodyCaps: Record<string, number> = {
  'incident.attach': Math.ceil(attachmentMaxBytes / 3) * 4 + 64 * 1024,
  'roster.importXlsx': maxRosterImportBase64 + 64 * 1024,
};
/** Most object keys and deepest nesting a request body may have (no method needs more than a few hundred, or 6 levels). */
export const maxBodyKeys = 10_000;
export const maxBodyDepth = 32;

/**
 * Counts object keys and nesting depth of a JSON text without parsing it,
 * stopping as soon as a limit is passed: an 18 MB body of 1.5 M keys used to
 * hold the event loop for 15 s inside JSON.parse.
 */
export function jsonShapeWithin(buf: Buffer, maxKeys = maxBodyKeys, maxDepth = maxBodyDepth): boolean {
  let depth = 0;
  let keys = 0;
  for (let i = 0; i < buf.length; i += 1) {
    const c = buf[i]!;
    if (c === 0x22) {
      // Skip the string (escapes included): quotes inside it are not structure.
      for (i += 1; i < buf.length; i += 1) {
        const d = buf[i]!;
        if (d === 0x5c) i += 1;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return false;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
    else if (c === 0x3a && ++keys > maxKeys) return false;
  }
  return true;
}

/** `decodeURIComponent` that answers null for a malformed escape (`/%`, `%E0%A4%A`) instead of throwing. */
function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export interface HostOptions {
  /** The desk's API, or the recovery API while the data file cannot be opened (trust/recovery.ts). */
  api: DeskApi;
  /** Folder of the built renderer (index.html + assets). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Expose `POST /__test/clock` (the core must run on a ManualClock). */
  testClock?: boolean;
  /** Largest accepted request body of an ordinary method (default 1 MB; `bodyCaps` for file methods). */
  maxBodyBytes?: number;
}

export interface RunningHost {
  url: string;
  /** A one-time link for the browser (a fresh ticket each time it is read). */
  readonly openUrl: string;
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

const errorBody = (code: ConstructorParameters<typeof DomainError>[0], key?: string): ApiResult<never> => ({ ok: false, error: toApiError(new DomainError(code, key)) });

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  // Refused before reading a byte when the client says it is too large.
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
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
  const limit = opts.maxBodyBytes ?? defaultBodyBytes;
  const limitFor = (method: string): number => bodyCaps[method] ?? limit;
  /** One-time tickets of the links handed to browsers (ticket → when it was made). */
  const tickets = new Map<string, number>();
  const newTicket = (): string => {
    const t = crypto.randomBytes(24).toString('base64url');
    tickets.set(t, Date.now());
    // A link nobody opened is forgotten after a day; at most 100 are kept.
    for (const [k, at] of tickets) if (tickets.size > 100 || Date.now() - at > 86_400_000) tickets.delete(k);
    return t;
  };
  const staticRoot = path.resolve(opts.staticDir);
  let port = 0;
  const sseClients = new Set<http.ServerResponse>();

  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  /** The token from the Authorization header; from `?token=` only where a header cannot be sent (EventSource). */
  const tokenOk = (req: http.IncomingMessage, url: URL | null, queryAllowed = false): boolean => {
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : queryAllowed && url ? (url.searchParams.get('token') ?? '') : '';
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
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    } catch {
      return sendJson(res, 400, errorBody('VALIDATION', 'errors.BAD_URL'));
    }
    const pathname = safeDecode(url.pathname);
    if (pathname === null) return sendJson(res, 400, errorBody('VALIDATION', 'errors.BAD_URL'));

    if (url.pathname === '/auth/ticket' && req.method === 'POST') {
      // The one-time link's ticket, exchanged once for the token (Host and Origin were checked above).
      const body = await readBody(req, 1024);
      let ticket: string;
      try {
        ticket = body === 'too-large' ? '' : String((JSON.parse(body.toString('utf8')) as { ticket?: unknown }).ticket ?? '');
      } catch {
        ticket = '';
      }
      if (!ticket || !tickets.delete(ticket)) return sendJson(res, 401, errorBody('UNAUTHENTICATED', 'errors.LINK_USED'));
      return sendJson(res, 200, { ok: true, value: { token } });
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!tokenOk(req, url, true)) return sendJson(res, 401, errorBody('UNAUTHENTICATED'));
      res.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (!tokenOk(req, url)) return sendJson(res, 401, errorBody('UNAUTHENTICATED'));
      if (req.method !== 'POST') return sendJson(res, 405, errorBody('UNKNOWN_METHOD'));
      const method = pathname.slice(5);
      const body = await readBody(req, limitFor(method));
      if (body === 'too-large') return sendJson(res, 413, errorBody('PAYLOAD_TOO_LARGE'));
      if (!jsonShapeWithin(body)) return sendJson(res, 413, errorBody('PAYLOAD_TOO_LARGE', 'errors.PAYLOAD_TOO_COMPLEX'));
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
    serveStatic(pathname, res);
  }

  /** Serves a file of the built renderer; `pathname` is already decoded. */
  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/u, '');
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
      // One line, no stack trace: the request is answered with a translated error.
      console.error(`[dutydesk host] ${req.method} ${String(req.url).slice(0, 120)}: ${String((e as Error)?.message ?? e).slice(0, 200)}`);
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
    get openUrl() {
      return `${url}/?ticket=${newTicket()}`;
    },
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
