/**
 * Sessions and passwords (issue 12 §4): the unlock shares the login's delay,
 * a changed password ends the user's other sessions, a deactivated person
 * cannot log in, and a login before setup answers SETUP_REQUIRED.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import type { Connection } from '../../electron/core/context';

let d: TestDesk;
afterEach(() => d?.close());

async function lockedOfficer(): Promise<Connection> {
  const c = await d.login(['officer'], 'zhang');
  await d.call(c, 'auth.lock', {});
  return c;
}

describe('auth.unlock', () => {
  it('delays after 5 wrong passwords — 40 wrong, then the right one, is still refused', async () => {
    d = await makeDesk();
    const c = await lockedOfficer();
    const codes: string[] = [];
    for (let i = 0; i < 40; i += 1) codes.push((await d.fail(c, 'auth.unlock', { password: 'wrong-one1' })).code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('BAD_CREDENTIALS'));
    expect(codes.slice(5).every((x) => x === 'RATE_LIMITED')).toBe(true);
    const right = await d.fail(c, 'auth.unlock', { password: 'secret123' });
    expect(right.code).toBe('RATE_LIMITED');
    expect(d.core.sessions.get(c.sessionId)!.locked).toBe(true);
  });

  it('doubles the delay from 30 s up to the 15-minute cap, and unlocks once it has run out', async () => {
    d = await makeDesk();
    const c = await lockedOfficer();
    for (let i = 0; i < 5; i += 1) await d.fail(c, 'auth.unlock', { password: 'wrong-one1' });
    const waits: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const e = await d.fail(c, 'auth.unlock', { password: 'secret123' });
      expect(e.code).toBe('RATE_LIMITED');
      const seconds = Number(e.details?.seconds);
      waits.push(seconds);
      d.clock.advance(seconds * 1000);
      expect((await d.fail(c, 'auth.unlock', { password: 'wrong-one1' })).code).toBe('BAD_CREDENTIALS');
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    d.clock.advance(900_000);
    const ok = await d.call(c, 'auth.unlock', { password: 'secret123' });
    expect(ok.locked).toBe(false);
  });

  it('shares the count with the login screen: wrong unlocks delay the next login of the same user', async () => {
    d = await makeDesk();
    const c = await lockedOfficer();
    for (let i = 0; i < 5; i += 1) await d.fail(c, 'auth.unlock', { password: 'wrong-one1' });
    expect((await d.fail({ sessionId: null }, 'auth.login', { login: 'zhang', password: 'secret123' })).code).toBe('RATE_LIMITED');
    // Another user is not affected.
    const li = await d.login(['officer'], 'li');
    await d.call(li, 'auth.lock', {});
    expect((await d.call(li, 'auth.unlock', { password: 'secret123' })).locked).toBe(false);
  });
});

describe('passwords and sessions', () => {
  it('a changed password ends the user\'s other sessions, not this one', async () => {
    d = await makeDesk();
    const a = await d.login(['officer'], 'wang');
    const b: Connection = { sessionId: null };
    await d.call(b, 'auth.login', { login: 'wang', password: 'secret123' });
    await d.call(a, 'auth.changePassword', { current: 'secret123', next: 'newsecret456' });
    expect((await d.fail(b, 'people.list', {})).code).toBe('UNAUTHENTICATED');
    expect(Array.isArray(await d.call(a, 'people.list', {}))).toBe(true);
  });

  it('a password reset by the admin ends every session of that user', async () => {
    d = await makeDesk();
    const a = await d.login(['officer'], 'zhao');
    const user = (await d.call(d.admin, 'users.list', {})).find((u) => u.login === 'zhao')!;
    await d.call(d.admin, 'users.resetPassword', { id: user.id, password: 'reset12345' });
    expect((await d.fail(a, 'people.list', {})).code).toBe('UNAUTHENTICATED');
  });

  it('deactivating a person disables their login and ends their sessions', async () => {
    d = await makeDesk();
    const p = await d.call(d.admin, 'people.create', { name: '孙七', department: null, title: null, officePhone: null, mobile: null, roles: ['officer'], sortOrder: 0 });
    await d.call(d.admin, 'users.create', { login: 'sun', password: 'secret123', personId: p.id, displayName: '孙七', roles: ['officer'] });
    const c: Connection = { sessionId: null };
    await d.call(c, 'auth.login', { login: 'sun', password: 'secret123' });
    await d.call(d.admin, 'people.setActive', { id: p.id, active: false, reason: '调离' });
    expect((await d.fail(c, 'people.list', {})).code).toBe('UNAUTHENTICATED');
    expect((await d.fail({ sessionId: null }, 'auth.login', { login: 'sun', password: 'secret123' })).code).toBe('BAD_CREDENTIALS');
    const u = (await d.call(d.admin, 'users.list', {})).find((x) => x.login === 'sun')!;
    expect(u.active).toBe(false);
    const audit = await d.call(d.admin, 'audit.list', { from: '2026-11-25', to: '2026-11-26', entity: 'user' });
    expect(audit.rows.some((r) => r.action === 'user.update' && r.reason === '调离')).toBe(true);
  });

  it('the only admin\'s person cannot be deactivated (the desk would have no admin)', async () => {
    d = await makeDesk();
    const e = await d.fail(d.admin, 'people.setActive', { id: 1, active: false, reason: '测试' });
    expect(e).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.LAST_ADMIN' });
    expect((await d.call(d.admin, 'people.get', { id: 1 })).active).toBe(true);
  });
});

describe('before setup', () => {
  it('a login answers SETUP_REQUIRED, not INTERNAL', async () => {
    d = await makeDesk({ setUp: false });
    const e = await d.fail({ sessionId: null }, 'auth.login', { login: 'admin', password: 'admin12345' });
    expect(e.code).toBe('SETUP_REQUIRED');
    expect(e.message).not.toContain('内部');
  });
});
