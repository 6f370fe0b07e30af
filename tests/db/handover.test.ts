/**
 * The handover (交接班): prefilled from the shift, submitted by the outgoing
 * officer, confirmed by the incoming one as themself (never by the same
 * account), returned with an objection; items carried over until closed; the
 * chain head at confirmation; the backup after it; escalation when nobody
 * confirms in time — across the year end too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dutyDayDesk, local, type DutyDayDesk } from '../helpers/duty-day';
import { accidentAt } from '../helpers/incidents';
import { auditHead } from '../../electron/core/audit/chain';
import type { Connection } from '../../electron/core/context';

let d: DutyDayDesk;
afterEach(() => d?.desk.close());

const objects = [
  { name: '值班室钥匙', ok: true, note: null },
  { name: '值班电话', ok: true, note: null },
];

describe('handover', () => {
  it('A hands over with an unfinished item and a 批示; B confirms 同意接班; the item and the instruction carry over to B', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    desk.clock.set(local('2026-11-25T21:40:00'));
    const call = await desk.call(d.a, 'log.create', { kind: 'incoming_call', summary: '区应急局来电：某路段积水' });
    await desk.call(d.a, 'log.create', { kind: 'notice', summary: '市气象台暴雨黄色预警' });
    const todo = await desk.call(d.a, 'todo.add', { kind: 'todo', text: '明早核实积水路段是否恢复通行', logEntryId: call.id });
    await desk.call(d.a, 'todo.add', { kind: 'watch', text: '注意暴雨预警升级' });
    const inc = await desk.call(d.a, 'incident.create', accidentAt(desk.clock.now()));
    const ins = await desk.call(d.leader, 'leader.instruct', { incidentId: inc.id, text: '全力救治伤员，续报进展' });
    expect(ins).toMatchObject({ leaderName: '李带班', state: 'pending' });

    desk.clock.set(local('2026-11-26T08:10:00'));
    let view = await desk.call(d.a, 'handover.get', {});
    expect(view.dutyDate).toBe('2026-11-25');
    expect(view.live).toMatchObject({ logTotal: 2, logCounts: { incoming_call: 1, notice: 1 }, leaders: ['李带班'], officers: ['张值班'] });
    expect(view.live.entries.find((e) => e.id === call.id)!.unfinished).toBe(true);
    expect(view.live.incidents.map((i) => i.lastInstruction)).toEqual(['全力救治伤员，续报进展']);
    expect(view.objectsTemplate).toContain('值班室钥匙');

    const draft = await desk.call(d.a, 'handover.save', { dutyDate: '2026-11-25', expectedVersion: 0, notes: '夜间平稳', watchItems: null, objects });
    expect(draft).toMatchObject({ state: 'draft', version: 1 });
    const sub = await desk.call(d.a, 'handover.submit', { dutyDate: '2026-11-25', expectedVersion: 1, notes: '夜间平稳，积水路段待核实', watchItems: '暴雨预警', objects });
    expect(sub).toMatchObject({ state: 'submitted', outgoingName: '张值班', version: 2 });
    expect(sub.snapshot!.todos.map((t) => t.text)).toEqual(['明早核实积水路段是否恢复通行', '注意暴雨预警升级']);
    // The outgoing officer cannot accept their own shift, and the submitted form no longer changes.
    expect((await desk.fail(d.a, 'handover.confirm', { dutyDate: '2026-11-25', expectedVersion: 2 })).messageKey).toBe('handover.errors.sameOfficer');
    expect((await desk.fail(d.a, 'handover.save', { dutyDate: '2026-11-25', expectedVersion: 2, notes: 'x', watchItems: null, objects })).messageKey).toBe(
      'handover.errors.notEditable',
    );

    // Until B confirms, every console says A stays responsible (after the handover minute).
    desk.clock.set(local('2026-11-26T08:35:00'));
    view = await desk.call(d.b, 'handover.get', {});
    expect(view.responsibility).toMatchObject({ dutyDate: '2026-11-25', state: 'submitted', outgoing: ['张值班'], overdue: false });

    await desk.call(d.b, 'attendance.signIn', {});
    const ok = await desk.call(d.b, 'handover.confirm', { dutyDate: '2026-11-25', expectedVersion: 2 });
    expect(ok).toMatchObject({ state: 'confirmed', incomingName: '王值班', confirmNote: '同意接班' });
    // The chain head printed on the record is the confirmation's own audit row.
    expect(ok.chainSeq).toBe(auditHead(desk.core.db).seq);
    expect(ok.chainHash).toBe(auditHead(desk.core.db).hash);
    expect(() => desk.core.db.prepare("UPDATE handovers SET confirm_note = 'x'").run()).toThrow(/final/u);
    expect(() => desk.core.db.prepare('DELETE FROM handovers').run()).toThrow(/never deleted/u);

    view = await desk.call(d.b, 'handover.get', {});
    expect(view.dutyDate).toBe('2026-11-26'); // B's own shift is next
    expect(view.responsibility).toBeNull();
    expect(view.todos.map((t) => t.id)).toContain(todo.id);
    expect(view.instructions.map((i) => [i.text, i.state])).toEqual([['全力救治伤员，续报进展', 'pending']]);

    // B closes the item; the closure is audited and kept.
    const closed = await desk.call(d.b, 'todo.close', { id: todo.id, note: '已恢复通行' });
    expect(closed).toMatchObject({ closedBy: '王值班', closeNote: '已恢复通行' });
    expect((await desk.fail(d.b, 'todo.close', { id: todo.id, note: 'x' })).messageKey).toBe('handover.errors.todoClosed');
    expect((await desk.call(d.b, 'todo.list', {})).map((t) => t.text)).toEqual(['注意暴雨预警升级']);

    const history = await desk.call(d.b, 'handover.history', { dutyDate: '2026-11-25' });
    expect(history.map((h) => h.state)).toEqual(['draft', 'submitted', 'confirmed']);
    const print = await desk.call(d.b, 'handover.print', { dutyDate: '2026-11-25' });
    expect(print.snapshot.logTotal).toBe(2);

    // The automatic backup runs after the confirmation.
    await new Promise((r) => setTimeout(r, 400));
    const backups = fs.readdirSync(path.join(desk.dir, 'backups'));
    expect(backups.some((f) => f.includes('handover'))).toBe(true);
  });

  it('B returns the form with an objection; A corrects and submits again; the objection is kept', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    desk.clock.set(local('2026-11-26T08:20:00'));
    await desk.call(d.a, 'handover.submit', { dutyDate: '2026-11-25', expectedVersion: 0, notes: null, watchItems: null, objects: [{ name: '印章', ok: false, note: null }] });
    const ret = await desk.call(d.b, 'handover.return', { dutyDate: '2026-11-25', expectedVersion: 2, note: '印章未交接' });
    expect(ret).toMatchObject({ state: 'returned', returnNote: '印章未交接' });
    expect((await desk.call(d.leader, 'leader.desk', {})).waiting.objections).toEqual([
      expect.objectContaining({ dutyDate: '2026-11-25', note: '印章未交接', by: '王值班' }),
    ]);
    const again = await desk.call(d.a, 'handover.submit', { dutyDate: '2026-11-25', expectedVersion: 3, notes: '印章已交', watchItems: null, objects: [{ name: '印章', ok: true, note: null }] });
    expect(again.state).toBe('submitted');
    const h = await desk.call(d.b, 'handover.history', { dutyDate: '2026-11-25' });
    expect(h.find((v) => v.state === 'returned')!.reason).toBe('印章未交接');
  });

  it('only the shift’s officers hand over and only the incoming officer accepts; a leader or admin login is refused', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    // 陈值班, an officer rostered on neither the 25th (张值班) nor the 26th (王值班).
    const chen = await desk.call(desk.admin, 'people.create', { name: '陈值班', department: '应急指挥中心', title: '科员', officePhone: null, mobile: '13900000005', roles: ['officer'], sortOrder: 5 });
    await desk.call(desk.admin, 'users.create', { login: 'chen', password: 'secret123', personId: chen.id, displayName: '陈值班', roles: ['officer'] });
    const c: Connection = { sessionId: null };
    await desk.call(c, 'auth.login', { login: 'chen', password: 'secret123' });
    desk.clock.set(local('2026-11-26T08:15:00'));
    const form = { dutyDate: '2026-11-25', notes: null, watchItems: null, objects };

    // What each login may do, as the handover page shows it.
    const sides = async (conn: typeof c) => {
      const v = await desk.call(conn, 'handover.get', { dutyDate: '2026-11-25' });
      return [v.outgoing.isMe, v.incomingOfficers.isMe];
    };
    expect(await sides(d.a)).toEqual([true, false]);
    expect(await sides(d.b)).toEqual([false, true]);
    expect(await sides(d.leader)).toEqual([false, false]);
    expect(await sides(desk.admin)).toEqual([false, false]);
    expect(await sides(c)).toEqual([false, false]);
    expect((await desk.call(d.leader, 'handover.get', { dutyDate: '2026-11-25' })).outgoing.names).toEqual(['张值班']);

    // The leader and the admin are refused by role; another officer by person, naming the shift's officers.
    for (const m of ['handover.save', 'handover.submit'] as const) {
      expect((await desk.fail(d.leader, m, { ...form, expectedVersion: 0 })).code).toBe('FORBIDDEN');
      expect((await desk.fail(desk.admin, m, { ...form, expectedVersion: 0 })).code).toBe('FORBIDDEN');
      const other = await desk.fail(d.b, m, { ...form, expectedVersion: 0 });
      expect([other.code, other.messageKey, other.message]).toEqual(['FORBIDDEN', 'handover.errors.notOutgoing', '只有本班值班员（张值班）可以用自己的账户交班。']);
    }
    await desk.call(d.a, 'handover.submit', { ...form, expectedVersion: 0 });
    for (const [m, extra] of [['handover.confirm', {}], ['handover.return', { note: '印章未交接' }]] as const) {
      expect((await desk.fail(d.leader, m, { dutyDate: '2026-11-25', expectedVersion: 2, ...extra })).code).toBe('FORBIDDEN');
      expect((await desk.fail(desk.admin, m, { dutyDate: '2026-11-25', expectedVersion: 2, ...extra })).code).toBe('FORBIDDEN');
      expect((await desk.fail(c, m, { dutyDate: '2026-11-25', expectedVersion: 2, ...extra })).messageKey).toBe('handover.errors.notIncoming');
    }
    // 陈值班 signs in covering 王值班 (替班): now the incoming officer, they accept.
    desk.clock.set(local('2026-11-26T08:32:00'));
    await desk.call(c, 'attendance.signIn', { coversPersonId: d.ids.b });
    expect(await sides(c)).toEqual([false, true]);
    const ok = await desk.call(c, 'handover.confirm', { dutyDate: '2026-11-25', expectedVersion: 2 });
    expect(ok).toMatchObject({ state: 'confirmed', incomingName: '陈值班' });
  });

  it('an unconfirmed handover joins Due next and, past its limit, escalates to the leader on duty step by step', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    desk.clock.set(local('2026-11-25T06:00:00')); // two and a half hours before the 24th's handover: not yet due
    let due = await desk.call(d.a, 'due.list', {});
    // The 23rd's handover was never confirmed: it stays listed, escalated to the end; the 24th's is not due yet.
    expect(due.items.filter((i) => i.kind === 'handover').map((i) => [i.kind === 'handover' && i.dutyDate, i.overdue])).toEqual([['2026-11-23', true]]);
    desk.clock.set(local('2026-11-26T07:00:00'));
    due = await desk.call(d.a, 'due.list', {});
    const waiting = due.items.find((i) => i.kind === 'handover' && i.dutyDate === '2026-11-25');
    expect(waiting).toMatchObject({ dueAt: new Date(local('2026-11-26T09:00:00')).toISOString(), overdue: false, escalation: null });

    desk.clock.set(local('2026-11-26T09:00:00')); // 08:30 + 30 min: escalates
    due = await desk.call(d.a, 'due.list', {});
    let esc = due.items.find((i) => i.kind === 'handover' && i.dutyDate === '2026-11-25');
    expect(esc).toMatchObject({ overdue: true, escalation: { stepIndex: 0, target: 'leaderOnDuty', targetName: '李带班', targetPhone: '13900000001' } });
    expect((await desk.call(d.leader, 'leader.desk', {})).waiting.escalations.map((i) => i.id)).toContain(esc!.id);
    desk.clock.set(local('2026-11-26T09:10:00'));
    esc = (await desk.call(d.a, 'due.list', {})).items.find((i) => i.kind === 'handover' && i.dutyDate === '2026-11-25');
    expect(esc).toMatchObject({ escalation: { stepIndex: 1, target: 'principalLeader' } });

    await desk.call(d.a, 'handover.submit', { dutyDate: '2026-11-25', expectedVersion: 0, notes: null, watchItems: null, objects });
    await desk.call(d.b, 'handover.confirm', { dutyDate: '2026-11-25', expectedVersion: 2 });
    due = await desk.call(d.a, 'due.list', {});
    expect(due.items.filter((i) => i.kind === 'handover' && i.dutyDate === '2026-11-25')).toEqual([]);
  });

  it('hands over New Year’s Eve on 1 January, even with no roster for the new year yet', async () => {
    d = await dutyDayDesk({ start: local('2026-12-20T10:00:00') });
    const { desk } = d;
    desk.clock.set(local('2027-01-01T08:45:00'));
    const view = await desk.call(d.a, 'handover.get', {});
    expect(view.dutyDate).toBe('2026-12-31');
    expect(view.handoverAt).toBe(new Date(local('2027-01-01T08:30:00')).toISOString());
    expect(view.confirmBy).toBe(new Date(local('2027-01-01T09:00:00')).toISOString());
    expect(view.responsibility).toMatchObject({ dutyDate: '2026-12-31', outgoing: ['张值班'] });
    desk.clock.set(local('2027-01-01T09:05:00'));
    const due = await desk.call(d.a, 'due.list', {});
    expect(due.items.find((i) => i.kind === 'handover')).toMatchObject({ dutyDate: '2026-12-31', overdue: true });
    // A duty day not yet begun has no handover.
    expect((await desk.fail(d.a, 'handover.save', { dutyDate: '2027-01-02', expectedVersion: 0, notes: null, watchItems: null, objects })).messageKey).toBe(
      'handover.errors.futureDay',
    );
  });
});
