/**
 * 通讯录 → 添加人员 with 同时创建登录账号 (issue 11 item 10): the person and
 * their login are one audited write — both rows or neither, never half.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import { auditHead, iterateAudit } from '../../electron/core/audit/chain';

let desk: TestDesk;
afterEach(() => desk?.close());

const person = { name: '李值班', department: '应急指挥中心', title: '科员', officePhone: null, mobile: '13900000001', roles: ['officer' as const], sortOrder: 0 };
const count = (table: 'people' | 'users') => (desk.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('people.create with an account', () => {
  it('creates the person and a login linked to them, each audited, and the login works', async () => {
    desk = await makeDesk();
    const head = auditHead(desk.core.db);
    const p = await desk.call(desk.admin, 'people.create', { ...person, account: { login: 'lizhiban', password: 'duty2026', roles: ['officer'] } });
    const users = await desk.call(desk.admin, 'users.list', {});
    const u = users.find((x) => x.login === 'lizhiban');
    expect(u).toMatchObject({ personId: p.id, displayName: '李值班', roles: ['officer'], active: true });
    expect([...iterateAudit(desk.core.db, head.seq + 1)].map((e) => e.action)).toEqual(['person.create', 'user.create']);
    const conn = { sessionId: null };
    const s = await desk.call(conn, 'auth.login', { login: 'lizhiban', password: 'duty2026' });
    expect(s).toMatchObject({ displayName: '李值班', personId: p.id, roles: ['officer'] });
  });

  it('leaves no person behind when the login name is taken', async () => {
    desk = await makeDesk();
    const [people, users, head] = [count('people'), count('users'), auditHead(desk.core.db).seq];
    const err = await desk.fail(desk.admin, 'people.create', { ...person, account: { login: 'admin', password: 'duty2026', roles: ['officer'] } });
    expect(err).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.LOGIN_DUPLICATE' });
    expect([count('people'), count('users'), auditHead(desk.core.db).seq]).toEqual([people, users, head]);
  });

  it('refuses a weak password with the same rule as the users screen, naming the field, and writes nothing', async () => {
    desk = await makeDesk();
    const people = count('people');
    const err = await desk.fail(desk.admin, 'people.create', { ...person, account: { login: 'lizhiban', password: 'short', roles: ['officer'] } });
    expect(err.code).toBe('VALIDATION');
    expect(err.details?.issues?.map((i) => i.path)).toContain('account.password');
    const weak = await desk.fail(desk.admin, 'people.create', { ...person, account: { login: 'lizhiban', password: 'onlyletters', roles: ['officer'] } });
    expect(weak.details?.issues?.map((i) => i.messageKey)).toContain('validation.passwordWeak');
    const noRole = await desk.fail(desk.admin, 'people.create', { ...person, account: { login: 'lizhiban', password: 'duty2026', roles: [] } });
    expect(noRole.details?.issues?.map((i) => i.path)).toContain('account.roles');
    expect(count('people')).toBe(people);
  });
});
