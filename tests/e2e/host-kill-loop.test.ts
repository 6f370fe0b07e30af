/**
 * The kill loop through the real host process (issue 12 §6): `npm run web`'s
 * CLI is started on a data folder, written to over HTTP, and SIGKILLed at a
 * random moment — many times. After every kill the next start must open the
 * store writable with no fault at all (no false "behind" alarm from the
 * `chain-head.json` the host keeps), every acknowledged write must be there,
 * and the chain must verify.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startHostProcess, type HostProcess } from './host-process';
import { tempDir } from '../helpers/core';
import { dbFileName } from '../../electron/core/store/connection';
import { verifyAuditDb } from '../../electron/core/audit/verify';

const kills = Number(process.env.DUTYDESK_HOST_KILLS ?? 12);


async function call(h: HostProcess, method: string, input: unknown, session: string | null): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const res = await fetch(`${h.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json', ...(session ? { 'x-dutydesk-session': session } : {}) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
}

const kill = (c: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (c.exitCode !== null) return resolve();
    c.once('exit', () => resolve());
    c.kill('SIGKILL');
  });

describe('kill loop through the real host', () => {
  it(`${kills} SIGKILLs of npm run web while writing over HTTP: no lost write, no false alarm`, async () => {
    const dir = tempDir('dutydesk-hostkill-');
    const acknowledged: string[] = [];
    let kill0 = 0;
    try {
      let h = await startHostProcess(dir);
      const setup = await call(h, 'app.setup', {
        deskName: '测试值班室', dutyPhone: null, fax: null, timeZone: 'Asia/Shanghai',
        adminName: '管理员', adminLogin: 'admin', adminPassword: 'admin12345', adminMobile: null, adminDepartment: null,
      }, null);
      expect(setup.ok).toBe(true);
      for (let k = 0; k < kills; k += 1) {
        const login = await call(h, 'auth.login', { login: 'admin', password: 'admin12345' }, null);
        expect(login.ok, `start ${k}: login ${JSON.stringify(login.error)}; ${h.stderr()}`).toBe(true);
        const session = (login.value as { sessionId: string }).sessionId;
        // Write until killed, 300–1500 ms in (past the chain-head writer's 1 s interval now and then).
        const until = Date.now() + 300 + ((k * 397) % 1200);
        let n = 0;
        const writes = (async () => {
          for (let guard = 0; guard < 100_000; guard += 1) {
            const name = `值班员${k}-${n++}`;
            try {
              const r = await call(h, 'people.create', { name, department: null, title: null, officePhone: null, mobile: null, roles: ['officer'], sortOrder: 0 }, session);
              if (r.ok) acknowledged.push(name);
            } catch {
              return; // the host died mid-request: that write was never acknowledged
            }
          }
        })();
        await new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())));
        await kill(h.child);
        kill0 += 1;
        await writes;
        expect(fs.existsSync(path.join(dir, 'chain-head.json'))).toBe(true);
        h = await startHostProcess(dir);
        // No fault printed, the store writable: no false "behind" after a kill.
        expect(h.stderr()).not.toMatch(/只读|缺少最近|read-only|lacks/u);
        const status = await call(h, 'app.status', {}, null);
        expect((status.value as { readOnly: boolean }).readOnly).toBe(false);
      }
      await kill(h.child);
      const db = new Database(path.join(dir, dbFileName), { readonly: true });
      try {
        const names = new Set((db.prepare('SELECT name FROM people').all() as { name: string }[]).map((r) => r.name));
        const lost = acknowledged.filter((n) => !names.has(n));
        expect(lost).toEqual([]);
        expect(verifyAuditDb(db).ok).toBe(true);
      } finally {
        db.close();
      }
      expect(kill0).toBe(kills);
      expect(acknowledged.length).toBeGreaterThan(kills * 5);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
