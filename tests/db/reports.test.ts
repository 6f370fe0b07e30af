/**
 * The daily report and the zero report: what counts as reportable, the
 * standard zero wording (across a month and a year end), 拟稿 → 审核 → 报送,
 * lateness kept forever, the deadline in Due next, the 15:00 and handover
 * settings, weekly roll-ups and Excel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dutyDayDesk, local, type DutyDayDesk } from '../helpers/duty-day';
import { accidentAt } from '../helpers/incidents';

let d: DutyDayDesk;
afterEach(() => d?.desk.close());

describe('daily and zero reports', () => {
  it('a day of routine duty only is a zero report in the standard wording; an incident makes it a daily report', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    desk.clock.set(local('2026-11-24T20:00:00'));
    await desk.call(d.b, 'log.create', { kind: 'notice', summary: '市气象台发布大风蓝色预警' });
    await desk.call(d.b, 'presence.create', { direction: 'received', method: 'phone', checker: '市政府总值班室 刘科长', answered: true, rings: 2, officerAtPost: true, leaderAtPost: true });
    desk.clock.set(local('2026-11-25T16:00:00'));
    const view = await desk.call(d.a, 'dailyReport.get', {});
    expect(view.date).toBe('2026-11-25');
    expect(view.live).toMatchObject({ zero: true, logTotal: 1, presence: { received: 1 } });
    expect(view.suggestedSummary).toBe('2026年11月24日17时至25日17时，我单位未发生需要报告的突发事件和重要情况，值班秩序正常。特此报告。');
    const zero = await desk.call(d.a, 'dailyReport.draft', { date: '2026-11-25', summary: null });
    expect(zero).toMatchObject({ kind: 'zero', state: 'draft' });

    // The next day has an incident: a daily report listing it with its report state.
    desk.clock.set(local('2026-11-25T22:00:00'));
    await desk.call(d.a, 'incident.create', accidentAt(desk.clock.now(), { level: 2, deaths: 10 })); // 重大: 30 / 60 minute deadlines
    desk.clock.set(local('2026-11-26T10:00:00'));
    const next = await desk.call(d.a, 'dailyReport.get', {});
    expect(next.date).toBe('2026-11-26');
    expect(next.live.zero).toBe(false);
    expect(next.live.incidents).toEqual([expect.objectContaining({ title: '某化工厂爆炸事故', reportState: 'late' })]);
    expect(next.suggestedSummary).toContain('接报突发事件1起');
  });

  it('an incident with no deadline reads 未报告（无时限） before any report and 无时限 after one, never 按时报告', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    desk.clock.set(local('2026-11-25T10:00:00'));
    // 一般 (Ⅳ级) natural incident: the national rule sets no deadline for it.
    const inc = await desk.call(d.a, 'incident.create', accidentAt(desk.clock.now(), { title: '小型山体滑坡', category: 'natural', subType: 'geological', level: 4, deaths: 0 }));
    expect((await desk.call(d.a, 'incident.get', { id: inc.id })).deadlines).toEqual([]);
    desk.clock.set(local('2026-11-25T10:05:00'));
    let view = await desk.call(d.a, 'dailyReport.get', {});
    expect(view.live.incidents).toEqual([expect.objectContaining({ title: '小型山体滑坡', reportState: 'notReported' })]);
    expect(view.suggestedSummary).toContain('小型山体滑坡（Ⅳ级 一般，未报告（无时限））');
    await desk.call(d.a, 'report.file', { incidentId: inc.id, kind: 'first', content: '首报：某村发生小型山体滑坡，无人员伤亡。', recipient: '市政府总值班室', method: 'phone' });
    view = await desk.call(d.a, 'dailyReport.get', {});
    expect(view.live.incidents[0]!.reportState).toBe('noDeadline');
    expect(view.suggestedSummary).toContain('无时限');
    expect(view.suggestedSummary).not.toContain('按时报告');
  });

  it('drafts, is reviewed by the leader, is sent; sent after 17:00 it is late, and stays late after a void', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    desk.clock.set(local('2026-11-25T16:30:00'));
    const r = await desk.call(d.a, 'dailyReport.draft', { date: '2026-11-25', summary: null });
    expect((await desk.fail(d.a, 'dailyReport.send', { id: r.id, expectedVersion: 1, recipient: '市政府总值班室', method: 'system' })).messageKey).toBe(
      'reports.errors.notReviewed',
    );
    expect((await desk.fail(d.a, 'dailyReport.review', { id: r.id, expectedVersion: 1 })).code).toBe('FORBIDDEN');
    const reviewed = await desk.call(d.leader, 'dailyReport.review', { id: r.id, expectedVersion: 1, note: '同意报送' });
    expect(reviewed).toMatchObject({ state: 'reviewed', reviewedBy: '李带班' });
    desk.clock.set(local('2026-11-25T17:01:00'));
    const sent = await desk.call(d.a, 'dailyReport.send', { id: r.id, expectedVersion: 2, recipient: '市政府总值班室', method: 'system' });
    expect(sent).toMatchObject({ state: 'sent', late: true, sentBy: '张值班' });
    expect((await desk.fail(d.a, 'dailyReport.update', { id: r.id, expectedVersion: 3, summary: '改' })).messageKey).toBe('reports.errors.sent');
    expect(() => desk.core.db.prepare("UPDATE daily_reports SET late = 0").run()).toThrow(/final/u);

    const voided = await desk.call(d.leader, 'dailyReport.void', { id: r.id, reason: '数字有误，重新报送' });
    expect(voided.voided).toBe(true);
    const again = await desk.call(d.a, 'dailyReport.get', { date: '2026-11-25' });
    expect(again.record).toBeNull();
    expect(again.voided.map((v) => [v.late, v.voidReason])).toEqual([[true, '数字有误，重新报送']]);
    expect(again.overdue).toBe(true);
    const days = await desk.call(d.a, 'dailyReport.list', { from: '2026-11-24', to: '2026-11-25' });
    expect(days.map((x) => [x.date, x.state, x.overdue])).toEqual([
      ['2026-11-24', 'none', true],
      ['2026-11-25', 'none', true],
    ]);
  });

  it('joins Due next three hours before 17:00, turns overdue at 17:00 and leaves when sent', async () => {
    d = await dutyDayDesk({ start: local('2026-11-25T10:00:00') });
    const { desk } = d;
    desk.clock.set(local('2026-11-25T13:59:00'));
    const dailies = async () => (await desk.call(d.a, 'due.list', {})).items.filter((i) => i.kind === 'dailyReport');
    expect(await dailies()).toEqual([]);
    desk.clock.set(local('2026-11-25T14:00:00'));
    expect(await dailies()).toEqual([expect.objectContaining({ reportDate: '2026-11-25', overdue: false, dueAt: new Date(local('2026-11-25T17:00:00')).toISOString() })]);
    desk.clock.set(local('2026-11-25T17:00:00'));
    expect((await dailies()).map((i) => [i.kind === 'dailyReport' && i.reportDate, i.overdue])).toEqual([['2026-11-25', true]]);
    const r = await desk.call(d.a, 'dailyReport.draft', { date: '2026-11-25', summary: null });
    await desk.call(d.leader, 'dailyReport.review', { id: r.id, expectedVersion: 1 });
    await desk.call(d.a, 'dailyReport.send', { id: r.id, expectedVersion: 2, recipient: '市政府总值班室', method: 'fax' });
    expect(await dailies()).toEqual([]);
  });

  it('reports at 15:00 or at each handover when the desk says so, across the year end', async () => {
    d = await dutyDayDesk({ start: local('2026-12-30T10:00:00') });
    const { desk } = d;
    await desk.call(desk.admin, 'dailyReport.setRules', { mode: 'clock', cutoffMinutes: 15 * 60, recipient: '区政府总值班室' });
    desk.clock.set(local('2026-12-31T15:30:00'));
    let v = await desk.call(d.a, 'dailyReport.get', {});
    expect(v.date).toBe('2027-01-01');
    expect(v.dueAt).toBe(new Date(local('2027-01-01T15:00:00')).toISOString());
    expect(v.suggestedSummary.startsWith('2026年12月31日15时至2027年1月1日15时')).toBe(true);
    await desk.call(desk.admin, 'dailyReport.setRules', { mode: 'handover', cutoffMinutes: 15 * 60, recipient: '区政府总值班室' });
    v = await desk.call(d.a, 'dailyReport.get', { date: '2026-12-31' });
    expect(v.periodStart).toBe(new Date(local('2026-12-31T08:30:00')).toISOString());
    expect(v.dueAt).toBe(new Date(local('2027-01-01T08:30:00')).toISOString());
  });

  it('rolls a week up with the same tables and exports a day and a range to Excel', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25']) {
      desk.clock.set(local(`${day}T10:00:00`));
      await desk.call(d.a, 'log.create', { kind: 'incoming_call', summary: `${day} 来电` });
      await desk.call(d.a, 'presence.create', { direction: 'made', method: 'phone', unitName: '城关镇', answered: day !== '2026-11-24' });
    }
    desk.clock.set(local('2026-11-25T16:00:00'));
    const r = await desk.call(d.a, 'dailyReport.draft', { date: '2026-11-25', summary: null });
    const roll = await desk.call(d.a, 'dailyReport.rollup', { from: '2026-11-23', to: '2026-11-29' });
    expect(roll.stats).toMatchObject({ logTotal: 3, presence: { made: 3, answered: 2, missed: 1 } });
    expect(roll.days.map((x) => x.state)).toEqual(['none', 'none', 'draft', 'none', 'none', 'none', 'none']);
    const file = await desk.call(d.a, 'dailyReport.exportXlsx', { from: '2026-11-23', to: '2026-11-29' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]!.getCell(1, 1).value)).toContain('值班情况汇总');
    const day = await desk.call(d.a, 'dailyReport.exportXlsx', { from: '2026-11-25', to: '2026-11-25' });
    expect(day.fileName).toContain(r.kind === 'zero' ? '零报告' : '值班日报');
    expect((await desk.fail(d.a, 'dailyReport.rollup', { from: '2026-11-29', to: '2026-11-23' })).details?.issues?.[0]?.messageKey).toBe('validation.dateRange');
  });

  it('other domains plug in: a supervised item past its deadline is reported (no zero report) and listed in the report', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    desk.clock.set(local('2026-11-20T10:00:00'));
    await desk.call(d.a, 'ledger.create', { source: 'meeting', title: '某路段积水隐患整改', ownerUnit: '区住建局', deadline: '2026-11-22' });
    desk.clock.set(local('2026-11-25T16:00:00'));
    const v = await desk.call(d.a, 'dailyReport.get', {});
    const ledger = v.live.sections.find((s) => s.key === 'ledger');
    expect(ledger).toMatchObject({ reportable: 1 });
    expect(ledger!.rows.find((r) => r.labelKey === 'reports.section.overdueItems')!.value).toContain('某路段积水隐患整改');
    expect(v.live.zero).toBe(false);
  });

  it('an item carried over counts as raised in the table, without making the day 有事', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    desk.clock.set(local('2026-11-25T10:00:00'));
    await desk.call(d.a, 'todo.add', { kind: 'todo', text: '核实积水路段' });
    desk.clock.set(local('2026-11-25T16:00:00'));
    const v = await desk.call(d.a, 'dailyReport.get', {});
    // 数量 1 beside 新增 1 (it read 0: the section showed its reportable count).
    expect(v.live.sections.find((s) => s.key === 'todos')).toMatchObject({ reportable: 0, count: 1 });
    expect(v.live.zero).toBe(true);
    // Counts in words are messages, translated where shown (2批23人次 / 2 batches, 23 person-times), not Chinese text from the core.
    const petitions = v.live.sections.find((s) => s.key === 'petitions')!;
    expect(petitions.rows[0]).toEqual({ labelKey: 'reports.section.total', value: { key: 'reports.section.times', params: { b: 0, p: 0 } } });
  });
});
