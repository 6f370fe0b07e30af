/**
 * Escalation runs to its end, and the leader acts from the leader's own account (issue 11 item 5).
 *
 * Before: steps 2–3 needed settings that were empty by default, so they never
 * ran, and an acknowledgement of step 1 ended everything — the principal
 * leader was never told of a 3-death explosion.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import type { Connection } from '../../electron/core/context';
import { setLeaderOnDutyLookup } from '../../electron/core/escalation/service';
import { accidentAt } from '../helpers/incidents';

let desk: TestDesk;
afterEach(() => {
  setLeaderOnDutyLookup(null);
  desk?.close();
});
const min = 60_000;

async function person(name: string, roles: ('leader' | 'principal' | 'officer')[], mobile: string) {
  return desk.call(desk.admin, 'people.create', { name, department: '局领导', title: null, officePhone: null, mobile, roles, sortOrder: 0 });
}
async function loginAs(personId: number, login: string, roles: ('leader' | 'officer')[]): Promise<Connection> {
  await desk.call(desk.admin, 'users.create', { login, password: 'secret123', personId, displayName: login, roles });
  const conn: Connection = { sessionId: null };
  await desk.call(conn, 'auth.login', { login, password: 'secret123' });
  return conn;
}

async function setup() {
  desk = await makeDesk();
  const officer = await desk.login(['officer']);
  const onDuty = await person('李带班', ['leader'], '13900000002');
  const principal = await person('王局长', ['leader', 'principal'], '13900000001');
  await desk.call(desk.admin, 'contacts.create', { kind: 'superior', name: '市政府总值班室', unit: null, phone: '0758-2888110', mobile: null, fax: null, note: null, sortOrder: 0 });
  setLeaderOnDutyLookup(() => ({ name: onDuty.name, phone: onDuty.mobile, personId: onDuty.id }));
  return { officer, onDuty, principal };
}

describe('escalation with always-inform steps, out of the box', () => {
  it('defaults: steps 2–3 resolve from the directory; for a 较大 explosion the principal leader is told even after step 1 is acknowledged', async () => {
    const { officer } = await setup();
    expect((await desk.call(officer, 'escalation.settings', {})).principalPersonId).toBeNull();
    const inc = await desk.call(officer, 'incident.create', accidentAt(desk.clock.now(), { title: '燃气爆炸事故', deaths: 3 }));
    const esc = await desk.call(officer, 'escalation.start', { incidentId: inc.id });
    expect(esc.policy.steps.map((s) => s.mode)).toEqual(['untilAck', 'always', 'untilAck']);
    expect(esc.informs).toMatchObject([{ stepIndex: 1, target: 'principalLeader', name: '王局长', phone: '13900000001', done: null }]);
    expect(esc.upcoming.slice(0, 2).map((u) => [u.stepIndex, u.name])).toEqual([
      [1, '王局长'],
      [2, '市政府总值班室'],
    ]);

    desk.clock.advance(3 * min);
    const acked = await desk.call(officer, 'escalation.acknowledge', { escalationId: esc.id, via: 'mobile', byName: '李带班' });
    expect(acked.state.status).toBe('acknowledged');
    // After the acknowledgement only the principal leader's inform still runs, at +10 min.
    expect(acked.upcoming.map((u) => [u.stepIndex, u.mode, u.at])).toEqual([[1, 'always', new Date(Date.parse(esc.startedAt) + 10 * min).toISOString()]]);
    let due = await desk.call(officer, 'due.list', {});
    expect(due.items.filter((i) => i.kind === 'escalation')).toMatchObject([{ inform: true, target: 'principalLeader', targetName: '王局长', overdue: false }]);
    desk.clock.advance(10 * min);
    due = await desk.call(officer, 'due.list', {});
    expect(due.items.find((i) => i.kind === 'escalation')).toMatchObject({ inform: true, overdue: true });

    // The officer records that the principal leader was told: done.
    const told = await desk.call(officer, 'escalation.contact', { escalationId: esc.id, method: 'mobile', stepIndex: 1 });
    expect(told.informs[0]!.done).toMatchObject({ method: 'mobile' });
    expect(told.upcoming).toEqual([]);
    due = await desk.call(officer, 'due.list', {});
    expect(due.items.filter((i) => i.kind === 'escalation')).toEqual([]);
  });

  it('the superior duty office is always told of a 重大 event, the principal leader of none for a 一般 one', async () => {
    const { officer } = await setup();
    const grave = await desk.call(officer, 'incident.create', accidentAt(desk.clock.now(), { deaths: 10, level: 2 }));
    expect((await desk.call(officer, 'escalation.start', { incidentId: grave.id })).informs.map((i) => i.target)).toEqual(['principalLeader', 'superiorOffice']);
    const minor = await desk.call(officer, 'incident.create', accidentAt(desk.clock.now(), { deaths: 1, level: 4 }));
    const esc = await desk.call(officer, 'escalation.start', { incidentId: minor.id });
    expect(esc.informs).toEqual([]);
    const acked = await desk.call(officer, 'escalation.acknowledge', { escalationId: esc.id, via: 'mobile', byName: '李带班' });
    expect(acked.upcoming).toEqual([]);
    expect((await desk.fail(officer, 'escalation.contact', { escalationId: esc.id, method: 'mobile', stepIndex: 1 })).messageKey).toBe('incidents.errors.escalationClosed');
  });

  it('the leader logged in as themself sees 待我处理, acknowledges and writes the 批示 from their own account', async () => {
    const { officer, onDuty, principal } = await setup();
    const leaderConn = await loginAs(onDuty.id, 'lidaiban', ['leader']);
    const principalConn = await loginAs(principal.id, 'wangjuzhang', ['leader']);
    const inc = await desk.call(officer, 'incident.create', accidentAt(desk.clock.now(), { title: '燃气爆炸事故', deaths: 3 }));
    const esc = await desk.call(officer, 'escalation.start', { incidentId: inc.id });

    expect(await desk.call(leaderConn, 'escalation.mine', {})).toMatchObject([{ escalationId: esc.id, kind: 'chain', stepIndex: 0, title: '燃气爆炸事故' }]);
    expect(await desk.call(principalConn, 'escalation.mine', {})).toMatchObject([{ kind: 'inform', stepIndex: 1 }]);
    expect(await desk.call(officer, 'escalation.mine', {})).toEqual([]);

    const mine = await desk.call(leaderConn, 'escalation.acknowledgeMine', { escalationId: esc.id, instruction: '立即赶赴现场，组织救援' });
    expect(mine).toMatchObject({ acknowledgedBy: '李带班', acknowledgedVia: 'inApp' });
    expect(await desk.call(leaderConn, 'escalation.mine', {})).toEqual([]);

    desk.clock.advance(11 * min);
    await desk.call(principalConn, 'escalation.acknowledgeMine', { escalationId: esc.id, instruction: '全力救治伤员，查明原因' });
    const d = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(d.instructions.map((i) => [i.leaderName, i.recordedBy, i.text])).toEqual([
      ['李带班', 'lidaiban', '立即赶赴现场，组织救援'],
      ['王局长', 'wangjuzhang', '全力救治伤员，查明原因'],
    ]);
    expect(d.escalations[0]!.informs[0]!.done).toMatchObject({ by: 'wangjuzhang', method: 'inApp' });
    expect((await desk.call(officer, 'due.list', {})).items.filter((i) => i.kind === 'escalation')).toEqual([]);
    // Nothing is left to do on it.
    expect((await desk.fail(principalConn, 'escalation.acknowledgeMine', { escalationId: esc.id })).messageKey).toBe('incidents.errors.escalationClosed');
  });

  it('a leader not addressed cannot acknowledge for someone else', async () => {
    const { officer } = await setup();
    const stranger = await loginAs((await person('赵副局长', ['leader'], '13900000003')).id, 'zhao', ['leader']);
    const inc = await desk.call(officer, 'incident.create', accidentAt(desk.clock.now(), { deaths: 3 }));
    const esc = await desk.call(officer, 'escalation.start', { incidentId: inc.id });
    const err = await desk.fail(stranger, 'escalation.acknowledgeMine', { escalationId: esc.id });
    expect(err.messageKey).toBe('incidents.errors.notAddressedToYou');
    expect((await desk.fail(officer, 'escalation.acknowledgeMine', { escalationId: esc.id })).code).toBe('FORBIDDEN');
  });
});
