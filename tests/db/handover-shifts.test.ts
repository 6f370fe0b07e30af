/**
 * Handovers at each shift change (白班 08:30–17:30 / 夜班 17:30–08:30): the 白班
 * hands over to the 夜班 at 17:30 and the 夜班 to the next 白班 at 08:30, each
 * with both signatures, its own shift's log, carried-over items and its own
 * escalation — across midnight and the year end; the leader on duty
 * acknowledges an escalation from the leader's own login (已知悉).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dutyDayDesk, local } from '../helpers/duty-day';

let close: (() => void) | null = null;
afterEach(() => close?.());

const objects = [{ name: '值班室钥匙', ok: true, note: null }];
const isoAt = (s: string) => new Date(local(s)).toISOString();

async function dayNightDesk(start: string) {
  const d = await dutyDayDesk({ dayNight: true, from: '2026-12-01', to: '2026-12-31', start: local(start) });
  close = () => d.desk.close();
  return { ...d, day: d.shifts.day, night: d.shifts.night! };
}

describe('handover at each shift change', () => {
  it('白班 hands over to 夜班 at 17:30 with its own log; the 夜班 hands over to the next 白班 across midnight and the year end', async () => {
    const d = await dayNightDesk('2026-12-31T09:00:00');
    const { desk } = d;
    desk.clock.set(local('2026-12-31T10:00:00'));
    await desk.call(d.a, 'log.create', { kind: 'incoming_call', summary: '区应急局来电：道路结冰' });
    const todo = await desk.call(d.a, 'todo.add', { kind: 'todo', text: '夜间关注道路结冰情况' });

    // Before 15:30 the running 白班's handover is the one in play, not yet due.
    let view = await desk.call(d.a, 'handover.get', {});
    expect(view).toMatchObject({ dutyDate: '2026-12-31', shiftId: d.day, shiftName: '白班', incoming: { dutyDate: '2026-12-31', shiftName: '夜班' } });
    expect(view.handoverAt).toBe(isoAt('2026-12-31T17:30:00'));
    expect(view.confirmBy).toBe(isoAt('2026-12-31T18:00:00'));
    expect(view.live).toMatchObject({ shiftName: '白班', officers: ['张值班'], logTotal: 1 });
    expect((await desk.call(d.a, 'due.list', {})).items.filter((i) => i.kind === 'handover')).toEqual([]);
    desk.clock.set(local('2026-12-31T15:30:00'));
    expect((await desk.call(d.a, 'due.list', {})).items.filter((i) => i.kind === 'handover')).toEqual([
      expect.objectContaining({ dutyDate: '2026-12-31', shiftId: d.day, shiftName: '白班', dueAt: isoAt('2026-12-31T18:00:00'), overdue: false }),
    ]);

    desk.clock.set(local('2026-12-31T17:25:00'));
    const sub = await desk.call(d.a, 'handover.submit', { dutyDate: '2026-12-31', shiftId: d.day, expectedVersion: 0, notes: '白班平稳', watchItems: null, objects });
    expect(sub).toMatchObject({ state: 'submitted', shiftId: d.day, shiftName: '白班', handoverAt: isoAt('2026-12-31T17:30:00') });
    expect(sub.snapshot).toMatchObject({ shiftName: '白班', incoming: { dutyDate: '2026-12-31', shiftName: '夜班' }, logTotal: 1 });
    expect(sub.snapshot!.todos.map((t) => t.id)).toEqual([todo.id]);

    // At the shift boundary: the 白班 stays responsible until the 夜班 accepts.
    desk.clock.set(local('2026-12-31T17:30:00'));
    view = await desk.call(d.b, 'handover.get', {});
    expect(view).toMatchObject({ dutyDate: '2026-12-31', shiftName: '白班' });
    expect(view.responsibility).toMatchObject({ dutyDate: '2026-12-31', shiftId: d.day, shiftName: '白班', state: 'submitted', outgoing: ['张值班'], overdue: false });
    await desk.call(d.b, 'handover.confirm', { dutyDate: '2026-12-31', shiftId: d.day, expectedVersion: 2 });

    // Now the 夜班's own handover is in play: its log starts at 17:30, across midnight into the new year.
    desk.clock.set(local('2026-12-31T20:00:00'));
    await desk.call(d.b, 'log.create', { kind: 'notice', summary: '市气象台道路结冰黄色预警' });
    desk.clock.set(local('2027-01-01T00:30:00'));
    await desk.call(d.b, 'log.create', { kind: 'incoming_call', summary: '新年零点烟花燃放报平安' });
    desk.clock.set(local('2027-01-01T07:00:00'));
    view = await desk.call(d.b, 'handover.get', {});
    expect(view).toMatchObject({ dutyDate: '2026-12-31', shiftId: d.night, shiftName: '夜班', incoming: { dutyDate: '2027-01-01', shiftName: '白班' } });
    expect(view.prev).toEqual({ dutyDate: '2026-12-31', shiftId: d.day });
    expect(view.next).toEqual({ dutyDate: '2027-01-01', shiftId: d.day });
    expect(view.handoverAt).toBe(isoAt('2027-01-01T08:30:00'));
    expect(view.live.logTotal).toBe(2);
    expect(view.live.officers).toEqual(['王值班']);
    expect(view.todos.map((t) => t.id)).toEqual([todo.id]); // carried over from the 白班, still open
    expect(view.responsibility).toBeNull();
    const due = (await desk.call(d.b, 'due.list', {})).items.filter((i) => i.kind === 'handover');
    expect(due).toEqual([expect.objectContaining({ dutyDate: '2026-12-31', shiftId: d.night, dueAt: isoAt('2027-01-01T09:00:00'), overdue: false })]);

    await desk.call(d.b, 'handover.submit', { dutyDate: '2026-12-31', shiftId: d.night, expectedVersion: 0, notes: '夜间平稳', watchItems: null, objects });
    desk.clock.set(local('2027-01-01T08:35:00'));
    const ok = await desk.call(d.a, 'handover.confirm', { dutyDate: '2026-12-31', shiftId: d.night, expectedVersion: 2 });
    expect(ok).toMatchObject({ state: 'confirmed', incomingName: '张值班', shiftName: '夜班' });
    // Each shift change is its own record: the 白班's stays as it was.
    expect((await desk.call(d.a, 'handover.get', { dutyDate: '2026-12-31', shiftId: d.day })).record).toMatchObject({ state: 'confirmed', incomingName: '王值班' });
    const printed = await desk.call(d.a, 'handover.print', { dutyDate: '2026-12-31', shiftId: d.night });
    expect(printed.snapshot.entries.map((e) => e.summary)).toEqual(['市气象台道路结冰黄色预警', '新年零点烟花燃放报平安']);

    // The daily report of 1 January (31日17时 to 1日17时) lists both shift changes in it.
    desk.clock.set(local('2027-01-01T16:00:00'));
    const report = await desk.call(d.a, 'dailyReport.get', { date: '2027-01-01' });
    expect(report.live.handovers.map((h) => [h.dutyDate, h.shiftName, h.state, h.outgoing, h.incoming])).toEqual([
      ['2026-12-31', '白班', 'confirmed', '张值班', '王值班'],
      ['2026-12-31', '夜班', 'confirmed', '王值班', '张值班'],
    ]);
    // Without a shift the duty day's last change is meant: the 夜班.
    expect((await desk.call(d.a, 'handover.get', { dutyDate: '2026-12-31' })).shiftName).toBe('夜班');
    // A shift not yet begun has no handover; an unknown shift is refused by name.
    expect((await desk.fail(d.a, 'handover.save', { dutyDate: '2027-01-01', shiftId: d.night, expectedVersion: 0, notes: null, watchItems: null, objects })).messageKey).toBe(
      'handover.errors.futureDay',
    );
    expect((await desk.fail(d.a, 'handover.get', { dutyDate: '2026-12-31', shiftId: 999 })).messageKey).toBe('handover.errors.noShift');
  });

  it('an unaccepted 白班 handover escalates at 18:00; the leader acknowledges from their own login; it stays listed, no longer escalating', async () => {
    const d = await dayNightDesk('2026-12-20T09:00:00');
    const { desk } = d;
    desk.clock.set(local('2026-12-20T17:20:00'));
    await desk.call(d.a, 'handover.submit', { dutyDate: '2026-12-20', shiftId: d.day, expectedVersion: 0, notes: null, watchItems: null, objects });
    // Before the limit there is nothing to acknowledge.
    expect((await desk.fail(d.leader, 'handover.acknowledge', { dutyDate: '2026-12-20', shiftId: d.day })).messageKey).toBe('handover.errors.notEscalated');

    desk.clock.set(local('2026-12-20T18:00:00'));
    let item = (await desk.call(d.a, 'due.list', {})).items.find((i) => i.kind === 'handover' && i.shiftId === d.day);
    expect(item).toMatchObject({ overdue: true, acknowledged: null, escalation: { stepIndex: 0, target: 'leaderOnDuty', targetName: '李带班' } });
    expect((await desk.call(d.leader, 'leader.desk', {})).waiting.escalations.map((i) => i.id)).toContain(item!.id);

    // Only a leader acknowledges, as themself.
    expect((await desk.fail(d.a, 'handover.acknowledge', { dutyDate: '2026-12-20', shiftId: d.day })).code).toBe('FORBIDDEN');
    desk.clock.set(local('2026-12-20T18:05:00'));
    const ack = await desk.call(d.leader, 'handover.acknowledge', { dutyDate: '2026-12-20', shiftId: d.day, note: '已电话催王值班接班' });
    expect(ack).toMatchObject({ byName: '李带班', stepIndex: 0, target: 'leaderOnDuty', at: isoAt('2026-12-20T18:05:00'), note: '已电话催王值班接班' });
    expect((await desk.fail(d.leader, 'handover.acknowledge', { dutyDate: '2026-12-20', shiftId: d.day })).messageKey).toBe('handover.errors.alreadyAcknowledged');
    const audit = desk.core.db.prepare("SELECT actor FROM audit_log WHERE action = 'handover.acknowledge'").all();
    expect(audit).toEqual([{ actor: 'lidaiban' }]);

    // Half an hour later it would be at step 3; acknowledged, it stays at step 1, listed and overdue, under a new id (so it no longer rings as the step did).
    desk.clock.set(local('2026-12-20T18:40:00'));
    item = (await desk.call(d.a, 'due.list', {})).items.find((i) => i.kind === 'handover' && i.shiftId === d.day);
    expect(item).toMatchObject({ id: `handover-2026-12-20-${d.day}-ack`, overdue: true, acknowledged: { byName: '李带班' }, escalation: { stepIndex: 0, target: 'leaderOnDuty' } });
    expect((await desk.call(d.leader, 'leader.desk', {})).waiting.escalations.map((i) => i.id)).not.toContain(item!.id);
    const view = await desk.call(d.b, 'handover.get', { dutyDate: '2026-12-20', shiftId: d.day });
    expect(view.acknowledgement).toMatchObject({ byName: '李带班' });
    expect(view.escalation).toMatchObject({ stepIndex: 0 });
    expect(view.responsibility).toMatchObject({ shiftName: '白班', overdue: true, acknowledgement: { byName: '李带班' } });

    // The incoming officer accepts: it leaves Due next; the record prints with the leader's acknowledgement.
    await desk.call(d.b, 'handover.confirm', { dutyDate: '2026-12-20', shiftId: d.day, expectedVersion: 2 });
    expect((await desk.call(d.a, 'due.list', {})).items.filter((i) => i.kind === 'handover' && i.shiftId === d.day)).toEqual([]);
    expect((await desk.call(d.a, 'handover.print', { dutyDate: '2026-12-20', shiftId: d.day })).acknowledgement).toMatchObject({ byName: '李带班' });
    expect((await desk.fail(d.leader, 'handover.acknowledge', { dutyDate: '2026-12-20', shiftId: d.day })).messageKey).toBe('handover.errors.alreadyConfirmed');
    expect(() => desk.core.db.prepare('DELETE FROM handover_acks').run()).toThrow(/append-only/u);
  });
});
