/**
 * npm run hub [-- options]              start the hub
 * npm run hub -- code [--unit 名称]     create a one-time enrolment code on the running hub
 * npm run hub -- desks                  list enrolled desks and their heads
 * npm run hub -- user --login L --display-name 姓名 --role admin|officer|leader [--password P]
 *                                       create (or reset) a console user on the running hub
 *
 * Options:
 *   --data-dir DIR     hub folder (default ./hub-data): the embedded database (DIR/pgdata),
 *                      the admin token (DIR/admin-token), the hub's address (DIR/hub.json)
 *   --database URL     a real PostgreSQL 15+ (postgres://user:pass@host:5432/db) instead of the embedded one
 *   --pool N           connections to a real PostgreSQL (default 4)
 *   --host ADDR        address to listen on (default 127.0.0.1; an intranet address to serve desks)
 *   --port N           default 8470
 *   --cert FILE --key FILE   serve HTTPS with this PEM certificate and key
 *   --name 名称        the office's name on the console and the 汇总 sheet (default 上级总值班室)
 *   --time-zone TZ     the console's dates (default Asia/Shanghai)
 *
 * The console (the renderer in hub mode) is served at / when the renderer is
 * built (npm run build:renderer); otherwise the hub runs API-only.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { requestJson } from './client';
import { Hub, openEngine } from './hub';
import { serve } from './server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string', default: 'hub-data' },
    database: { type: 'string' },
    pool: { type: 'string', default: '4' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8470' },
    cert: { type: 'string' },
    key: { type: 'string' },
    unit: { type: 'string' },
    ttl: { type: 'string' },
    login: { type: 'string' },
    'display-name': { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string', default: '上级总值班室' },
    'time-zone': { type: 'string', default: 'Asia/Shanghai' },
  },
});
const dataDir = path.resolve(values['data-dir']);
const tokenFile = path.join(dataDir, 'admin-token');
const stateFile = path.join(dataDir, 'hub.json');

function adminToken(): string {
  if (fs.existsSync(tokenFile)) return fs.readFileSync(tokenFile, 'utf8').trim();
  const token = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  return token;
}

function runningUrl(): string {
  if (!fs.existsSync(stateFile)) throw new Error(`no running hub found in ${dataDir} (start it with npm run hub)`);
  return (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { url: string }).url;
}

async function admin(method: 'GET' | 'POST', p: string, body?: unknown): Promise<unknown> {
  const url = runningUrl();
  const ca = values.cert ? fs.readFileSync(values.cert) : undefined;
  const r = await requestJson(ca ? { url, ca } : url, method, p, body, { authorization: `Bearer ${adminToken()}` });
  if (r.status !== 200) throw new Error(JSON.stringify(r.json));
  return r.json;
}

async function main(): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  const cmd = positionals[0] ?? 'serve';
  if (cmd === 'code') {
    const r = (await admin('POST', '/v1/admin/codes', { unitHint: values.unit ?? null, ...(values.ttl ? { ttlHours: Number(values.ttl) } : {}) })) as { code: string; expiresAt: string };
    console.log(`登记码 enrolment code: ${r.code}   (一次有效 one use, 有效至 valid until ${r.expiresAt})`);
    return;
  }
  if (cmd === 'user') {
    if (!values.login || !values.role) throw new Error('user needs --login and --role (admin, officer or leader)');
    const password = values.password ?? crypto.randomBytes(9).toString('base64url').replace(/[-_]/gu, 'x') + '7a';
    await admin('POST', '/v1/admin/users', { login: values.login, displayName: values['display-name'] ?? values.login, role: values.role, password });
    console.log(`上级用户 hub user ${values.login} (${values.role})${values.password ? '' : `   初始密码 initial password: ${password}`}`);
    return;
  }
  if (cmd === 'desks') {
    console.log(JSON.stringify(await admin('GET', '/v1/admin/desks'), null, 2));
    return;
  }
  if (cmd !== 'serve') throw new Error(`unknown command ${cmd}`);
  const engine = await openEngine(values.database ? { database: values.database } : { dataDir: path.join(dataDir, 'pgdata') }, Number(values.pool));
  const hub = await Hub.open(engine);
  hub.startHousekeeping();
  const tls = values.cert && values.key ? { cert: fs.readFileSync(values.cert), key: fs.readFileSync(values.key) } : undefined;
  if (Boolean(values.cert) !== Boolean(values.key)) throw new Error('--cert and --key go together');
  const built = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'out', 'renderer');
  const staticDir = fs.existsSync(path.join(built, 'index.html')) ? built : null;
  if (!staticDir) console.warn('hub: renderer not built (npm run build:renderer): the console pages are not served');
  const running = await serve(hub, {
    host: values.host,
    port: Number(values.port),
    adminToken: adminToken(),
    console: { staticDir, hubName: values.name, timeZone: values['time-zone'] },
    ...(tls ? { tls } : {}),
  });
  fs.writeFileSync(stateFile, `${JSON.stringify({ url: running.url, pid: process.pid })}\n`);
  console.log(`READY ${running.url} engine=${engine.kind} data=${dataDir}`);
  const stop = (): void => {
    void running
      .close()
      .then(() => hub.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`hub: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
