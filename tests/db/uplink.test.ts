/**
 * The uplink on the desk alone (no hub): migration 0110, the link state off
 * and offline, who may answer a presence check (the officer on duty, signed
 * in as themself), the duty published into the chain for the hub's board,
 * and dates that trip rules up (year end with the next year unknown, a leap
 * day, the clock set back).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import type { Connection } from '../../electron/core/context';
import { transact } from '../../electron/core/write';
import { receiveMessages, recordEnrolment, reportDutyIfChanged } from '../../electron/core/uplink/service';
import { startOutbox } from '../../electron/core/uplink/outbox';
import { hubActions } from '../../shared/hub-protocol';

let desk: TestDesk;
afterEach(() => desk?.close());

const at = (local: string) => Date.parse(`${local}+08:00`);

/** A desk with a published December roster: one leader, two officers (and standby). */
async function rosteredDesk(start: string): Promise<void> {
  desk = await makeDesk({ start: at(start) });
  await desk.call(desk.admin, 'people.create', { name: '领导甲', department: '办公室', title: '副局长', officePhone: '0758-1', mobile: '13900000001', roles: ['leader'], sortOrder: 1 });
  for (const [i, name] of ['值班员一', '值班员二'].entries()) {
    await desk.call(desk.admin, 'people.create', { name, department: '应急指挥中心', title: '科员', officePhone: null, mobile: `1380000000${i}`, roles: ['officer', 'standby'], sortOrder: 10 + i });
  }
  const plan = await desk.call(desk.admin, 'roster.createPlan', { title: '2026年12月值班表', from: '2026-12-01', to: '2026-12-31', notes: null });
  await desk.call(desk.admin, 'roster.generate', { planId: plan.id });
  await desk.call(desk.admin, 'roster.publish', { planId: plan.id, acceptWarnings: true });
}

/** Pretends the desk is enrolled (no hub: the outbox is never started here). */
function enrolOffline(d: TestDesk): void {
  transact(d.core, { session: null }, (ctx) => recordEnrolment(ctx, { url: 'http://127.0.0.1:9', enrolledAt: new Date(ctx.now).toISOString(), unitName: '测试', keyFingerprint: 'f'.repeat(64) }, 0));
}

let version = 0;
function checkArrives(d: TestDesk, sentAt = d.clock.now()): number {
  version += 1;
  receiveMessages(d.core, [{ version, sentAt: new Date(sentAt).toISOString(), payload: { kind: 'check', limitSeconds: 60, from: '区总值班室' } }], version);
  return (d.core.db.prepare('SELECT id FROM uplink_inbox WHERE version = ?').get(version) as { id: number }).id;
}

async function userFor(d: TestDesk, personName: string, login: string): Promise<Connection> {
  const people = await d.call(d.admin, 'people.list', {});
  const p = people.find((x) => x.name === personName)!;
  await d.call(d.admin, 'users.create', { login, password: 'secret123', personId: p.id, displayName: personName, roles: ['officer'] });
  const conn: Connection = { sessionId: null };
  await d.call(conn, 'auth.login', { login, password: 'secret123' });
  return conn;
}

