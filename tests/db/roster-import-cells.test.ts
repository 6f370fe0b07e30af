/**
 * Imports read person cells as offices write them (issue 11 item 7).
 *
 * A real roster sheet held "张三⏎13800000000" in one cell and was refused
 * whole: the phone line was taken for a second person. Each form below is a
 * small hand-made sheet imported through the API, as the admin does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeDesk, type TestDesk } from '../helpers/core';
import { readPeople } from '../../electron/core/roster/import';

let desk: TestDesk;
afterEach(() => desk?.close());

async function sheet(rows: [string, string, string][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('值班表');
  ws.addRow(['某某局2026年12月值班表']);
  ws.addRow(['日期', '带班领导', '值班人员']);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(2).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function importCells(leader: string, officers: string) {
  const base64 = await sheet([['12月1日', leader, officers]]);
  const r = await desk.call(desk.admin, 'roster.importXlsx', { base64, kind: 'roster' });
  expect(r.issues).toEqual([]);
  const detail = await desk.call(desk.admin, 'roster.get', { planId: r.planId! });
  const on = (role: 'leader' | 'officer') =>
    detail.assignments
      .filter((a) => a.role === role)
      .sort((a, b) => a.index - b.index)
      .map((a) => {
        const p = detail.people.find((x) => x.id === a.personId)!;
        return [p.name, p.mobile];
      });
  return { leader: on('leader'), officer: on('officer') };
}

describe('person cells written the ways offices write them', () => {
  it.each([
    ['a line break between name and phone', '张三\n13800000000', [['张三', '13800000000']]],
    ['a space', '张三 13800000000', [['张三', '13800000000']]],
    ['a comma (full-width)', '张三，13800000000', [['张三', '13800000000']]],
    ['a slash', '张三/13800000000', [['张三', '13800000000']]],
    ['brackets', '张三（13800000000）', [['张三', '13800000000']]],
    ['full-width digits', '张三　１３８００００００００', [['张三', '13800000000']]],
    ['a phone with dashes', '张三 138-0000-0000', [['张三', '138-0000-0000']]],
    ['a phone with spaces', '张三 138 0000 0000', [['张三', '13800000000']]],
    ['a landline with its area code', '张三\n0758-2222110', [['张三', '0758-2222110']]],
    ['a name alone', '张三', [['张三', null]]],
  ])('leader cell with %s', async (_, cell, expected) => {
    desk = await makeDesk();
    expect((await importCells(cell, '李四')).leader).toEqual(expected);
  });

  it.each([
    ['、', '李四、王五'],
    ['，', '李四，王五'],
    ['a space', '李四 王五'],
    ['a line break', '李四\n王五'],
  ])('several officers separated by %s', async (_, cell) => {
    desk = await makeDesk();
    expect((await importCells('张三', cell)).officer).toEqual([
      ['李四', null],
      ['王五', null],
    ]);
  });

  it('several officers each with a phone on their own line', async () => {
    desk = await makeDesk();
    expect((await importCells('张三', '李四\n13800002222\n王五\n13800003333')).officer).toEqual([
      ['李四', '13800002222'],
      ['王五', '13800003333'],
    ]);
  });

  it('a person first without a phone and later with one keeps the phone', async () => {
    desk = await makeDesk();
    const base64 = await sheet([
      ['12月1日', '张三', '李四'],
      ['12月2日', '张三\n13800000000', '李四、王五 13900000000'],
    ]);
    const r = await desk.call(desk.admin, 'roster.importXlsx', { base64, kind: 'roster' });
    expect(r).toMatchObject({ ok: true, peopleCreated: 3 });
    const people = await desk.call(desk.admin, 'people.list', {});
    expect(people.map((p) => [p.name, p.mobile])).toEqual([
      ['管理员', '13800000000'],
      ['张三', '13800000000'],
      ['李四', null],
      ['王五', '13900000000'],
    ]);
  });

  it('a cell that is neither names nor phones is still refused, naming row and column', async () => {
    desk = await makeDesk();
    const base64 = await sheet([['12月1日', '张三 12', '李四']]);
    const r = await desk.call(desk.admin, 'roster.importXlsx', { base64, kind: 'roster' });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.row, i.column, i.messageKey])).toEqual([[3, '带班领导', 'roster.import.badPerson']]);
  });
});

describe('readPeople', () => {
  it('keeps each phone with the name before it, and refuses two phones for one name', () => {
    expect(readPeople('张三 13800000000\n李四 0758-2222110转801')).toEqual([
      { name: '张三', phone: '13800000000' },
      { name: '李四', phone: '0758-2222110转801' },
    ]);
    expect(readPeople('阿依古丽·买买提 13800000000')).toEqual([{ name: '阿依古丽·买买提', phone: '13800000000' }]);
    expect(readPeople('张三 13800000000 13900000000')).toBeNull();
  });
});
