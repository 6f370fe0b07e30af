/**
 * The log tells the whole story (issue 11 item 6): an entry turned into an
 * incident shows its handling — reports, escalation, instructions, outcome —
 * on the console (log.list), in the log book and in the Excel. Before, the
 * 4-death explosion's entry printed with an empty 处理情况.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeDesk, type TestDesk } from '../helpers/core';
import { setLeaderOnDutyLookup } from '../../electron/core/escalation/service';
import { accidentAt } from '../helpers/incidents';
import { effectiveFollowUp } from '../../shared/domain/log-handling';

let desk: TestDesk;
afterEach(() => {
  setLeaderOnDutyLookup(null);
  desk?.close();
});
const min = 60_000;

describe('an entry turned into an incident shows its handling', () => {
  it('on the console, in the log book and in the Excel, from the reports, escalation and instructions', async () => {
    desk = await makeDesk();
    const officer = await desk.login(['officer']);
    setLeaderOnDutyLookup(() => ({ name: '李带班', phone: '13900000002', personId: null }));
    const entry = await desk.call(officer, 'log.create', {
      kind: 'incoming_call',
      sourceUnit: '高新区应急管理局',
      sourcePerson: '陈科长',
      sourcePhone: '0758-2666110',
      summary: '某化工厂发生燃气爆炸，已造成4人死亡',
    });
    const inc = await desk.call(officer, 'incident.create', { ...accidentAt(desk.clock.now(), { title: '燃气爆炸事故', deaths: 4 }), fromLogEntryId: entry.id });
    desk.clock.advance(2 * min);
    const esc = await desk.call(officer, 'escalation.start', { incidentId: inc.id });
    desk.clock.advance(3 * min);
    await desk.call(officer, 'escalation.acknowledge', { escalationId: esc.id, via: 'mobile', byName: '李带班', instruction: '立即组织救援' });
    desk.clock.advance(20 * min);
    await desk.call(officer, 'report.file', { incidentId: inc.id, kind: 'first', content: '首报', recipient: '市政府总值班室', method: 'phone' });

    const listed = (await desk.call(officer, 'log.list', {})).entries.find((e) => e.id === entry.id)!;
    expect(listed.handling).toMatchObject({
      incidentNo: inc.no,
      status: 'handling',
      reports: [{ kind: 'first', recipient: '市政府总值班室', method: 'phone', late: false }],
      told: [{ target: 'leaderOnDuty', name: '李带班', acknowledged: true }],
      instructions: [{ leaderName: '李带班', text: '立即组织救援' }],
    });
    const text = effectiveFollowUp(listed, 'zh-CN', 'Asia/Shanghai');
    expect(text.reportedTo).toBe('11-25 21:45 带班领导李带班确认（手机）；11-25 22:05 向市政府总值班室首报（电话）');
    expect(text.instruction).toBe('李带班（11-25 21:45）：立即组织救援');
    expect(text.outcome).toBe(`已转为事件 ${inc.no}，处置中`);
    expect(effectiveFollowUp(listed, 'en', 'Asia/Shanghai').outcome).toBe(`Became incident ${inc.no}: Handling`);

    const book = await desk.call(officer, 'log.book', { dutyDate: '2026-11-25' });
    expect(book.entries.find((e) => e.id === entry.id)!.handling?.instructions).toHaveLength(1);

    const file = await desk.call(officer, 'log.exportXlsx', { from: '2026-11-25', to: '2026-11-25' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells).toContain('11-25 21:45 带班领导李带班确认（手机）；11-25 22:05 向市政府总值班室首报（电话）');
    expect(cells).toContain('李带班（11-25 21:45）：立即组织救援');
  });

  it("the officer's own words come first; an entry without an incident has no handling", async () => {
    desk = await makeDesk();
    const officer = await desk.login(['officer']);
    const plain = await desk.call(officer, 'log.create', { kind: 'notice', summary: '市应急局通知：做好寒潮防范' });
    const listed = (await desk.call(officer, 'log.list', {})).entries.find((e) => e.id === plain.id)!;
    expect(listed.handling).toBeUndefined();
    expect(effectiveFollowUp({ reportedTo: '已报告带班领导', instruction: null, outcome: null, handling: null }, 'zh-CN', 'Asia/Shanghai')).toEqual({ reportedTo: '已报告带班领导', instruction: null, outcome: null });
  });
});
