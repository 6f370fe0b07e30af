import { afterEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import { iterateAudit } from '../../electron/core/audit/chain';

let desk: TestDesk;
afterEach(() => desk?.close());

describe('setup and people', () => {
  it('creates a person with one chained audit row', async () => {
    desk = await makeDesk();
    const before = desk.core.db.prepare('SELECT count(*) n FROM audit_log').get() as { n: number };
    const p = await desk.call(desk.admin, 'people.create', { name: '张三', department: '办公室', title: null, officePhone: null, mobile: '13900000001', roles: ['officer'], sortOrder: 1 });
    expect(p.initials).toBe('zs');
    const after = desk.core.db.prepare('SELECT count(*) n FROM audit_log').get() as { n: number };
    expect(after.n - before.n).toBe(1);
    const rows = [...iterateAudit(desk.core.db)];
    expect(rows.at(-1)?.action).toBe('person.create');
  });
});
