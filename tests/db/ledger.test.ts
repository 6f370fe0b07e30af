/**
 * Supervised items on a real store: 挂号 numbers, red past the deadline and
 * listed until closed, extension only later and with a reason, 销号 only by
 * a leader or admin with a note and evidence, hazard fields, versions, Excel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeDesk, type TestDesk } from '../helpers/core';
import { iterateAudit } from '../../electron/core/audit/chain';
import { ledgerDayCounts } from '../../electron/core/ledger/service';
import type { Input } from '../../shared/contract';

let desk: TestDesk;
afterEach(() => desk?.close());

const item = (over: Partial<Input<'ledger.create'>> = {}): Input<'ledger.create'> => ({
  source: 'instruction',
  sourceRef: '区长批示〔2026〕12号',
  title: '督促区住建局排查老旧小区燃气管道',
  ownerUnit: '区住建局',
  ownerPerson: '陈科长',
  deadline: '2026-11-30',
  closingStandard: '提交排查报告并完成整改',
  ...over,
});

describe('supervised items (督办事项)', () => {
  it('numbers on entry, turns overdue the day after its deadline, stays on the console and in the day counts until closed', async () => {
    desk = await makeDesk(); // 2026-11-25
    const o = await desk.login(['officer']);
    const leader = await desk.login(['leader']);
    const a = await desk.call(o, 'ledger.create', item());
    const b = await desk.call(o, 'ledger.create', item({ title: '第二项', deadline: '2027-01-15' }));
    expect([a.no, b.no]).toEqual(['DB2026-001', 'DB2026-002']);
    expect(a).toMatchObject({ state: 'open', overdue: false, enteredDate: '2026-11-25', dueAt: '2026-11-30T16:00:00.000Z' });
    desk.clock.set(Date.parse('2026-12-01T01:00:00Z')); // 12-01 09:00
    const due = (await desk.call(o, 'due.list', {})).items.filter((i) => i.kind === 'register');
    expect(due.map((i) => [i.no, i.overdue])).toEqual([
      ['DB2026-001', true],
      ['DB2026-002', false],
    ]);
    expect((await desk.call(o, 'ledger.list', { state: 'overdue' })).map((i) => i.no)).toEqual(['DB2026-001']);
    const ctx = { core: desk.core, db: desk.core.db, now: desk.clock.now(), session: null, conn: { sessionId: null } };
    expect(ledgerDayCounts(ctx, '2026-11-30').overdue).toEqual([]); // the 30th is its last day
    expect(ledgerDayCounts(ctx, '2026-12-01').overdue.map((i) => i.no)).toEqual(['DB2026-001']);
    // Extension: leaders only, later than now, with a reason; audited; the item is no longer overdue.
    expect((await desk.fail(o, 'ledger.extend', { id: a.id, deadline: '2026-12-10', reason: '需协调' })).code).toBe('FORBIDDEN');
    expect((await desk.fail(leader, 'ledger.extend', { id: a.id, deadline: '2026-11-29', reason: '需协调' })).messageKey).toBe('ledger.errors.extendEarlier');
    const ext = await desk.call(leader, 'ledger.extend', { id: a.id, deadline: '2026-12-10', reason: '涉及多个小区，需协调燃气公司' });
    expect(ext).toMatchObject({ deadline: '2026-12-10', firstDeadline: '2026-11-30', overdue: false, version: 2, extensions: 1 });
    const ev = [...iterateAudit(desk.core.db)].find((e) => e.action === 'ledger.extend')!;
    expect(ev.reason).toBe('涉及多个小区，需协调燃气公司');
    expect(JSON.parse(ev.after!)).toMatchObject({ deadline: '2026-12-10', wasOverdue: true });
  });

  it('closes (销号) only by a leader or admin, with a note and evidence; a closed item never changes', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    const admin = desk.admin;
    const a = await desk.call(o, 'ledger.create', item());
    await desk.call(o, 'ledger.note', { id: a.id, text: '已排查 12 个小区' });
    expect((await desk.fail(o, 'ledger.close', { id: a.id, note: '完成' })).code).toBe('FORBIDDEN');
    expect((await desk.fail(admin, 'ledger.close', { id: a.id, note: '完成' })).messageKey).toBe('ledger.errors.evidenceMissing');
    const att = await desk.call(o, 'ledger.attach', { itemId: a.id, name: '整改报告.pdf', mime: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4 report').toString('base64') });
    expect(att).toMatchObject({ itemId: a.id, name: '整改报告.pdf', voided: false });
    const closed = await desk.call(admin, 'ledger.close', { id: a.id, note: '排查报告已收到，整改完成' });
    expect(closed).toMatchObject({ state: 'closed', closedBy: '管理员', closingNote: '排查报告已收到，整改完成', lastNote: '已排查 12 个小区' });
    expect((await desk.fail(o, 'ledger.note', { id: a.id, text: 'x' })).messageKey).toBe('ledger.errors.closed');
    expect(() => desk.core.db.prepare("UPDATE ledger_items SET title = 'x' WHERE id = ?").run(a.id)).toThrow(/never changed/u);
    expect((await desk.call(o, 'due.list', {})).items.filter((i) => i.kind === 'register')).toEqual([]);
    const file = await desk.call(o, 'ledger.attachment', { id: att.id });
    expect(Buffer.from(file.dataBase64, 'base64').toString()).toBe('%PDF-1.4 report');
  });

  it('keeps the hazard-screening fields, closes a hazard only once rectified, prints the hazard ledger to Excel', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    const h = await desk.call(o, 'ledger.create', item({ source: 'hazard', title: '消防通道堵塞', hazardPlace: '城关镇农贸市场', hazardLevel: 'major', measures: '清理占道摊位' }));
    expect(h).toMatchObject({ hazardLevel: 'major', rectifyState: 'pending' });
    expect((await desk.fail(o, 'ledger.create', item({ source: 'hazard' }))).details?.issues?.[0]?.path).toBe('hazardPlace');
    const other = await desk.call(o, 'ledger.create', item({ hazardPlace: '不应保存' }));
    expect(other.hazardPlace).toBeNull();
    await desk.call(o, 'ledger.attach', { itemId: h.id, name: '现场照片.jpg', mime: 'image/jpeg', dataBase64: Buffer.from('jpg').toString('base64') });
    expect((await desk.fail(desk.admin, 'ledger.close', { id: h.id, note: '完成' })).messageKey).toBe('ledger.errors.notRectified');
    const u = await desk.call(o, 'ledger.update', { id: h.id, expectedVersion: 1, reason: '整改完成', rectifyState: 'rectified' });
    expect(u.version).toBe(2);
    await desk.call(desk.admin, 'ledger.close', { id: h.id, note: '复查合格' });
    const hist = await desk.call(o, 'ledger.history', { id: h.id });
    expect(hist.map((v) => [v.version, v.data.rectifyState, v.reason])).toEqual([
      [1, 'pending', null],
      [2, 'rectified', '整改完成'],
    ]);
    const x = await desk.call(o, 'ledger.exportXlsx', { source: 'hazard' });
    expect(x.fileName).toBe('测试市应急管理局总值班室隐患排查台账.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data, 'base64') as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    for (const s of ['隐患排查台账', 'DB2026-001', '城关镇农贸市场', '重大隐患', '已整改', '已销号']) expect(text).toContain(s);
    expect(text).not.toContain('督促区住建局'); // the other item is not a hazard
    const sheet = await desk.call(o, 'ledger.sheet', {});
    expect(sheet.counts).toEqual({ total: 2, open: 1, overdue: 0, closed: 1 });
  });

  it('voids with a reason, raises from any log entry once', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    const e = await desk.call(o, 'log.create', { kind: 'presence_check', summary: '市值班室查岗，发现漏岗' });
    const a = await desk.call(o, 'ledger.create', item({ source: 'presenceCheck', fromLogEntryId: e.id }));
    expect((await desk.fail(o, 'ledger.create', item({ fromLogEntryId: e.id }))).messageKey).toBe('ledger.errors.logAlreadyRaised');
    expect((await desk.call(o, 'ledger.list', { fromLogEntryId: e.id })).map((i) => i.id)).toEqual([a.id]);
    const v = await desk.call(o, 'ledger.void', { id: a.id, reason: '重复挂号' });
    expect(v).toMatchObject({ voided: true, voidReason: '重复挂号' });
    expect(await desk.call(o, 'ledger.list', {})).toEqual([]);
    expect(() => desk.core.db.prepare('DELETE FROM ledger_items').run()).toThrow(/never deleted/u);
  });
});
