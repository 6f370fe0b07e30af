import { afterEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import { transact } from '../../electron/core/write';
import { idleLockMinutes, writeSettings } from '../../electron/core/store/settings';

import { updateDesk } from '../../electron/core/desk/db';
import { deskTimeZone } from '../../electron/core/context';

let desk: TestDesk;
afterEach(() => desk?.close());

describe('cached configuration (time zone, idle lock)', () => {
  it('files a log entry under the duty day of the time zone in force after the desk changes it', async () => {
    // 01:00 UTC on the 26th: 09:00 in Shanghai (duty day 26th), 01:00 in UTC (still duty day 25th).
    desk = await makeDesk({ start: Date.parse('2026-11-26T01:00:00Z') });
    const a = await desk.call(desk.admin, 'log.create', { kind: 'other', summary: '上海时间' });
    expect(a.dutyDate).toBe('2026-11-26');
    await desk.call(desk.admin, 'desk.update', { timeZone: 'UTC' });
    const b = await desk.call(desk.admin, 'log.create', { kind: 'other', summary: '协调世界时' });
    expect(b.dutyDate).toBe('2026-11-25');
  });

  it('forgets a value read inside a transaction that rolled back', async () => {
    desk = await makeDesk();
    expect(idleLockMinutes(desk.core.db)).toBe(10);
    expect(() =>
      transact(desk.core, { session: null }, (ctx) => {
        writeSettings(ctx.db, { idleLockMinutes: 1 });
        expect(idleLockMinutes(ctx.db)).toBe(1); // read (and cached) inside the transaction
        ctx.audit({ action: 'settings.update', entity: 'settings' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(idleLockMinutes(desk.core.db)).toBe(10);

    expect(deskTimeZone(desk.core.db)).toBe('Asia/Shanghai');
    expect(() =>
      transact(desk.core, { session: null }, (ctx) => {
        updateDesk(ctx.db, { timeZone: 'UTC' }, new Date(ctx.now).toISOString());
        expect(deskTimeZone(ctx.db)).toBe('UTC');
        ctx.audit({ action: 'desk.update', entity: 'desk' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(deskTimeZone(desk.core.db)).toBe('Asia/Shanghai');
  });

  it('applies a new idle-lock setting to the very next call', async () => {
    desk = await makeDesk();
    await desk.call(desk.admin, 'settings.update', { idleLockMinutes: 3 });
    expect(idleLockMinutes(desk.core.db)).toBe(3);
    await desk.call(desk.admin, 'settings.update', { idleLockMinutes: 15 });
    expect(idleLockMinutes(desk.core.db)).toBe(15);
  });
});
