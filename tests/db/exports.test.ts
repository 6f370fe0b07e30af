import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeDesk, type TestDesk } from '../helpers/core';

let desk: TestDesk;
afterEach(() => desk?.close());

const local = (s: string) => `${s}+08:00`;

async function dayOfCalls() {
  // The clock stands at 09:00 on the 26th: the duty day of the 25th is over.
  desk = await makeDesk({ start: Date.parse(local('2026-11-26T09:00:00')) });
  const officer = await desk.login(['officer'], 'zhang');
  const at = async (time: string, summary: string, extra: Record<string, unknown> = {}) =>
    desk.call(officer, 'log.create', { kind: 'incoming_call', summary, occurredAt: local(time), ...extra });
  const before = await at('2026-11-25T08:29:00', '前一值班日的最后一条');
  const first = await at('2026-11-25T08:30:00', '接班');
  const night = await at('2026-11-26T02:10:00', '=HYPERLINK("http://x","夜间来电")', { sourceUnit: '区应急局', sourcePhone: '0758-2555110' });
  const wrong = await at('2026-11-25T21:00:00', '误记的一条');
  await desk.call(officer, 'log.void', { id: wrong.id, reason: '重复记录' });
  const next = await at('2026-11-26T08:30:00', '下一值班日的第一条');
  await desk.call(officer, 'log.update', { id: night.id, expectedVersion: 1, reason: '补填', outcome: '已通知消防', instruction: '请持续关注' });
  return { officer, before, first, night, wrong, next };
}

describe('duty log book', () => {
  it('gives one duty day, 08:30 to 08:30, oldest first, voided entries kept and marked', async () => {
    const { first, night, wrong } = await dayOfCalls();
    const book = await desk.call(desk.admin, 'log.book', { dutyDate: '2026-11-25' });
    expect(book.startsAt).toBe('2026-11-25T00:30:00.000Z');
    expect(book.endsAt).toBe('2026-11-26T00:30:00.000Z');
    expect(book.entries.map((e) => e.id)).toEqual([first.id, wrong.id, night.id]);
    expect(book.entries.find((e) => e.id === wrong.id)).toMatchObject({ voided: true, voidReason: '重复记录' });
    expect(book.entries.find((e) => e.id === night.id)).toMatchObject({ version: 2, outcome: '已通知消防' });
    expect(book.day).toMatchObject({ date: '2026-11-25', weekday: 3 });
    expect(book.shifts).toEqual([]); // no published roster on this desk
    expect(book.unitName).toBe((await desk.call(desk.admin, 'desk.get', {})).unitName);
  });

  it('lists the incidents learned of during the duty day', async () => {
    await dayOfCalls();
    const make = (title: string, learnedAt: string) =>
      desk.call(desk.admin, 'incident.create', {
        title,
        category: 'accident',
        subType: 'industrial',
        level: 4,
        occurredAt: local(learnedAt),
        learnedAt: local(learnedAt),
        location: '高新区',
        unit: '某公司',
        source: '电话',
        description: '测试',
      });
    const inside = await make('夜间事件', '2026-11-26T03:00:00');
    await make('次日事件', '2026-11-26T08:45:00');
    const book = await desk.call(desk.admin, 'log.book', { dutyDate: '2026-11-25' });
    expect(book.incidents.map((i) => i.id)).toEqual([inside.id]);
  });

  it('exports a range to Excel: title, every entry with its handling, voided marked, formulas neutralised', async () => {
    await dayOfCalls();
    const file = await desk.call(desk.admin, 'log.exportXlsx', { from: '2026-11-24', to: '2026-11-25' });
    expect(file.fileName).toMatch(/值班记录-2026-11-24至2026-11-25\.xlsx$/u);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('值班记录')!;
    expect(String(ws.getCell(1, 1).value)).toMatch(/值班记录$/u);
    expect(String(ws.getCell(2, 1).value)).toContain('共 4 条');
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 7)).toEqual(['值班日期', '时间', '类别', '来电（文）单位', '联系人', '电话', '内容摘要']);
    const rows = [4, 5, 6, 7].map((r) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v === undefined ? '' : String(v))));
    expect(rows.map((r) => r[0])).toEqual(['2026-11-24', '2026-11-25', '2026-11-25', '2026-11-25']);
    expect(rows.map((r) => r[1])).toEqual(['2026-11-25 08:29', '2026-11-25 08:30', '2026-11-25 21:00', '2026-11-26 02:10']);
    expect(rows[2]![16]).toMatch(/^已作废（重复记录，/u);
    expect(ws.getCell(6, 7).font?.strike).toBe(true);
    expect(rows[3]![6]).toBe(`'=HYPERLINK("http://x","夜间来电")`);
    expect(rows[3]![10]).toBe('请持续关注');
    expect(rows[3]![11]).toBe('已通知消防');
    expect(rows[3]![16]).toBe('第2版');
  });

  it('filters the export by kind and text, and refuses reversed or over-long ranges with a reason', async () => {
    const { officer } = await dayOfCalls();
    await desk.call(officer, 'log.create', { kind: 'presence_check', summary: '市值班室查岗', occurredAt: local('2026-11-25T23:00:00') });
    const load = async (input: Parameters<typeof desk.call<'log.exportXlsx'>>[2]) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from((await desk.call(desk.admin, 'log.exportXlsx', input)).data, 'base64') as unknown as ArrayBuffer);
      return wb.getWorksheet('值班记录')!;
    };
    const checks = await load({ from: '2026-11-25', to: '2026-11-25', kind: 'presence_check' });
    expect(ws2rows(checks)).toEqual([['市值班室查岗']]);
    const text = await load({ from: '2026-11-25', to: '2026-11-25', query: '接班' });
    expect(ws2rows(text)).toEqual([['接班']]);

    const reversed = await desk.fail(desk.admin, 'log.exportXlsx', { from: '2026-11-26', to: '2026-11-25' });
    expect(reversed.code).toBe('VALIDATION');
    expect(reversed.details?.issues?.[0]).toMatchObject({ path: 'to', messageKey: 'validation.dateRange' });
    const long = await desk.fail(desk.admin, 'log.exportXlsx', { from: '2025-01-01', to: '2026-01-02' });
    expect(long).toMatchObject({ code: 'VALIDATION', messageKey: 'incidents.errors.rangeTooLong' });
    expect(long.message).toContain('366');
    // A whole leap year is allowed.
    await desk.call(desk.admin, 'log.exportXlsx', { from: '2024-01-01', to: '2024-12-31' });
  });
});

