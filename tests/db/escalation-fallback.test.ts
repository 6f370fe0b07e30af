/**
 * Escalation never reaches silently nobody: when the roster names no leader
 * on duty (no published roster, a shift without a leader), the step falls
 * back — the leader of the shift handing over (handovers) → the principal
 * leader marked in the directory → the admin — and says which it took.
 * At the year end (no roster for the new year yet) and on a day with none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dutyDayDesk, local, type DutyDayDesk } from '../helpers/duty-day';
import { accidentAt } from '../helpers/incidents';
import type { Connection } from '../../electron/core/context';
import { resolveTarget } from '../../electron/core/escalation/service';
import { makeDesk } from '../helpers/core';

let d: DutyDayDesk;
afterEach(() => d?.desk.close());

const handoverItem = async (conn: Connection, dutyDate: string) =>
  (await d.desk.call(conn, 'due.list', {})).items.find((i) => i.kind === 'handover' && i.dutyDate === dutyDate);

/** 周主任, marked 单位主要领导 in the directory, with a login of their own. */
async function principal(): Promise<Connection> {
  const p = await d.desk.call(d.desk.admin, 'people.create', { name: '周主任', department: '局办公室', title: '主任', officePhone: null, mobile: '13900000009', roles: ['leader', 'principal'], sortOrder: 9 });
  await d.desk.call(d.desk.admin, 'users.create', { login: 'zhouzhuren', password: 'secret123', personId: p.id, displayName: '周主任', roles: ['leader'] });
  const conn: Connection = { sessionId: null };
  await d.desk.call(conn, 'auth.login', { login: 'zhouzhuren', password: 'secret123' });
  return conn;
}

