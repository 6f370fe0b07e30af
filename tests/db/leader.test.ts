/**
 * The leader's desk: a 批示 from the leader's own login, its follow-up
 * (待落实 → 落实中 → 已落实, never backwards, done says what was done), and
 * everything waiting for the leader on one screen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dutyDayDesk, local, type DutyDayDesk } from '../helpers/duty-day';
import { accidentAt } from '../helpers/incidents';
import { iterateAudit } from '../../electron/core/audit/chain';

let d: DutyDayDesk;
afterEach(() => d?.desk.close());

describe("the leader's desk", () => {
  it('gives a 批示 under the leader’s own name and follows it up to 已落实', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    desk.clock.set(local('2026-11-25T21:40:00'));
    await desk.call(d.a, 'attendance.signIn', {});
    await desk.call(d.a, 'log.create', { kind: 'incoming_call', summary: '来电报告化工厂爆炸' });
    const inc = await desk.call(d.a, 'incident.create', accidentAt(desk.clock.now()));
    let ld = await desk.call(d.leader, 'leader.desk', {});
    expect(ld.attendance[0]!.lines.map((l) => [l.name, l.state])).toEqual([
      ['李带班', 'pending'],
      ['张值班', 'late'], // signed in at 21:40 for a shift that began at 08:30
      ['赵备班', 'pending'],
    ]);
    expect(ld.entries.map((e) => e.summary)).toEqual(['来电报告化工厂爆炸']);
    expect(ld.waiting.toInstruct.map((i) => i.id)).toEqual([inc.id]);
    // An officer cannot instruct as a leader.
    expect((await desk.fail(d.a, 'leader.instruct', { incidentId: inc.id, text: 'x' })).code).toBe('FORBIDDEN');
    const ins = await desk.call(d.leader, 'leader.instruct', { incidentId: inc.id, text: '立即组织救援' });
    expect(ins).toMatchObject({ leaderName: '李带班', state: 'pending', incidentNo: inc.no });
    ld = await desk.call(d.leader, 'leader.desk', {});
    expect(ld.waiting.toInstruct).toEqual([]);
    expect(ld.waiting.instructions.map((i) => i.state)).toEqual(['pending']);

    const going = await desk.call(d.a, 'instruction.followUp', { instructionId: ins.id, state: 'inProgress', note: '已通知区应急局' });
    expect(going.state).toBe('inProgress');
    expect((await desk.fail(d.a, 'instruction.followUp', { instructionId: ins.id, state: 'done' })).details?.issues?.[0]).toMatchObject({
      path: 'note',
      messageKey: 'validation.followUpNote',
    });
    expect((await desk.fail(d.a, 'instruction.followUp', { instructionId: ins.id, state: 'pending' })).messageKey).toBe('leader.errors.followUpBackwards');
    const done = await desk.call(d.a, 'instruction.followUp', { instructionId: ins.id, state: 'done', note: '伤员已全部送医', doneBy: '区应急局' });
    expect(done).toMatchObject({ state: 'done', lastDoneBy: '区应急局', lastNote: '伤员已全部送医' });
    expect(done.followUps.map((f) => f.state)).toEqual(['inProgress', 'done']);
    expect((await desk.fail(d.a, 'instruction.followUp', { instructionId: ins.id, state: 'done', note: 'x' })).messageKey).toBe('leader.errors.followUpDone');
    expect(await desk.call(d.a, 'instruction.open', {})).toEqual([]);
    expect((await desk.call(d.a, 'instruction.open', { includeDone: true })).map((i) => i.state)).toEqual(['done']);
    expect([...iterateAudit(desk.core.db)].filter((e) => e.action === 'instruction.followUp')).toHaveLength(2);
    expect(() => desk.core.db.prepare('DELETE FROM instruction_followups').run()).toThrow(/append-only/u);

    // The drafted daily report waits for the leader's review.
    desk.clock.set(local('2026-11-26T15:00:00'));
    await desk.call(d.b, 'dailyReport.draft', { date: '2026-11-26', summary: null });
    ld = await desk.call(d.leader, 'leader.desk', {});
    expect(ld.waiting.reportsToReview.map((r) => [r.reportDate, r.kind])).toEqual([['2026-11-26', 'daily']]);
  });
});