function ws2rows(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  for (let r = 4; r <= ws.rowCount; r += 1) out.push([String(ws.getCell(r, 7).value)]);
  return out;
}

describe('incident ledger export', () => {
  it('writes the filtered incident list with grade, casualties, loss and late reports', async () => {
    desk = await makeDesk();
    const base = {
      category: 'accident' as const,
      subType: 'industrial' as const,
      occurredAt: new Date(desk.clock.now() - 3_600_000).toISOString(),
      learnedAt: new Date(desk.clock.now()).toISOString(),
      location: '高新区化工园',
      unit: '=某化工有限公司',
      source: '电话',
      description: '测试',
    };
    await desk.call(desk.admin, 'incident.create', { ...base, title: '某化工厂爆炸事故', level: 3, deaths: 3, seriousInjuries: 2, directLossYuan: 12_345_678 });
    const minor = await desk.call(desk.admin, 'incident.create', { ...base, title: '某仓库火灾', level: 4, injuries: 1 });
    await desk.call(desk.admin, 'incident.setStatus', { id: minor.id, status: 'closed' });

    const wb = new ExcelJS.Workbook();
    const all = await desk.call(desk.admin, 'incident.exportXlsx', {});
    expect(all.fileName).toMatch(/突发事件台账\.xlsx$/u);
    await wb.xlsx.load(Buffer.from(all.data, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('突发事件台账')!;
    expect(String(ws.getCell(2, 1).value)).toContain('共 2 起');
    const byTitle = new Map<string, unknown[]>();
    for (let r = 4; r <= ws.rowCount; r += 1) byTitle.set(String(ws.getCell(r, 2).value), (ws.getRow(r).values as unknown[]).slice(1));
    const big = byTitle.get('某化工厂爆炸事故')!;
    expect(big.slice(2, 5)).toEqual(['事故灾难·工矿商贸等企业安全事故', 'Ⅲ级（较大）', '新接报']);
    expect(big[8]).toBe("'=某化工有限公司");
    expect(big.slice(9, 14)).toEqual([3, 0, 2, 0, '1234.57万元']);
    expect(byTitle.get('某仓库火灾')![4]).toBe('已结束');

    const open = await desk.call(desk.admin, 'incident.exportXlsx', { status: ['open', 'handling'] });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(open.data, 'base64') as unknown as ArrayBuffer);
    const ws2 = wb2.getWorksheet('突发事件台账')!;
    expect(String(ws2.getCell(2, 1).value)).toBe('共 1 起　状态：新接报、处置中');
    expect(ws2.rowCount).toBe(4);
  });
});
