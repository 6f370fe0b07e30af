/**
 * The hub console: its users and sessions, its API (`POST /api/<method>`,
 * `ApiResult` answers as the desk's host gives), and the built renderer
 * served in hub mode.
 *
 * Users are created on the command line (`npm run hub -- user …`); roles
 * admin (上级管理员: codes, holiday notices), officer (上级值班员: notices,
 * presence checks) and leader (领导: reads). Sessions live in memory and are
 * sent in the `x-dutydesk-session` header, never in a cookie (no CSRF), and
 * end after 12 idle hours.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { z } from 'zod';
import type { ApiError, ApiResult, ErrorCode, FieldIssue } from '../shared/errors';
import { hubConsoleMethods, type HubMethodName, type HubOutput, type HubRole, type HubUser } from '../shared/hub-console';
import { contentSecurityPolicy } from '../shared/security';
import { localInstant, monthRange, addDays } from '../shared/time';
import { parseHolidayNotice } from '../shared/domain/calendar-notice';
import type { Hub } from './hub';
import { HubError } from './errors';
import { sendDown } from './downward';
import { board, checkMonth, incidents, noticeStatus, petitionTotals } from './views';

// ── passwords (scrypt, as the desk stores them) ──────────────────────────────

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password.normalize('NFKC'), salt, 32, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = crypto.scryptSync(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** Creates or replaces a console user (the CLI's `user` command, through the admin API). */
export async function upsertUser(hub: Hub, u: { login: string; displayName: string; role: HubRole; password: string }): Promise<void> {
  if (!/^[A-Za-z0-9_.-]{2,64}$/u.test(u.login)) throw new HubError('VALIDATION', '登录名只能使用字母、数字、下划线、点和横线 / login: letters, digits, _ . -');
  if (u.password.length < 8 || !/[A-Za-z]/u.test(u.password) || !/\d/u.test(u.password)) throw new HubError('VALIDATION', '密码至少 8 位，且同时包含字母和数字 / password: ≥ 8 characters with letters and digits');
  await hub.engine.query(
    `INSERT INTO hub_users (login, display_name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (login) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, password_hash = excluded.password_hash, disabled_at = NULL`,
    [u.login, u.displayName, u.role, hashPassword(u.password), hub.auth.now().toISOString()],
  );
}

interface Session extends HubUser {
  id: string;
  lastActive: number;
}

const idleMs = 12 * 3600_000;

export interface ConsoleOptions {
  /** Folder of the built renderer (out/renderer); null serves no pages (API only). */
  staticDir: string | null;
  hubName: string;
  timeZone: string;
}

const messages: Record<ErrorCode, string> = {
  VALIDATION: '输入有误，请按提示修改后再保存。',
  UNKNOWN_METHOD: '不支持的操作。',
  UNAUTHENTICATED: '请先登录。',
  SESSION_LOCKED: '已锁定。',
  FORBIDDEN: '您的角色无权进行此操作。',
  SETUP_REQUIRED: '尚未创建上级用户。',
  ALREADY_SET_UP: '已设置。',
  NOT_FOUND: '要找的记录不存在。',
  CONFLICT: '操作未完成。',
  READ_ONLY: '只读。',
  BAD_CREDENTIALS: '用户名或密码错误。',
  RATE_LIMITED: '尝试次数过多，请稍后再试。',
  PAYLOAD_TOO_LARGE: '提交的内容过大。',
  INTERNAL: '上级服务内部出错，请重试。',
};

const apiError = (code: ErrorCode, messageKey = `errors.${code}`, details?: ApiError['details']): ApiError => ({ code, messageKey, message: messages[code], ...(details ? { details } : {}) });

function zodIssues(err: z.ZodError): FieldIssue[] {
  return err.issues.map((i) => ({ path: i.path.join('.'), messageKey: i.code === 'custom' ? `validation.${i.message}` : `validation.${i.code === 'too_small' || i.code === 'too_big' ? `${i.code}_string` : 'invalid_format'}` }));
}

type Handler = (input: never, s: Session | null) => Promise<unknown>;

