/**
 * Presence checks (查岗): received and made, versioned edits, void with reason,
 * a log entry turned into a check, monthly statistics by unit and Excel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dutyDayDesk, local, type DutyDayDesk } from '../helpers/duty-day';

let d: DutyDayDesk;
afterEach(() => d?.desk.close());

describe('presence checks', () => {
  it('records checks received and made, edits them as versions, voids them, and counts the month by unit', async () => {
    d = await dutyDayDesk();
    const { desk } = d;
    const unit = await desk.call(desk.admin, 'contacts.create', { name: '城关镇值班室', kind: 'neighbour', phone: '0758-3333110', mobile: null, fax: null, note: null } as never);
    desk.clock.set(local('2026-11-26T02:10:00'));
    const entry = await desk.call(d.a, 'log.create', { kind: 'presence_check', summary: '市政府总值班室电话查岗，在岗' });
    const rec = await desk.call(d.a, 'presence.create', {
      direction: 'received',
      method: 'phone',
      checker: '市政府总值班室 刘科长',
      answered: true,
      rings: 3,
      answeredBy: '张值班',
      officerAtPost: true,
      leaderAtPost: false,
      logEntryId: entry.id,
    });
    expect(rec).toMatchObject({ dutyDate: '2026-11-25', logEntryId: entry.id, version: 1, postState: null });
    const made = await desk.call(d.a, 'presence.create', { direction: 'made', method: 'video', unitContactId: unit.id, answered: false, followUp: '已通报城关镇' });
    expect(made).toMatchObject({ unitName: '城关镇值班室', postState: 'missed', checker: '张值班' });
    await desk.call(d.a, 'presence.create', { direction: 'made', method: 'phone', unitContactId: unit.id, answered: true, answerSeconds: 8 });
    await desk.call(d.a, 'presence.create', { direction: 'made', method: 'phone', unitName: '东城街道', answered: true, postState: 'left', followUp: '值班员脱岗，已约谈' });
    expect((await desk.fail(d.a, 'presence.create', { direction: 'made', method: 'phone', answered: true })).messageKey).toBe('presence.errors.unitRequired');

    const edited = await desk.call(d.a, 'presence.update', { id: rec.id, expectedVersion: 1, reason: '补记领导在岗', leaderAtPost: true });
    expect(edited).toMatchObject({ version: 2, leaderAtPost: true });
    const h = await desk.call(d.a, 'presence.history', { id: rec.id });
    expect(h.map((v) => [v.version, v.check.leaderAtPost, v.reason])).toEqual([
      [1, false, null],
      [2, true, '补记领导在岗'],
    ]);
    expect(() => desk.core.db.prepare('DELETE FROM presence_check_versions').run()).toThrow(/append-only/u);

    const wrong = await desk.call(d.a, 'presence.create', { direction: 'made', method: 'phone', unitName: '误录单位', answered: false });
    await desk.call(d.a, 'presence.void', { id: wrong.id, reason: '误录' });

    const s = await desk.call(d.a, 'presence.stats', { month: '2026-11' });
    expect(s.received).toMatchObject({ total: 1, answered: 1, leaderAbsent: 0 });
    expect(s.made).toMatchObject({ total: 3, units: 2, answered: 2, answerRate: 66.7, missed: 1, left: 1 });
    expect(s.byUnit.map((u) => [u.unitName, u.checks, u.answerRate, u.missed, u.left])).toEqual([
      ['城关镇值班室', 2, 50, 1, 0],
      ['东城街道', 1, 100, 0, 1],
    ]);
    const file = await desk.call(d.a, 'presence.exportXlsx', { month: '2026-11' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['查岗统计', '查岗记录']);
    expect(wb.worksheets[0]!.getColumn(1).values.map(String)).toEqual(expect.arrayContaining(['城关镇值班室', '东城街道']));
  });
});
