/**
 * The petition register on a real store: 批/人次 and 重复访 through the API,
 * deadlines met or late for good, the one extension, review windows, leaders'
 * cases, versions and audit, masked ID numbers for officers (screen and Excel).
 */
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeDesk, type TestDesk } from '../helpers/core';
import { iterateAudit } from '../../electron/core/audit/chain';
import type { Input } from '../../shared/contract';
import { petitionDayCounts } from '../../electron/core/petitions/service';

let desk: TestDesk;
afterEach(() => desk?.close());

const day = 86_400_000;
const id1 = '11010519491231002X';
const id2 = '440102199001011234'.slice(0, 17);
// A valid second ID: compute the check character.
const check = (s17: string): string => {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(s17[i]) * w[i]!;
  return s17 + '10X98765432'[sum % 11]!;
};
const idB = check(id2);

const visit = (over: Partial<Input<'petitions.create'>> = {}): Input<'petitions.create'> => ({
  form: 'visit',
  persons: 1,
  level: 'district',
  category: '房屋拆迁',
  summary: '反映拆迁补偿标准问题',
  petitioners: [{ name: '张某', idNumber: id1, phone: '13900000001' }],
  ...over,
});

describe('petitions', () => {
  it('counts a group of 23 as 1批23人次 and the same person twice as 2人次 with one 重复访, per level, with 环比', async () => {
    desk = await makeDesk(); // 2026-11-25 21:40
    const o = await desk.login(['officer']);
    await desk.call(o, 'petitions.create', visit());
    await desk.call(o, 'petitions.create', visit({ persons: 23, category: '劳动社会保障', petitioners: [{ name: '李代表' }, { name: '王代表' }] }));
    const again = await desk.call(o, 'petitions.create', visit({ level: 'city', petitioners: [{ name: '张某', idNumber: id1 }] }));
    expect(again.repeat).toBe(true);
    expect(again.petitioners[0]!.visits).toBe(2);
    // A letter is counted by form (件), not as 上访.
    await desk.call(o, 'petitions.create', visit({ form: 'letter', petitioners: [] }));
    // Last month: one visit, for 环比.
    await desk.call(o, 'petitions.create', visit({ receivedAt: '2026-10-10T10:00:00+08:00', petitioners: [{ name: '赵某' }] }));
    const s = await desk.call(o, 'petitions.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(s.current.byLevel.district).toEqual({ batches: 2, personTimes: 24 });
    expect(s.current.byLevel.city).toEqual({ batches: 1, personTimes: 1 });
    expect(s.current.group).toEqual({ batches: 1, personTimes: 23 });
    expect(s.current.repeat).toEqual({ batches: 1, personTimes: 1 });
    expect(s.current.byForm.letter).toEqual({ batches: 1, personTimes: 1 });
    expect(s.previous).toMatchObject({ from: '2026-10-01', to: '2026-10-31', visits: { batches: 1, personTimes: 1 } });
    expect(s.lastYear).toMatchObject({ from: '2025-11-01', to: '2025-11-30' });
    const x = await desk.call(o, 'petitions.statsXlsx', { from: '2026-11-01', to: '2026-11-30' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data, 'base64') as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain('2批24人次');
    expect(cells).toContain('1批1人次');
    expect(cells.some((c) => c.includes('上升'))).toBe(true);
  });

  it('refuses a group with six representatives and a level below the desk; validates ID numbers naming the field', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i}` }));
    const e = await desk.fail(o, 'petitions.create', visit({ persons: 30, petitioners: six }));
    expect(e.messageKey).toBe('petitions.errors.tooManyRepresentatives');
    const bad = await desk.fail(o, 'petitions.create', visit({ petitioners: [{ name: '某', idNumber: '110105194912310021' }] }));
    expect(bad.details?.issues?.[0]).toMatchObject({ path: 'petitioners.0.idNumber', messageKey: 'validation.idNumber' });
    await desk.call(desk.admin, 'petitions.setSettings', { ...(await desk.call(o, 'petitions.settings', {})), deskLevel: 'city' });
    expect((await desk.fail(o, 'petitions.create', visit())).messageKey).toBe('petitions.errors.levelBelowDesk');
  });

  it('keeps the 15-day accept deadline met or late for good, across the year end, and lists it on the console until met', async () => {
    desk = await makeDesk({ start: Date.parse('2026-12-20T02:00:00Z') }); // 12-20 10:00
    const o = await desk.login(['officer']);
    const p = await desk.call(o, 'petitions.create', visit());
    expect(p.nextDeadline).toMatchObject({ kind: 'accept', startDate: '2026-12-20', dueDate: '2027-01-04', dueAt: '2027-01-04T16:00:00.000Z', late: false });
    const due = await desk.call(o, 'due.list', {});
    expect(due.items.find((i) => i.kind === 'register')).toMatchObject({ register: 'petition', no: 'XF2026-0001', what: 'petition.accept', overdue: false });
    desk.clock.set(Date.parse('2027-01-05T01:00:00Z')); // day 16
    expect((await desk.call(o, 'due.list', {})).items.find((i) => i.kind === 'register')?.overdue).toBe(true);
    const d = await desk.call(o, 'petitions.step', { id: p.id, step: 'accept' });
    expect(d.deadlines.find((x) => x.kind === 'accept')).toMatchObject({ metOn: '2027-01-05', late: true });
    expect(d.steps[0]).toMatchObject({ step: 'accept', inTime: false });
    // Now the 60-day conclude deadline runs from acceptance.
    expect(d.nextDeadline).toMatchObject({ kind: 'conclude', startDate: '2027-01-05', dueDate: '2027-03-06' });
    // Lateness stays when the clock moves back.
    desk.clock.set(Date.parse('2026-12-21T01:00:00Z'));
    expect((await desk.call(o, 'petitions.get', { id: p.id })).deadlines[0]!.late).toBe(true);
    expect((await desk.call(o, 'due.list', {})).items.filter((i) => i.kind === 'register').map((i) => i.what)).toEqual(['petition.conclude']);
  });

  it('extends 办结 once by at most 30 days before it passes; concludes; review request windows and answers', async () => {
    desk = await makeDesk({ start: Date.parse('2026-11-01T02:00:00Z') });
    const o = await desk.login(['officer']);
    const p = await desk.call(o, 'petitions.create', visit());
    await desk.call(o, 'petitions.step', { id: p.id, step: 'accept' });
    expect((await desk.fail(o, 'petitions.step', { id: p.id, step: 'extend', days: 31, text: '情况复杂' })).messageKey).toBe('petitions.errors.extension.tooLong');
    const ext = await desk.call(o, 'petitions.step', { id: p.id, step: 'extend', days: 30, text: '情况复杂，需多部门会商' });
    expect(ext.nextDeadline).toMatchObject({ kind: 'conclude', dueDate: '2027-01-30' }); // day 90 of 11-01
    expect(ext.deadlines.filter((x) => x.kind === 'conclude').map((x) => x.superseded)).toEqual([true, false]);
    expect((await desk.fail(o, 'petitions.step', { id: p.id, step: 'extend', days: 5, text: '再延' })).messageKey).toBe('petitions.errors.extension.alreadyExtended');
    desk.clock.set(Date.parse('2027-01-30T10:00:00Z')); // day 90, 18:00
    const c = await desk.call(o, 'petitions.step', { id: p.id, step: 'conclude', text: '已答复信访人', answerReceivedOn: '2027-01-30' });
    expect(c.state).toBe('concluded');
    expect(c.deadlines.find((x) => x.kind === 'conclude' && !x.superseded)).toMatchObject({ metOn: '2027-01-30', late: false });
    desk.clock.set(Date.parse('2027-03-02T02:00:00Z')); // day 31 after the answer
    const r = await desk.call(o, 'petitions.step', { id: p.id, step: 'requestReview', text: '不服处理意见' });
    expect(r.steps.at(-1)).toMatchObject({ step: 'requestReview', inTime: false });
    expect(r.nextDeadline).toMatchObject({ kind: 'reviewAnswer', startDate: '2027-03-02', dueDate: '2027-04-01' });
    expect((await desk.fail(o, 'petitions.step', { id: p.id, step: 'accept' })).messageKey).toBe('petitions.errors.badStep');
  });

  it('an extension after the due date is refused: lateness cannot be hidden', async () => {
    desk = await makeDesk({ start: Date.parse('2026-11-01T02:00:00Z') });
    const o = await desk.login(['officer']);
    const p = await desk.call(o, 'petitions.create', visit());
    await desk.call(o, 'petitions.step', { id: p.id, step: 'accept' });
    desk.clock.advance(61 * day);
    expect((await desk.fail(o, 'petitions.step', { id: p.id, step: 'extend', days: 10, text: '补办延期' })).messageKey).toBe('petitions.errors.extension.afterDue');
  });

  it('assignments with deadlines, 督办, 回访 and a leader case; the leader closes it', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    const leader = await desk.login(['leader']);
    const p = await desk.call(o, 'petitions.create', visit());
    await desk.call(o, 'petitions.step', { id: p.id, step: 'accept' });
    const a = await desk.call(o, 'petitions.assign', { id: p.id, kind: 'assign', unit: '区住建局', dueDate: '2026-12-10' });
    expect(a.state).toBe('handling');
    expect((await desk.call(o, 'due.list', {})).items.filter((i) => i.kind === 'register').map((i) => i.what)).toEqual(['petition.assignment', 'petition.conclude']);
    await desk.call(o, 'petitions.assignmentDone', { assignmentId: a.assignments[0]!.id, result: '已提出补偿方案' });
    await desk.call(o, 'petitions.action', { id: p.id, kind: 'supervise', text: '电话督办区住建局' });
    expect((await desk.fail(o, 'petitions.action', { id: p.id, kind: 'followup', text: '回访' })).details?.issues?.[0]?.path).toBe('satisfied');
    await desk.call(o, 'petitions.action', { id: p.id, kind: 'followup', text: '电话回访', satisfied: true, byName: '刘干事' });
    await desk.call(o, 'petitions.setCase', { id: p.id, leader: '王副区长', duties: ['grasp', 'solve'] });
    await desk.call(o, 'petitions.action', { id: p.id, kind: 'caseNote', text: '召开协调会' });
    expect((await desk.fail(o, 'petitions.closeCase', { id: p.id, note: '化解' })).code).toBe('FORBIDDEN');
    const closed = await desk.call(leader, 'petitions.closeCase', { id: p.id, note: '问题已解决，息诉罢访' });
    expect(closed.case).toMatchObject({ leader: '王副区长', duties: ['grasp', 'solve'], closingNote: '问题已解决，息诉罢访' });
    expect(closed.actions.map((x) => x.kind)).toEqual(['supervise', 'followup', 'caseNote']);
    const s = await desk.call(o, 'petitions.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(s).toMatchObject({ cases: { open: 0, closed: 1 }, supervised: 1, followups: 1 });
  });

  it('edits make versions with a reason; void with reason; every change is audited', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    const p = await desk.call(o, 'petitions.create', visit());
    const u = await desk.call(o, 'petitions.update', { id: p.id, expectedVersion: 1, reason: '补记诉求', demands: '提高补偿' });
    expect(u).toMatchObject({ version: 2, demands: '提高补偿', summary: p.summary });
    expect((await desk.fail(o, 'petitions.update', { id: p.id, expectedVersion: 1, reason: 'x', summary: 'y' })).code).toBe('CONFLICT');
    const h = await desk.call(o, 'petitions.history', { id: p.id });
    expect(h.map((v) => [v.version, v.data.demands, v.reason])).toEqual([
      [1, null, null],
      [2, '提高补偿', '补记诉求'],
    ]);
    await desk.call(o, 'petitions.void', { id: p.id, reason: '重复登记' });
    expect((await desk.call(o, 'petitions.list', {})).length).toBe(0);
    expect((await desk.call(o, 'due.list', {})).items.filter((i) => i.kind === 'register')).toEqual([]);
    const actions = [...iterateAudit(desk.core.db)].map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['petition.create', 'petitioner.create', 'petition.update', 'petition.void']));
    expect(() => desk.core.db.prepare('DELETE FROM petitions').run()).toThrow(/never deleted/u);
    expect(() => desk.core.db.prepare('UPDATE petition_versions SET reason = 1').run()).toThrow(/append-only/u);
  });

  it('an officer never sees an unmasked ID number: not on screen, not in search, not in the Excel export, not in the audit', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    const leader = await desk.login(['leader']);
    const p = await desk.call(o, 'petitions.create', visit({ petitioners: [{ name: '张某', idNumber: id1 }, { name: '李某', idNumber: idB }], persons: 2 }));
    expect(p.petitioners.map((x) => x.idNumber)).toEqual(['110105********002X', `${idB.slice(0, 6)}********${idB.slice(-4)}`]);
    expect(p.petitioners[0]!.idNumberMasked).toBe(true);
    expect((await desk.call(leader, 'petitions.get', { id: p.id })).petitioners[0]!.idNumber).toBe(id1);
    expect((await desk.call(o, 'petitioners.search', { query: '002X' }))[0]!.idNumber).toBe('110105********002X');
    const x = await desk.call(o, 'petitions.exportXlsx', { from: '2026-11-01', to: '2026-11-30' });
    const raw = Buffer.from(x.data, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('110105********002X');
    for (const full of [id1, idB]) {
      expect(text).not.toContain(full);
      expect(raw.includes(Buffer.from(full))).toBe(false); // the zip stores strings deflated: checked on the parsed sheet above
    }
    const leaderX = await desk.call(leader, 'petitions.exportXlsx', { from: '2026-11-01', to: '2026-11-30' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(leaderX.data, 'base64') as unknown as ArrayBuffer);
    expect(JSON.stringify(wb2.worksheets[0]!.getSheetValues())).toContain(id1);
    // The audit stream (which travels to the hub) carries the masked number only.
    const audit = JSON.stringify([...iterateAudit(desk.core.db)]);
    expect(audit).not.toContain(id1);
    // An officer cannot rewrite a number they cannot see.
    expect((await desk.fail(o, 'petitioners.update', { id: p.petitioners[0]!.id, expectedVersion: 1, reason: '更正', idNumber: idB })).code).toBe('FORBIDDEN');
  });

  it('raises a petition from a 来访 log entry once; the day counts for the daily report follow the duty day', async () => {
    desk = await makeDesk({ start: Date.parse('2026-11-25T18:10:00Z') }); // 02:10 on the 26th: duty day of the 25th
    const o = await desk.login(['officer']);
    const e = await desk.call(o, 'log.create', { kind: 'visit', summary: '群众来访反映拆迁问题' });
    await desk.call(o, 'petitions.create', visit({ fromLogEntryId: e.id, persons: 6, petitioners: [{ name: '甲' }] }));
    expect((await desk.fail(o, 'petitions.create', visit({ fromLogEntryId: e.id }))).messageKey).toBe('petitions.errors.logAlreadyRaised');
    const notice = await desk.call(o, 'log.create', { kind: 'notice', summary: '通知' });
    expect((await desk.fail(o, 'petitions.create', visit({ fromLogEntryId: notice.id }))).messageKey).toBe('petitions.errors.logKind');
    expect((await desk.call(o, 'petitions.list', { fromLogEntryId: e.id })).length).toBe(1);
    const ctx = { core: desk.core, db: desk.core.db, now: desk.clock.now(), session: null, conn: { sessionId: null } };
    expect(petitionDayCounts(ctx, '2026-11-25')).toMatchObject({ total: { batches: 1, personTimes: 6 }, group: { batches: 1, personTimes: 6 } });
    expect(petitionDayCounts(ctx, '2026-11-26').total.batches).toBe(0);
  });
});