/** The console API and page server; `handle` answers `/api/*` and the pages, or returns false. */
export function createConsole(hub: Hub, opts: ConsoleOptions) {
  const sessions = new Map<string, Session>();
  const failures = new Map<string, { n: number; until: number }>();
  const now = (): Date => hub.auth.now();
  const tz = opts.timeZone;
  const dayBounds = (date: string) => ({ since: new Date(localInstant(date, 0, tz)).toISOString(), until: new Date(localInstant(addDays(date, 1), 0, tz)).toISOString() });

  const handlers: { [M in HubMethodName]: (input: z.output<(typeof hubConsoleMethods)[M]['input']>, s: Session | null) => Promise<HubOutput<M>> } = {
    'hub.status': async () => {
      const n = await hub.engine.query<{ n: number }>('SELECT count(*)::int AS n FROM hub_users WHERE disabled_at IS NULL');
      return { mode: 'hub', hubName: opts.hubName, timeZone: tz, now: now().toISOString(), hasUsers: (n.rows[0]?.n ?? 0) > 0 };
    },
    'hub.login': async (input) => {
      const f = failures.get(input.login);
      if (f && f.until > Date.now()) throw new HubConsoleError(apiError('RATE_LIMITED', 'errors.RATE_LIMITED', { seconds: Math.ceil((f.until - Date.now()) / 1000) }));
      const r = await hub.engine.query<{ login: string; display_name: string; role: HubRole; password_hash: string }>(
        'SELECT login, display_name, role, password_hash FROM hub_users WHERE login = $1 AND disabled_at IS NULL',
        [input.login],
      );
      const u = r.rows[0];
      if (!u || !verifyPassword(input.password, u.password_hash)) {
        const n = (f?.n ?? 0) + 1;
        failures.set(input.login, { n, until: n >= 5 ? Date.now() + Math.min(15 * 60_000, 30_000 * 2 ** (n - 5)) : 0 });
        throw new HubConsoleError(apiError('BAD_CREDENTIALS'));
      }
      failures.delete(input.login);
      const s: Session = { id: crypto.randomBytes(32).toString('base64url'), login: u.login, displayName: u.display_name, role: u.role, lastActive: Date.now() };
      sessions.set(s.id, s);
      return { sessionId: s.id, user: { login: s.login, displayName: s.displayName, role: s.role } };
    },
    'hub.session': async (_i, s) => (s ? { login: s.login, displayName: s.displayName, role: s.role } : null),
    'hub.logout': async (_i, s) => {
      if (s) sessions.delete(s.id);
      return null;
    },
    'hub.board': async (input) => ({ date: input.date, desks: await board(hub.engine, { date: input.date, ...dayBounds(input.date) }, now()), pending: [] }),
    'hub.petitions': async (input) => petitionTotals(hub.engine, input, tz),
    'hub.incidents': async (input) => incidents(hub.engine, { since: dayBounds(input.from).since, until: dayBounds(input.to).until }),
    'hub.checkMonth': async (input) => {
      const { from, to } = monthRange(input.month);
      const r = await checkMonth(hub.engine, { since: dayBounds(from).since, until: dayBounds(to).until }, now());
      return { month: input.month, ...r };
    },
    'hub.sendCheck': async (input, s) => {
      const m = await sendDown(hub.engine, { kind: 'check', limitSeconds: input.limitSeconds ?? 60, from: opts.hubName }, input.deskIds, s!.login, now());
      return { version: m.version };
    },
    'hub.notices': async (input) =>
      (await noticeStatus(hub.engine, input.kind)).map((n) => ({
        version: n.message.version,
        kind: input.kind,
        title: n.message.payload.kind === 'check' ? '' : n.message.payload.title,
        sentAt: n.message.sentAt,
        sentBy: n.message.sentBy,
        year: n.message.payload.kind === 'holiday' ? n.message.payload.year : null,
        desks: n.desks,
      })),
    'hub.sendNotice': async (input, s) => {
      const m = await sendDown(hub.engine, { kind: 'notice', title: input.title, body: input.body, from: opts.hubName }, input.deskIds, s!.login, now());
      return { version: m.version };
    },
    'hub.sendHoliday': async (input, s) => {
      // Checked here with the desks' own parser, so a notice no desk could read is never sent.
      const parsed = parseHolidayNotice(input.year, input.text);
      const days = parsed.days.filter((d) => d.date.startsWith(`${input.year}-`));
      if (parsed.problems.length || days.length === 0) {
        throw new HubConsoleError(apiError('VALIDATION', 'hub.errors.noticeUnreadable', { problems: parsed.problems.join('；') }));
      }
      const m = await sendDown(hub.engine, { kind: 'holiday', year: input.year, title: input.title, text: input.text, from: opts.hubName }, input.deskIds, s!.login, now());
      return { version: m.version, days: days.length };
    },
    'hub.reportRules': async () =>
      (await noticeStatus(hub.engine, 'reportRules')).flatMap((n) =>
        n.message.payload.kind === 'reportRules'
          ? [
              {
                version: n.message.version,
                title: n.message.payload.title,
                sentAt: n.message.sentAt,
                sentBy: n.message.sentBy,
                mode: n.message.payload.mode,
                cutoffMinutes: n.message.payload.cutoffMinutes,
                zeroWording: n.message.payload.zeroWording,
                desks: n.desks,
              },
            ]
          : [],
      ),
    'hub.sendReportRules': async (input, s) => {
      const m = await sendDown(
        hub.engine,
        { kind: 'reportRules', title: input.title, mode: input.mode, cutoffMinutes: input.cutoffMinutes, zeroWording: input.zeroWording, from: opts.hubName },
        input.deskIds,
        s!.login,
        now(),
      );
      return { version: m.version };
    },
    'hub.createCode': async (input) => hub.createEnrolCode({ unitHint: input.unitHint }),
  };

  async function call(method: string, body: unknown, sessionId: string | null): Promise<ApiResult<unknown>> {
    if (!Object.hasOwn(hubConsoleMethods, method)) return { ok: false, error: apiError('UNKNOWN_METHOD') };
    const name = method as HubMethodName;
    const spec = hubConsoleMethods[name];
    let s = sessionId ? (sessions.get(sessionId) ?? null) : null;
    if (s && Date.now() - s.lastActive > idleMs) {
      sessions.delete(s.id);
      s = null;
    }
    if (s) s.lastActive = Date.now();
    if (spec.access !== 'public') {
      if (!s) return { ok: false, error: apiError('UNAUTHENTICATED') };
      if (Array.isArray(spec.access) && !(spec.access as readonly string[]).includes(s.role)) return { ok: false, error: apiError('FORBIDDEN') };
    }
    const parsed = spec.input.safeParse(body ?? {});
    if (!parsed.success) return { ok: false, error: apiError('VALIDATION', 'errors.VALIDATION', { issues: zodIssues(parsed.error) }) };
    try {
      const value = await (handlers[name] as Handler)(parsed.data as never, s);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof HubConsoleError) return { ok: false, error: e.error };
      if (e instanceof HubError) {
        const code: ErrorCode = e.code === 'NOT_FOUND' ? 'NOT_FOUND' : e.code === 'VALIDATION' ? 'VALIDATION' : 'CONFLICT';
        return { ok: false, error: { ...apiError(code, 'hub.errors.refused', { message: e.message }), message: e.message } };
      }
      console.error(`hub console: ${method} failed:`, e);
      return { ok: false, error: apiError('INTERNAL') };
    }
  }

  const staticRoot = opts.staticDir ? path.resolve(opts.staticDir) : null;
  const mime: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.json': 'application/json; charset=utf-8',
  };
  const headers = {
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };

  function page(pathname: string, res: http.ServerResponse): boolean {
    if (!staticRoot) return false;
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/u, '');
    const file = path.resolve(staticRoot, rel);
    if (!file.startsWith(staticRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return false;
    const ext = path.extname(file);
    if (ext === '.html') {
      // The same renderer, told it runs at a hub: a data attribute, no script (the CSP stays strict).
      const html = fs.readFileSync(file, 'utf8').replace('<html', '<html data-dutydesk-mode="hub"');
      res.writeHead(200, { ...headers, 'content-type': mime['.html']!, 'cache-control': 'no-store' });
      res.end(html);
      return true;
    }
    res.writeHead(200, { ...headers, 'content-type': mime[ext] ?? 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' });
    fs.createReadStream(file).pipe(res);
    return true;
  }

  const readBody = (req: http.IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 1024 * 1024) req.destroy(new Error('too large'));
        else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const sendJson = (res: http.ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  /** Answers console requests; false when the path is not the console's. */
  async function handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname === '/api/events' && req.method === 'GET') {
      // The hub pushes nothing yet: the console polls. An open, silent stream keeps the renderer's EventSource calm.
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': hub\n\n');
      return true;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        sendJson(res, 405, { ok: false, error: apiError('UNKNOWN_METHOD') });
        return true;
      }
      let body: unknown;
      try {
        const text = await readBody(req);
        body = text ? JSON.parse(text) : {};
      } catch {
        sendJson(res, 400, { ok: false, error: apiError('VALIDATION') });
        return true;
      }
      const sid = req.headers['x-dutydesk-session'];
      sendJson(res, 200, await call(decodeURIComponent(url.pathname.slice(5)), body, typeof sid === 'string' ? sid : null));
      return true;
    }
    if (req.method === 'GET' && !url.pathname.startsWith('/v1/')) return page(url.pathname, res);
    return false;
  }

  return { call, handle };
}

class HubConsoleError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}
