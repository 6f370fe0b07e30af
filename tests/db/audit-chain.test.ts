/**
 * One write path: every change through the API leaves exactly one chained
 * audit row, failures leave none, and the audit table is append-only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import { iterateAudit, sha256Hex } from '../../electron/core/audit/chain';
import { canonicalAuditPayload, genesisHash } from '../../shared/audit';
import { transact } from '../../electron/core/write';

let desk: TestDesk;
afterEach(() => desk?.close());

const auditCount = (d: TestDesk) => (d.core.db.prepare('SELECT count(*) n FROM audit_log').get() as { n: number }).n;

/** Recomputes the whole chain from genesis; returns the first bad seq or null. */
function firstBadSeq(d: TestDesk): number | null {
  let prev = genesisHash;
  let expectSeq = 1;
  for (const e of iterateAudit(d.core.db)) {
    const { hash, ...rest } = e;
    if (e.seq !== expectSeq || e.prevHash !== prev || sha256Hex(canonicalAuditPayload(rest)) !== hash) return e.seq;
    prev = hash;
    expectSeq += 1;
  }
  return null;
}

describe('audited writes', () => {
  it('setup writes desk, person, user and login rows, chained from genesis', async () => {
    desk = await makeDesk();
    const rows = [...iterateAudit(desk.core.db)];
    expect(rows.map((r) => r.action)).toEqual(['desk.create', 'person.create', 'user.create', 'auth.login']);
    expect(rows[0]!.prevHash).toBe(genesisHash);
    expect(rows.every((r) => r.deskId === rows[0]!.deskId && r.v === 1)).toBe(true);
    expect(firstBadSeq(desk)).toBeNull();
    // The password hash never enters the audit stream.
    expect(rows.some((r) => (r.after ?? '').includes('scrypt'))).toBe(false);
  });

  it('leaves exactly one audit row per change, with before and after', async () => {
    desk = await makeDesk();
    const a = desk.admin;
    let n = auditCount(desk);
    const p = await desk.call(a, 'people.create', { name: '赵六', department: null, title: null, officePhone: null, mobile: '13800000001', roles: ['officer'], sortOrder: 3 });
    expect(auditCount(desk)).toBe(++n);
    await desk.call(a, 'people.update', { id: p.id, name: '赵六', department: '办公室', title: '科员', officePhone: null, mobile: '13800000001' });
    expect(auditCount(desk)).toBe(++n);
    await desk.call(a, 'people.setActive', { id: p.id, active: false, reason: '调离' });
    expect(auditCount(desk)).toBe(++n);
    const c = await desk.call(a, 'contacts.create', { kind: 'superior', name: '市政府总值班室', unit: null, phone: '0758-2888110', mobile: null, fax: null, note: null, sortOrder: 0 });
    expect(auditCount(desk)).toBe(++n);
    await desk.call(a, 'contacts.update', { id: c.id, kind: c.kind, name: c.name, unit: c.unit, phone: '0758-2888111', mobile: null, fax: null, note: null });
    expect(auditCount(desk)).toBe(++n);
    await desk.call(a, 'desk.update', { fax: '0758-2222120' });
    expect(auditCount(desk)).toBe(++n);
    await desk.call(a, 'settings.update', { idleLockMinutes: 15 });
    expect(auditCount(desk)).toBe(++n);
    const u = await desk.call(a, 'users.create', { login: 'zhao6', password: 'secret123', personId: p.id, displayName: '赵六', roles: ['officer'] });
    expect(auditCount(desk)).toBe(++n);
    await desk.call(a, 'users.update', { id: u.id, roles: ['officer', 'leader'] });
    expect(auditCount(desk)).toBe(n + 1);

    const rows = [...iterateAudit(desk.core.db)];
    const deactivate = rows.find((r) => r.action === 'person.deactivate')!;
    expect(deactivate.reason).toBe('调离');
    expect(JSON.parse(deactivate.before!).active).toBe(true);
    expect(JSON.parse(deactivate.after!).active).toBe(false);
    expect(rows.at(-1)!.actor).toBe('admin');
    expect(firstBadSeq(desk)).toBeNull();
  });

  it('writes nothing and audits nothing when a mutation fails', async () => {
    desk = await makeDesk();
    const n = auditCount(desk);
    const people = (desk.core.db.prepare('SELECT count(*) n FROM people').get() as { n: number }).n;
    const err = await desk.fail(desk.admin, 'people.create', { name: '', mobile: 'abc' });
    expect(err.code).toBe('VALIDATION');
    expect(err.details?.issues?.map((i) => i.path).sort()).toEqual(['mobile', 'name']);
    expect(err.message).toBe('输入有误，请按提示修改后再保存。');
    const nf = await desk.fail(desk.admin, 'people.update', { id: 9999, name: 'x', department: null, title: null, officePhone: null, mobile: null });
    expect(nf.code).toBe('NOT_FOUND');
    expect(auditCount(desk)).toBe(n);
    expect((desk.core.db.prepare('SELECT count(*) n FROM people').get() as { n: number }).n).toBe(people);
  });

  it('rolls back a change whose handler throws after writing', async () => {
    desk = await makeDesk();
    const n = auditCount(desk);
    expect(() =>
      transact(desk.core, { session: null }, (ctx) => {
        ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run();
        ctx.audit({ action: 'settings.update', entity: 'settings' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(auditCount(desk)).toBe(n);
    expect(desk.core.db.prepare("SELECT count(*) n FROM settings WHERE key = 'x'").get()).toEqual({ n: 0 });
  });

  it('refuses a mutation that audits nothing', async () => {
    desk = await makeDesk();
    expect(() =>
      transact(desk.core, { session: null }, (ctx) => {
        ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('sneaky', '1')").run();
      }),
    ).toThrow(/no audit row/u);
    expect(desk.core.db.prepare("SELECT count(*) n FROM settings WHERE key = 'sneaky'").get()).toEqual({ n: 0 });
  });

  it('refuses UPDATE and DELETE on the audit table', async () => {
    desk = await makeDesk();
    expect(() => desk.core.db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/u);
    expect(() => desk.core.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/u);
  });

  it('detects an edited row when recomputing', async () => {
    desk = await makeDesk();
    desk.core.db.exec('DROP TRIGGER audit_log_no_update');
    desk.core.db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2").run();
    expect(firstBadSeq(desk)).toBe(2);
  });

  it('records failed logins in the chain and answers with a translated error', async () => {
    desk = await makeDesk();
    const conn = { sessionId: null };
    const err = await desk.fail(conn, 'auth.login', { login: 'admin', password: 'wrong' });
    expect(err.code).toBe('BAD_CREDENTIALS');
    expect([...iterateAudit(desk.core.db)].at(-1)!.action).toBe('auth.loginFailed');
    expect(conn.sessionId).toBeNull();
  });
});

describe('access', () => {
  it('requires setup, then a session, then the role', async () => {
    desk = await makeDesk({ setUp: false });
    expect((await desk.fail({ sessionId: null }, 'people.list', {})).code).toBe('SETUP_REQUIRED');
    desk.close();
    desk = await makeDesk();
    expect((await desk.fail({ sessionId: null }, 'people.list', {})).code).toBe('UNAUTHENTICATED');
    const officer = await desk.login(['officer']);
    expect(await desk.call(officer, 'people.list', {})).toHaveLength(1);
    expect((await desk.fail(officer, 'people.create', { name: '某人' })).code).toBe('FORBIDDEN');
    expect((await desk.fail(officer, 'no.such.method', {})).code).toBe('UNKNOWN_METHOD');
  });

  it('refuses a second setup', async () => {
    desk = await makeDesk();
    const err = await desk.fail({ sessionId: null }, 'app.setup', {
      deskName: '另一个',
      dutyPhone: null,
      fax: null,
      adminName: '某',
      adminLogin: 'other',
      adminPassword: 'abc12345',
      adminMobile: null,
    });
    expect(err.code).toBe('ALREADY_SET_UP');
  });

  it('locks a session, refuses calls while locked, unlocks with the password', async () => {
    desk = await makeDesk();
    await desk.call(desk.admin, 'auth.lock', {});
    expect((await desk.fail(desk.admin, 'people.list', {})).code).toBe('SESSION_LOCKED');
    expect((await desk.fail(desk.admin, 'auth.unlock', { password: 'nope' })).code).toBe('BAD_CREDENTIALS');
    await desk.call(desk.admin, 'auth.unlock', { password: 'admin12345' });
    expect(await desk.call(desk.admin, 'people.list', {})).toHaveLength(1);
  });

  it('locks an idle session on its own', async () => {
    let wall = 1_000_000;
    desk = await makeDesk();
    desk.core.close();
    const { Core } = await import('../../electron/core/core');
    const { createApi } = await import('../../electron/core/api/dispatch');
    const core = new Core({ dataDir: desk.dir, wallNow: () => wall });
    const api = createApi(core);
    const conn = { sessionId: null };
    await api.call('auth.login', { login: 'admin', password: 'admin12345' }, conn);
    expect((await api.call('people.list', {}, conn)).ok).toBe(true);
    wall += 11 * 60_000;
    const r = await api.call('people.list', {}, conn);
    expect(r.ok ? null : r.error.code).toBe('SESSION_LOCKED');
    core.close();
  });

  it('delays logins after repeated failures but never locks anyone out for good', async () => {
    desk = await makeDesk();
    const conn = { sessionId: null };
    for (let i = 0; i < 5; i += 1) await desk.fail(conn, 'auth.login', { login: 'admin', password: 'wrong' });
    const limited = await desk.fail(conn, 'auth.login', { login: 'admin', password: 'admin12345' });
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.message).toMatch(/秒后再试/u);
    desk.clock.advance(31_000);
    await desk.call(conn, 'auth.login', { login: 'admin', password: 'admin12345' });
    expect(conn.sessionId).not.toBeNull();
  });

  it('keeps the last admin an admin', async () => {
    desk = await makeDesk();
    const users = await desk.call(desk.admin, 'users.list', {});
    const err = await desk.fail(desk.admin, 'users.update', { id: users[0]!.id, roles: ['officer'] });
    expect(err.messageKey).toBe('errors.LAST_ADMIN');
  });
});

describe('partial updates', () => {
  it('treat an explicit undefined as "not given", never as a blank column', async () => {
    desk = await makeDesk();
    const d = await desk.call(desk.admin, 'desk.update', { timeZone: undefined, fax: '0758-1' });
    expect(d.timeZone).toBe('Asia/Shanghai');
    const p = await desk.call(desk.admin, 'people.create', { name: '钱七', department: null, title: null, officePhone: null, mobile: null, roles: ['leader'], sortOrder: 2 });
    const u = await desk.call(desk.admin, 'people.update', { id: p.id, name: '钱七', department: null, title: null, officePhone: null, mobile: null, roles: undefined });
    expect(u.roles).toEqual(['leader']);
    expect(u.sortOrder).toBe(2);
  });
});
