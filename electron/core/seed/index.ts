/**
 * Deterministic demo desk: the same options give the same data.
 *
 * Foundation first (desk, people, contacts, users); then each domain's seeder
 * in order. Domain seeders live beside this file and batch their writes
 * through `ctx.write` so every row is audited like any other write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../core';
import { describeCliError } from '../cli-error';
import { createApi } from '../api/dispatch';
import type { Connection } from '../context';
import { transact } from '../write';
import { DomainError } from '../../../shared/errors';
import { deskDutyDate } from '../duty/day';
import { Rng } from './rng';
import { seedContacts, seedPeople } from './directory';
import type { SeedCtx, Seeder } from './types';
import { seedRoster } from './roster';
import { seedIncidents } from './incidents';

export const seeders: { name: string; run: Seeder }[] = [
  { name: 'roster', run: seedRoster },
  { name: 'incidents', run: seedIncidents },
];

export interface SeedOptions {
  dataDir: string;
  years: number;
  people?: number;
  seed?: number;
  /** The last day of history (local date); default: the core clock's today. */
  toDate?: string;
  log?: (msg: string) => void;
  clockNow?: number;
}

export const demoAdmin = { login: 'admin', password: 'admin12345' };

export async function seedDemo(opts: SeedOptions): Promise<{ core: Core; people: number }> {
  const log = opts.log ?? (() => undefined);
  const core = new Core({ dataDir: opts.dataDir, ...(opts.clockNow ? { clock: { now: () => opts.clockNow! } } : {}) });
  const api = createApi(core);
  const conn: Connection = { sessionId: null };
  const setup = await api.call(
    'app.setup',
    {
      deskName: '肇庆市应急管理局总值班室',
      dutyPhone: '0758-2222110',
      fax: '0758-2222119',
      timeZone: 'Asia/Shanghai',
      adminName: '系统管理员',
      adminLogin: demoAdmin.login,
      adminPassword: demoAdmin.password,
      adminMobile: '13800000000',
      adminDepartment: '办公室',
    },
    conn,
  );
  if (!setup.ok) {
    core.close();
    throw new DomainError(setup.error.code, setup.error.messageKey, setup.error.details);
  }
  try {
    return seedAll(core, conn, opts, log);
  } catch (err) {
    core.close();
    throw err;
  }
}

function seedAll(core: Core, conn: Connection, opts: SeedOptions, log: (msg: string) => void): { core: Core; people: number } {
  const session = core.sessions.get(conn.sessionId)!;
  const rng = new Rng(opts.seed ?? 20261125);
  const write = <T>(fn: Parameters<typeof transact<T>>[2]): T => transact(core, { session, label: 'seed' }, fn);

  const people = write((ctx) => {
    const p = seedPeople(ctx, rng, opts.people ?? 36);
    seedContacts(ctx);
    return p;
  });
  log(`people: ${people.length}`);

  // The history ends with the duty day under way (00:01 on New Year's Day is still 12-31's duty).
  const toDate = opts.toDate ?? deskDutyDate(core.db, core.clock.now());
  const from = new Date(`${toDate}T00:00:00Z`);
  from.setUTCFullYear(from.getUTCFullYear() - opts.years);
  const ctx: SeedCtx = {
    core,
    rng,
    years: opts.years,
    fromDate: from.toISOString().slice(0, 10),
    toDate,
    session,
    people,
    write,
    log,
  };
  for (const s of seeders) {
    const t = Date.now();
    s.run(ctx);
    log(`${s.name}: ${Date.now() - t} ms`);
  }
  return { core, people: people.length };
}

/**
 * Seeds a demo desk into a folder, all or nothing.
 *
 * On failure the folder is left as it was — removed if this call created it,
 * else only the entries this call added — so a rerun is not refused by a
 * half-seeded database, and the reason comes back translated (no stack).
 */
export async function seedDemoFolder(opts: SeedOptions): Promise<{ ok: true; people: number } | { ok: false; message: string }> {
  const existed = fs.existsSync(opts.dataDir);
  const before = new Set(existed ? fs.readdirSync(opts.dataDir) : []);
  try {
    const { core, people } = await seedDemo(opts);
    core.close();
    return { ok: true, people };
  } catch (err) {
    if (!existed) fs.rmSync(opts.dataDir, { recursive: true, force: true });
    else for (const name of fs.readdirSync(opts.dataDir)) if (!before.has(name)) fs.rmSync(path.join(opts.dataDir, name), { recursive: true, force: true });
    return { ok: false, message: describeCliError(err) };
  }
}
