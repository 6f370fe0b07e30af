import { afterEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import type { Connection } from '../../electron/core/context';
import type { ShiftTemplate } from '../../shared/domain/roster-rules';

let desk: TestDesk;
afterEach(() => desk?.close());

const at = (local: string) => Date.parse(`${local}+08:00`);
const templateOf = (s: ShiftTemplate) => ({
  id: s.id,
  name: s.name,
  startMinutes: s.startMinutes,
  durationMinutes: s.durationMinutes,
  needs: s.needs,
  sortOrder: s.sortOrder,
});

/** A desk with one leader and two officers, and its only shift moved to start at `start` (HH:MM). */
async function deskHandingOverAt(startMinutes: number): Promise<{ officer: Connection }> {
  desk = await makeDesk({ start: at('2026-11-30T10:00:00') });
  const [shift] = await desk.call(desk.admin, 'shifts.list', {});
  // No 备班 needed here: this desk is about the handover minute, and has too few people for a standby every day.
  const needs = Object.fromEntries(Object.entries(shift!.needs).map(([k, v]) => [k, { ...v, standby: 0 }])) as NonNullable<typeof shift>["needs"];
  await desk.call(desk.admin, 'shifts.update', { ...templateOf(shift!), startMinutes, needs });
  await desk.call(desk.admin, 'people.create', {
    name: '领导甲',
    department: '办公室',
    title: '副局长',
    officePhone: null,
    mobile: '13900000001',
    roles: ['leader'],
    sortOrder: 1,
  });
  for (const [i, name] of ['值班员一', '值班员二'].entries()) {
    await desk.call(desk.admin, 'people.create', {
      name,
      department: '应急指挥中心',
      title: '科员',
      officePhone: null,
      mobile: `1380000000${i}`,
      roles: ['officer', 'standby'],
      sortOrder: 10 + i,
    });
  }
  const plan = await desk.call(desk.admin, 'roster.createPlan', {
    title: '2026年12月值班表',
    from: '2026-12-01',
    to: '2026-12-31',
    notes: null,
  });
  await desk.call(desk.admin, 'roster.generate', { planId: plan.id });
  await desk.call(desk.admin, 'roster.publish', { planId: plan.id, acceptWarnings: true });
  return { officer: await desk.login(['officer']) };
}

describe('the duty day follows the desk handover minute', () => {
  it('puts an 08:45 entry on the previous duty day when the desk hands over at 09:00, and the log book, the on-duty card and the roster agree', async () => {
    const { officer } = await deskHandingOverAt(9 * 60);
    desk.clock.set(at('2026-12-05T08:45:00'));

    const status = await desk.call({ sessionId: null }, 'app.status', {});
    expect(status.handoverMinutes).toBe(540);

    const entry = await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: '08:45 来电：某路段积水' });
    expect(entry.dutyDate).toBe('2026-12-04');

    // The log book of the 4th holds it; the book's window is 09:00 → 09:00.
    const book = await desk.call(officer, 'log.book', { dutyDate: '2026-12-04' });
    expect(book.entries.map((e) => e.id)).toContain(entry.id);
    expect(book.startsAt).toBe(new Date(at('2026-12-04T09:00:00')).toISOString());
    expect(book.endsAt).toBe(new Date(at('2026-12-05T09:00:00')).toISOString());
    // The console's list of the current duty day (no date given) is the 4th too.
    const current = await desk.call(officer, 'log.list', {});
    expect(current.entries.map((e) => e.id)).toContain(entry.id);

    // Who is on duty at 08:45 is the roster's shift of the 4th, handing over at 09:00 on the 5th.
    const now = await desk.call(officer, 'duty.now', {});
    expect(now.dutyDate).toBe('2026-12-04');
    expect(now.current[0]?.date).toBe('2026-12-04');
    expect(now.handoverAt).toBe(new Date(at('2026-12-05T09:00:00')).toISOString());
    const week = await desk.call(officer, 'duty.week', { days: 1 });
    expect(week[0]?.date).toBe('2026-12-04');

    // A quarter of an hour later the 5th has begun, for all of them.
    desk.clock.set(at('2026-12-05T09:15:00'));
    const later = await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: '09:15 来电' });
    expect(later.dutyDate).toBe('2026-12-05');
    expect((await desk.call(officer, 'duty.now', {})).dutyDate).toBe('2026-12-05');
    expect((await desk.call(officer, 'duty.week', { days: 1 }))[0]?.date).toBe('2026-12-05');
  });

  it('keeps 08:30 when the templates are untouched, and follows a later change of the template at once', async () => {
    desk = await makeDesk({ start: at('2026-12-05T08:45:00') });
    const officer = await desk.login(['officer']);
    expect((await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: '来电' })).dutyDate).toBe('2026-12-05');
    const [shift] = await desk.call(desk.admin, 'shifts.list', {});
    await desk.call(desk.admin, 'shifts.update', { ...templateOf(shift!), startMinutes: 9 * 60 });
    expect((await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: '来电' })).dutyDate).toBe('2026-12-04');
    expect((await desk.call({ sessionId: null }, 'app.status', {})).handoverMinutes).toBe(540);
  });
});