describe('escalation to the leader on duty when the roster names none', () => {
  it('the roster’s leader when there is one: no fallback', async () => {
    d = await dutyDayDesk();
    d.desk.clock.set(local('2026-11-26T09:00:00'));
    expect(await handoverItem(d.a, '2026-11-25')).toMatchObject({ escalation: { stepIndex: 0, targetName: '李带班', targetPhone: '13900000001', targetFallback: null } });
  });

  it('at the year end, with no roster for 2027 yet: the leader of New Year’s Eve, who hands over, is reached', async () => {
    d = await dutyDayDesk({ start: local('2026-12-20T10:00:00') });
    d.desk.clock.set(local('2027-01-01T09:05:00'));
    expect(await handoverItem(d.a, '2026-12-31')).toMatchObject({
      overdue: true,
      escalation: { stepIndex: 0, target: 'leaderOnDuty', targetName: '李带班', targetPhone: '13900000001', targetFallback: 'shiftLeader' },
    });
    const view = await d.desk.call(d.a, 'handover.get', {});
    expect(view.escalation).toMatchObject({ targetName: '李带班', targetFallback: 'shiftLeader' });
    // The leader reached acknowledges from their own login.
    await d.desk.call(d.leader, 'handover.acknowledge', { dutyDate: '2026-12-31', note: null });
    expect(await handoverItem(d.a, '2026-12-31')).toMatchObject({ acknowledged: { byName: '李带班' } });
  });

  it('on days whose roster has no leader: the principal leader marked in the directory, else the admin', async () => {
    d = await dutyDayDesk();
    await d.reassign([
      { date: '2026-11-25', role: 'leader', personId: null },
      { date: '2026-11-26', role: 'leader', personId: null },
    ]);
    d.desk.clock.set(local('2026-11-26T09:00:00'));
    // Nobody marked principal: the admin (the desk's 管理员, a directory person since set-up).
    expect(await handoverItem(d.a, '2026-11-25')).toMatchObject({ escalation: { stepIndex: 0, targetName: '管理员', targetPhone: '13800000000', targetFallback: 'admin' } });
    await principal();
    expect(await handoverItem(d.a, '2026-11-25')).toMatchObject({ escalation: { stepIndex: 0, targetName: '周主任', targetPhone: '13900000009', targetFallback: 'principal' } });
    // Step 2 names the principal leader itself: no fallback to explain.
    d.desk.clock.set(local('2026-11-26T09:10:00'));
    expect(await handoverItem(d.a, '2026-11-25')).toMatchObject({ escalation: { stepIndex: 1, target: 'principalLeader', targetName: '周主任', targetFallback: null } });
  });

  it('an incident’s escalation on a day with no roster reaches the principal leader, who sees it in 待我处理 and acknowledges it', async () => {
    d = await dutyDayDesk({ from: '2026-11-01', to: '2026-11-30' });
    d.desk.clock.set(local('2026-12-02T21:00:00')); // no roster for December
    const zhou = await principal();
    const inc = await d.desk.call(d.a, 'incident.create', accidentAt(d.desk.clock.now()));
    const esc = await d.desk.call(d.a, 'escalation.start', { incidentId: inc.id });
    expect(esc.currentTarget).toEqual({ name: '周主任', phone: '13900000009', fallback: 'principal' });
    const due = (await d.desk.call(d.a, 'due.list', {})).items.find((i) => i.kind === 'escalation' && !i.inform);
    expect(due).toMatchObject({ targetName: '周主任', targetFallback: 'principal' });
    expect((await d.desk.call(zhou, 'escalation.mine', {})).map((m) => [m.escalationId, m.kind])).toEqual([[esc.id, 'chain'], [esc.id, 'inform']]);
    // A contact recorded now names who was called.
    const called = await d.desk.call(d.a, 'escalation.contact', { escalationId: esc.id, method: 'phone', note: null });
    expect(called.contacts.at(-1)).toMatchObject({ target: 'leaderOnDuty', targetName: '周主任', targetPhone: '13900000009' });
    const acked = await d.desk.call(zhou, 'escalation.acknowledgeMine', { escalationId: esc.id, instruction: '立即核实' });
    expect(acked).toMatchObject({ acknowledgedBy: '周主任', acknowledgedVia: 'inApp' });
  });

  it('with neither roster nor principal leader, the admin is reached and acknowledges from the admin login', async () => {
    d = await dutyDayDesk({ from: '2026-11-01', to: '2026-11-30' });
    d.desk.clock.set(local('2026-12-31T23:50:00')); // the year end, no roster for December
    const inc = await d.desk.call(d.a, 'incident.create', accidentAt(d.desk.clock.now(), { level: 4, deaths: 1 }));
    const esc = await d.desk.call(d.a, 'escalation.start', { incidentId: inc.id });
    expect(esc.currentTarget).toEqual({ name: '管理员', phone: '13800000000', fallback: 'admin' });
    expect(esc.upcoming.map((u) => [u.target, u.name])).toContainEqual(['principalLeader', '管理员']);
    expect((await d.desk.call(d.desk.admin, 'escalation.mine', {})).map((m) => m.kind)).toContain('chain');
    expect((await d.desk.fail(d.leader, 'escalation.acknowledgeMine', { escalationId: esc.id, instruction: null })).messageKey).toBe('incidents.errors.notAddressedToYou');
    const acked = await d.desk.call(d.desk.admin, 'escalation.acknowledgeMine', { escalationId: esc.id, instruction: null });
    expect(acked.acknowledgedBy).toBe('管理员');
  });

  it('with nobody at all (no roster, no principal leader, no admin login): none — the screens say to phone the superior office', async () => {
    const desk = await makeDesk({ setUp: false });
    try {
      expect(resolveTarget({ db: desk.core.db }, 'leaderOnDuty', desk.clock.now())).toMatchObject({ name: null, fallback: 'none' });
      expect(resolveTarget({ db: desk.core.db }, 'principalLeader', desk.clock.now())).toMatchObject({ name: null, fallback: 'none' });
    } finally {
      desk.close();
    }
  });
});