describe('the uplink on the desk', () => {
  it('migration 0110 leaves one link row; a desk never enrolled is off with nothing pending', async () => {
    desk = await makeDesk();
    expect(desk.core.db.prepare('SELECT acked_seq, down_cursor FROM uplink_link').all()).toEqual([{ acked_seq: 0, down_cursor: 0 }]);
    expect(await desk.call(desk.admin, 'uplink.status', {})).toMatchObject({ state: 'off', pending: 0, enrolled: false });
    expect(await desk.call(desk.admin, 'uplink.inbox', {})).toEqual({ open: [], recent: [] });
  });

  it('an enrolled desk whose hub cannot be reached is 离线 since the first failure and keeps every write', async () => {
    desk = await makeDesk();
    enrolOffline(desk);
    const box = startOutbox(desk.core, { pollMs: 3_600_000, debounceMs: 3_600_000, timeoutMs: 2_000 });
    try {
      const since = desk.clock.now();
      expect((await box.tick()).error).toBe('UNREACHABLE');
      desk.clock.advance(86_400_000);
      const officer = await desk.login(['officer']);
      for (let i = 0; i < 10; i += 1) await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: `来电 ${i}` });
      await box.tick();
      const st = await desk.call(officer, 'uplink.status', {});
      expect(st).toMatchObject({ state: 'offline', offlineSince: new Date(since).toISOString() });
      expect(st.pending).toBe(st.headSeq);
    } finally {
      box.stop();
    }
  });

  it('only someone on the published duty may answer a presence check, as themself; the answer is audited with the seconds', async () => {
    await rosteredDesk('2026-12-05T21:40:00');
    const now = await desk.call(desk.admin, 'duty.now', {});
    const onDuty = now.current[0]!.officer[0]!.name;
    const offDuty = ['值班员一', '值班员二'].find((n) => !now.current[0]!.officer.some((o) => o.name === n) && !now.current[0]!.standby.some((o) => o.name === n));
    enrolOffline(desk);
    const id = checkArrives(desk);
    if (offDuty) {
      const other = await userFor(desk, offDuty, 'other');
      expect(await desk.fail(other, 'uplink.answerCheck', { id })).toMatchObject({ code: 'FORBIDDEN', messageKey: 'uplink.errors.notOnDuty' });
    }
    // The admin is not on the roster either.
    expect(await desk.fail(desk.admin, 'uplink.answerCheck', { id })).toMatchObject({ code: 'FORBIDDEN', messageKey: 'uplink.errors.notOnDuty' });
    const me = await userFor(desk, onDuty, 'onduty');
    desk.clock.advance(41_500);
    const item = await desk.call(me, 'uplink.answerCheck', { id });
    expect(item.answer).toEqual({ seconds: 41.5, withinLimit: true });
    const row = desk.core.db.prepare('SELECT actor, after FROM audit_log WHERE action = ?').get(hubActions.checkAnswer) as { actor: string; after: string };
    expect(row.actor).toBe('onduty');
    expect(JSON.parse(row.after)).toMatchObject({ answeredBy: onDuty, onDuty: true, seconds: 41.5, withinLimit: true, limitSeconds: 60 });
    // The receipt was audited too, by the system.
    expect(desk.core.db.prepare('SELECT actor FROM audit_log WHERE action = ?').get(hubActions.checkReceive)).toEqual({ actor: 'system' });
  });

  it('a clock set back before the check was sent answers in 0 seconds, never a negative time', async () => {
    desk = await makeDesk({ start: at('2028-02-29T03:00:00') }); // a leap day, nobody rostered
    enrolOffline(desk);
    const id = checkArrives(desk, desk.clock.now() + 120_000);
    const officer = await desk.login(['officer']);
    expect((await desk.call(officer, 'uplink.answerCheck', { id })).answer).toEqual({ seconds: 0, withinLimit: true });
  });

  it('publishes the duty now into the chain once per change, with names and phones, across the year end into an unknown year', async () => {
    await rosteredDesk('2026-12-31T21:00:00');
    enrolOffline(desk);
    const count = () => (desk.core.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(hubActions.dutyReport) as { n: number }).n;
    expect(reportDutyIfChanged(desk.core)).toBe(true);
    expect(reportDutyIfChanged(desk.core)).toBe(false);
    expect(count()).toBe(1);
    const fact = JSON.parse((desk.core.db.prepare('SELECT after FROM audit_log WHERE action = ?').get(hubActions.dutyReport) as { after: string }).after);
    expect(fact).toMatchObject({ dutyDate: '2026-12-31', dutyPhone: '0758-2222110' });
    expect(fact.shifts[0].leader[0]).toEqual({ name: '领导甲', mobile: '13900000001', officePhone: '0758-1' });
    // 2027-01-01 09:00: a new duty day in a year without holiday data and without a roster.
    desk.clock.set(at('2027-01-01T09:00:00'));
    expect(reportDutyIfChanged(desk.core)).toBe(true);
    const last = JSON.parse((desk.core.db.prepare('SELECT after FROM audit_log WHERE action = ? ORDER BY seq DESC').get(hubActions.dutyReport) as { after: string }).after);
    expect(last).toMatchObject({ dutyDate: '2027-01-01', shifts: [] });
  });

  it('unenrolling is audited with its reason and stops the link', async () => {
    desk = await makeDesk();
    enrolOffline(desk);
    expect(await desk.call(desk.admin, 'uplink.unenrol', { reason: '更换上级' })).toMatchObject({ state: 'off', enrolled: false });
    expect(desk.core.db.prepare("SELECT reason FROM audit_log WHERE action = 'uplink.unenrol'").get()).toEqual({ reason: '更换上级' });
    expect(await desk.fail(desk.admin, 'uplink.unenrol', { reason: '再来一次' })).toMatchObject({ code: 'CONFLICT' });
  });
});
