import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeDesk, type TestDesk } from '../helpers/core';

let desk: TestDesk;
let other: TestDesk | null = null;
afterEach(() => {
  desk?.close();
  other?.close();
  other = null;
});

async function load(data: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data, 'base64') as unknown as ArrayBuffer);
  return wb;
}
const rowsOf = (ws: ExcelJS.Worksheet): string[][] => {
  const out: string[][] = [];
  for (let r = 4; r <= ws.rowCount; r += 1) out.push((ws.getRow(r).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))));
  return out;
};
const strip = (p: { name: string; department: string | null; title: string | null; officePhone: string | null; mobile: string | null; roles: string[] }) => ({
  name: p.name,
  department: p.department,
  title: p.title,
  officePhone: p.officePhone,
  mobile: p.mobile,
  roles: [...p.roles].sort(),
});

describe('directory export', () => {
  it('writes people in the columns the people import reads back, so another desk gets the same directory', async () => {
    desk = await makeDesk();
    const made = [
      { name: '李带班', department: '局领导', title: '副局长', officePhone: '0758-2222001', mobile: '13900000001', roles: ['leader' as const], sortOrder: 1 },
      { name: '张值班', department: '应急指挥中心', title: null, officePhone: null, mobile: '13800000002', roles: ['officer' as const, 'standby' as const], sortOrder: 2 },
      { name: '=1+1', department: '@办公室', title: '-科员', officePhone: null, mobile: null, roles: [], sortOrder: 3 },
    ];
    for (const p of made) await desk.call(desk.admin, 'people.create', p);
    const old = await desk.call(desk.admin, 'people.create', { name: '已调离', department: null, title: null, officePhone: null, mobile: null, roles: [], sortOrder: 9 });
    await desk.call(desk.admin, 'people.setActive', { id: old.id, active: false, reason: '调离' });
    await desk.call(desk.admin, 'contacts.create', { kind: 'superior', name: '市政府总值班室', unit: '市政府办公室', phone: '0758-2888888', mobile: null, fax: '0758-2888889', note: '24小时' });

    const file = await desk.call(desk.admin, 'directory.exportXlsx', {});
    const wb = await load(file.data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['本单位人员', '外部联系单位']);
    const people = rowsOf(wb.getWorksheet('本单位人员')!);
    expect(people.map((r) => r[0])).not.toContain('已调离');
    expect(people.find((r) => r[0] === "'=1+1")).toEqual(["'=1+1", "'@办公室", "'-科员", '', '', '']);
    expect(people.find((r) => r[0] === '张值班')![5]).toBe('值班员、备班');
    expect(rowsOf(wb.getWorksheet('外部联系单位')!)).toEqual([['上级值班室', '市政府总值班室', '市政府办公室', '0758-2888888', '', '0758-2888889', '24小时']]);

    other = await makeDesk();
    const imported = await other.call(other.admin, 'roster.importXlsx', { base64: file.data, kind: 'people' });
    expect(imported).toMatchObject({ ok: true, rows: 4, peopleCreated: 3 }); // 管理员 exists on both desks
    const mine = (await desk.call(desk.admin, 'people.list', {})).map(strip);
    const theirs = (await other.call(other.admin, 'people.list', {})).map(strip);
    for (const p of made) expect(theirs).toContainEqual(strip(p));
    expect(theirs).toEqual(expect.arrayContaining(mine.filter((p) => p.name !== '管理员')));
  });

  it('includes deactivated people, marked, when asked', async () => {
    desk = await makeDesk();
    const old = await desk.call(desk.admin, 'people.create', { name: '已调离', department: null, title: null, officePhone: null, mobile: null, roles: [], sortOrder: 9 });
    await desk.call(desk.admin, 'people.setActive', { id: old.id, active: false, reason: '调离' });
    const wb = await load((await desk.call(desk.admin, 'directory.exportXlsx', { includeInactive: true })).data);
    const row = rowsOf(wb.getWorksheet('本单位人员')!).find((r) => r[0] === '已调离');
    expect(row?.[6]).toBe('已停用');
  });
});
