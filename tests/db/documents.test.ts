/**
 * Incoming documents and telegrams on a real store: 密级 above 内部 refused
 * with the reason, deadlines on the console until done, circulation, versions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeDesk, type TestDesk } from '../helpers/core';
import type { Input } from '../../shared/contract';
import { documentDayCounts } from '../../electron/core/documents/service';

let desk: TestDesk;
afterEach(() => desk?.close());

const telegram = (over: Partial<Input<'documents.create'>> = {}): Input<'documents.create'> => ({
  kind: 'telegram',
  fromUnit: '市应急管理局',
  docNo: '明传〔2026〕88号',
  title: '关于做好寒潮天气防范应对工作的紧急通知',
  secrecy: 'internal',
  urgency: 'extraUrgent',
  pages: 3,
  dueAt: '2026-11-26T17:00:00+08:00',
  ...over,
});

describe('incoming documents and telegrams', () => {
  it('refuses 秘密 and above with the reason, naming the field; the store refuses it too', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    for (const secrecy of ['secret', 'confidential', 'topSecret']) {
      const e = await desk.fail(o, 'documents.create', { ...telegram(), secrecy });
      expect(e.code).toBe('VALIDATION');
      expect(e.details?.issues?.[0]).toMatchObject({ path: 'secrecy', messageKey: 'validation.secrecy' });
    }
    const d = await desk.call(o, 'documents.create', telegram());
    expect((await desk.fail(o, 'documents.update', { id: d.id, expectedVersion: 1, reason: '改', secrecy: 'secret' })).details?.issues?.[0]?.messageKey).toBe('validation.secrecy');
    expect(() => desk.core.db.prepare("UPDATE documents SET secrecy = 'secret'").run()).toThrow(/CHECK/u);
    expect(await desk.call(o, 'documents.list', {})).toHaveLength(1);
  });

  it('a telegram with a deadline is on the console until done, red once passed; circulation and result', async () => {
    desk = await makeDesk(); // 2026-11-25 21:40
    const o = await desk.login(['officer']);
    const d = await desk.call(o, 'documents.create', telegram());
    expect(d).toMatchObject({ no: 'SW2026-0001', state: 'registered', overdue: false, receivedDate: '2026-11-25' });
    const item = () => desk.call(o, 'due.list', {}).then((l) => l.items.find((i) => i.kind === 'register'));
    expect(await item()).toMatchObject({ register: 'document', what: 'document.telegram', dueAt: '2026-11-26T09:00:00.000Z', overdue: false });
    await desk.call(o, 'documents.read', { id: d.id, reader: '李副局长', note: '请应急指挥中心落实' });
    desk.clock.set(Date.parse('2026-11-26T09:30:00Z'));
    expect((await item())?.overdue).toBe(true);
    const done = await desk.call(o, 'documents.done', { id: d.id, result: '已转发各镇街并报送落实情况' });
    expect(done).toMatchObject({ state: 'done', readers: ['李副局长'], result: '已转发各镇街并报送落实情况' });
    expect(await item()).toBeUndefined();
    const ctx = { core: desk.core, db: desk.core.db, now: desk.clock.now(), session: null, conn: { sessionId: null } };
    expect(documentDayCounts(ctx, '2026-11-25')).toEqual({ documents: 0, telegrams: 1, overdue: 0 });
  });

  it('edits are versions; raises from a 来文 log entry once; exports the register', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    const e = await desk.call(o, 'log.create', { kind: 'incoming_doc', summary: '收到市政府办公室来文' });
    const d = await desk.call(o, 'documents.create', telegram({ kind: 'document', fromLogEntryId: e.id, dueAt: null }));
    expect((await desk.fail(o, 'documents.create', telegram({ fromLogEntryId: e.id }))).messageKey).toBe('documents.errors.logAlreadyRaised');
    await desk.call(o, 'documents.update', { id: d.id, expectedVersion: 1, reason: '补记批示', instruction: '请各分管领导阅' });
    const h = await desk.call(o, 'documents.history', { id: d.id });
    expect(h.map((v) => [v.version, v.data.instruction])).toEqual([
      [1, null],
      [2, '请各分管领导阅'],
    ]);
    const x = await desk.call(o, 'documents.exportXlsx', { from: '2026-11-01', to: '2026-11-30' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data, 'base64') as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    for (const s of ['SW2026-0001', '市应急管理局', '明传〔2026〕88号', '内部', '特急', '请各分管领导阅']) expect(text).toContain(s);
  });
});
