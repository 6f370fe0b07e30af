import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeDesk, type TestDesk } from '../helpers/core';
import { liveAt } from "../../electron/core/duty/db";

let desk: TestDesk;
let other: TestDesk | null = null;
afterEach(() => {
  desk?.close();
  other?.close();
  other = null;
});

const at = (local: string) => Date.parse(`${local}+08:00`);

async function team(d: TestDesk, leaders = 4, officers = 8) {
  const ids: { leaders: number[]; officers: number[] } = { leaders: [], officers: [] };
  for (let i = 0; i < leaders; i += 1) {
    const p = await d.call(d.admin, 'people.create', { name: `领导${'甲乙丙丁戊己'[i]}`, department: '办公室', title: '副局长', officePhone: null, mobile: `1390000000${i}`, roles: ['leader'], sortOrder: i });
    ids.leaders.push(p.id);
  }
  for (let i = 0; i < officers; i += 1) {
    const p = await d.call(d.admin, 'people.create', { name: `值班员${'一二三四五六七八九十'[i]}`, department: '应急指挥中心', title: '科员', officePhone: '0758-2222001', mobile: `1380000001${i}`, roles: ['officer', 'standby'], sortOrder: 10 + i });
    ids.officers.push(p.id);
  }
  return ids;
}

async function publishedDecember(d: TestDesk) {
  const ids = await team(d);
  const plan = await d.call(d.admin, 'roster.createPlan', { title: '2026年12月值班表', from: '2026-12-01', to: '2026-12-31', notes: null });
  const gen = await d.call(d.admin, 'roster.generate', { planId: plan.id });
  expect(gen.unfilled).toEqual([]);
  const v1 = await d.call(d.admin, 'roster.publish', { planId: plan.id });
  return { ids, plan: v1, gen };
}

describe('roster schema', () => {
  it('ships a default 24-hour shift from 08:30 and keeps published versions immutable', async () => {
    desk = await makeDesk();
    const shifts = await desk.call(desk.admin, 'shifts.list', {});
    expect(shifts).toMatchObject([{ name: '全天', startMinutes: 510, durationMinutes: 1440, active: true }]);
    await publishedDecember(desk);
    expect(() => desk.core.db.prepare('UPDATE roster_assignments SET person_id = 1').run()).toThrow(/immutable/u);
    expect(() => desk.core.db.prepare('DELETE FROM roster_versions').run()).toThrow(/immutable/u);
  });

  it('answers who-is-on-duty with an index range scan', async () => {
    desk = await makeDesk();
    const plan = desk.core.db.prepare("EXPLAIN QUERY PLAN SELECT * FROM roster_live WHERE start_at > ? AND start_at <= ? AND end_at > ?").all('a', 'b', 'b') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX roster_live_start/u);
    expect(liveAt(desk.core.db, new Date().toISOString())).toEqual([]);
  });
});

describe('calendar', () => {
  it('blocks planning in a year without holiday data until its notice is entered', async () => {
    desk = await makeDesk();
    const err = await desk.fail(desk.admin, 'roster.createPlan', { title: '2027年1月值班表', from: '2027-01-01', to: '2027-01-31', notes: null });
    expect(err.code).toBe('CONFLICT');
    expect(err.messageKey).toBe('roster.errors.noHolidayData');
    expect(err.message).toContain('2027年没有节假日数据');
    const range = await desk.call(desk.admin, 'calendar.range', { from: '2026-12-30', to: '2027-01-02' });
    expect(range.missingYears).toEqual([2027]);
    await desk.call(desk.admin, 'calendar.importNotice', { year: 2027, text: '一、元旦：1月1日（周五）至3日（周日）放假，共3天。' });
    const after = await desk.call(desk.admin, 'calendar.range', { from: '2027-01-01', to: '2027-01-04' });
    expect(after.missingYears).toEqual([]);
    expect(after.days.map((d) => d.type)).toEqual(['holiday', 'holiday', 'holiday', 'workday']);
    const plan = await desk.call(desk.admin, 'roster.createPlan', { title: '2027年1月值班表', from: '2027-01-01', to: '2027-01-31', notes: null });
    expect(plan.state).toBe('draft');
    const years = await desk.call(desk.admin, 'calendar.years', {});
    expect(years[0]).toMatchObject({ year: 2027, source: 'desk' });
  });

  it('corrects a single day, audited with its reason', async () => {
    desk = await makeDesk();
    const d = await desk.call(desk.admin, 'calendar.setDay', { date: '2026-12-24', type: 'holiday', name: '本地节日', reason: '市政府通知' });
    expect(d).toMatchObject({ type: 'holiday', holidayName: '本地节日', source: 'desk' });
    const row = desk.core.db.prepare("SELECT reason FROM audit_log WHERE action = 'calendar.setDay'").get() as { reason: string };
    expect(row.reason).toBe('市政府通知');
    const reset = await desk.call(desk.admin, 'calendar.setDay', { date: '2026-12-24', type: null, name: null, reason: '撤销' });
    expect(reset.type).toBe('workday');
  });
});

describe('plans, versions and who is on duty', () => {
  it('generates, publishes v1 and answers who is on duty across midnight', async () => {
    desk = await makeDesk();
    const { plan, gen } = await publishedDecember(desk);
    expect(plan).toMatchObject({ state: 'published', version: 1, dirty: false });
    expect(gen.detail.conflicts).toEqual([]);
    const leaderOn1st = gen.detail.assignments.find((a) => a.date === '2026-12-01' && a.role === 'leader')!.personId;
    desk.clock.set(at('2026-12-02T02:00:00'));
    const now = await desk.call(desk.admin, 'duty.now', {});
    expect(now.dutyDate).toBe('2026-12-01');
    expect(now.current).toHaveLength(1);
    expect(now.current[0]!.leader[0]!.personId).toBe(leaderOn1st);
    expect(now.current[0]!.leader[0]!.mobile).toMatch(/^139/u);
    expect(now.handoverAt).toBe('2026-12-02T00:30:00.000Z');
    expect(now.minutesToHandover).toBe(390);
    expect(now.next?.date).toBe('2026-12-02');
    expect(now.dutyPhone).toBe('0758-2222110');
    desk.clock.set(at('2026-12-02T08:30:00'));
    expect((await desk.call(desk.admin, 'duty.now', {})).dutyDate).toBe('2026-12-02');
    const week = await desk.call(desk.admin, 'duty.week', { from: '2026-11-30' });
    expect(week[0]!.shifts).toEqual([]);
    expect(week[1]!.shifts[0]!.officer).toHaveLength(1);
  });

  it('escalation step 1 reaches the leader on duty of the published roster, across midnight', async () => {
    desk = await makeDesk();
    const { gen } = await publishedDecember(desk);
    const leaderOf = (date: string) => gen.detail.assignments.find((a) => a.date === date && a.role === 'leader')!.personId!;
    const escalate = async (title: string) => {
      const inc = await desk.call(desk.admin, 'incident.create', {
        title,
        category: 'accident',
        subType: 'industrial',
        level: 4,
        occurredAt: new Date(desk.clock.now()).toISOString(),
        learnedAt: new Date(desk.clock.now()).toISOString(),
        location: '高新区',
        unit: '某公司',
        source: '电话',
        description: '测试',
      });
      return desk.call(desk.admin, 'escalation.start', { incidentId: inc.id });
    };
    const person = (id: number) => desk.call(desk.admin, 'people.list', {}).then((ps) => ps.find((p) => p.id === id)!);

    desk.clock.set(at('2026-12-02T02:00:00')); // still the duty day of 1 December
    const night = await escalate('夜间事件');
    const l1 = await person(leaderOf('2026-12-01'));
    expect(night.state.target).toBe('leaderOnDuty');
    expect(night.currentTarget).toEqual({ name: l1.name, phone: l1.mobile, fallback: null });

    desk.clock.set(at('2026-12-02T08:40:00')); // the 2 December shift has taken over
    const morning = await escalate('上午事件');
    const l2 = await person(leaderOf('2026-12-02'));
    expect(morning.currentTarget).toEqual({ name: l2.name, phone: l2.mobile, fallback: null });
    expect(l2.id).not.toBe(l1.id);
  });

  it('requires a reason for amendments and records the change list', async () => {
    desk = await makeDesk();
    const { plan, ids } = await publishedDecember(desk);
    const detail = await desk.call(desk.admin, 'roster.get', { planId: plan.id });
    const slot = detail.assignments.find((a) => a.date === '2026-12-10' && a.role === 'officer')!;
    const replacement = ids.officers.find((id) => !detail.assignments.some((a) => a.personId === id && a.date >= '2026-12-09' && a.date <= '2026-12-11'))!;
    await desk.call(desk.admin, 'roster.assign', { planId: plan.id, date: slot.date, shiftId: slot.shiftId, role: 'officer', index: 0, personId: replacement });
    expect((await desk.call(desk.admin, 'roster.get', { planId: plan.id })).plan.dirty).toBe(true);
    expect((await desk.fail(desk.admin, 'roster.publish', { planId: plan.id })).messageKey).toBe('roster.errors.reasonRequired');
    const v2 = await desk.call(desk.admin, 'roster.publish', { planId: plan.id, reason: '人员调整', acceptWarnings: true });
    expect(v2.version).toBe(2);
    const versions = await desk.call(desk.admin, 'roster.versions', { planId: plan.id });
    expect(versions[0]).toMatchObject({ version: 2, reason: '人员调整', changes: [{ date: '2026-12-10', role: 'officer', from: slot.personId, to: replacement }] });
    expect((await desk.fail(desk.admin, 'roster.publish', { planId: plan.id, reason: '再发一次' })).messageKey).toBe('roster.errors.noChanges');
  });

  it('refuses a second published plan over the same dates', async () => {
    desk = await makeDesk();
    await publishedDecember(desk);
    const p2 = await desk.call(desk.admin, 'roster.createPlan', { title: '元旦值班表', from: '2026-12-31', to: '2027-01-01', notes: null }).catch((e: { error: { messageKey: string } }) => e.error);
    // 2027 has no data here, so even the plan is refused.
    expect(p2).toMatchObject({ messageKey: 'roster.errors.noHolidayData' });
    const p3 = await desk.call(desk.admin, 'roster.createPlan', { title: '跨年前值班表', from: '2026-12-30', to: '2026-12-31', notes: null });
    await desk.call(desk.admin, 'roster.generate', { planId: p3.id });
    expect((await desk.fail(desk.admin, 'roster.publish', { planId: p3.id, acceptWarnings: true })).messageKey).toBe('roster.errors.overlap');
  });

  it('lets officers read but not plan', async () => {
    desk = await makeDesk();
    const { plan } = await publishedDecember(desk);
    const officer = await desk.login(['officer']);
    expect((await desk.call(officer, 'roster.get', { planId: plan.id })).plan.id).toBe(plan.id);
    expect((await desk.fail(officer, 'roster.generate', { planId: plan.id })).code).toBe('FORBIDDEN');
    expect((await desk.fail(officer, 'roster.publish', { planId: plan.id })).code).toBe('FORBIDDEN');
  });
});

describe('swaps', () => {
  it('goes request → approval → version 2, notifying both people and the leader', async () => {
    desk = await makeDesk();
    const { plan } = await publishedDecember(desk);
    const detail = await desk.call(desk.admin, 'roster.get', { planId: plan.id });
    const a = detail.assignments.find((x) => x.date === '2026-12-05' && x.role === 'officer')!;
    const b = detail.assignments.find((x) => x.date === '2026-12-20' && x.role === 'officer' && x.personId !== a.personId)!;
    const officer = await desk.login(['officer']);
    const req = await desk.call(officer, 'swaps.request', { planId: plan.id, kind: 'swap', personA: a.personId!, dateA: '2026-12-05', personB: b.personId!, dateB: '2026-12-20', reason: '家中有事' });
    expect(req.state).toBe('requested');
    expect((await desk.fail(officer, 'swaps.decide', { id: req.id, approve: true, note: null })).code).toBe('FORBIDDEN');
    const leader = await desk.login(['leader']);
    const done = await desk.call(leader, 'swaps.decide', { id: req.id, approve: true, note: '同意' });
    expect(done).toMatchObject({ state: 'approved', version: 2 });
    const versions = await desk.call(desk.admin, 'roster.versions', { planId: plan.id });
    expect(versions[0]!.changes).toHaveLength(2);
    expect(versions[0]!.reason).toContain('家中有事');
    const after = await desk.call(desk.admin, 'roster.get', { planId: plan.id });
    expect(after.assignments.find((x) => x.date === '2026-12-05' && x.role === 'officer' && x.index === a.index)!.personId).toBe(b.personId);
    expect(after.plan).toMatchObject({ version: 2 });
    const leaderOn5th = after.assignments.find((x) => x.date === '2026-12-05' && x.role === 'leader')!.personId!;
    const notices = desk.core.db.prepare("SELECT person_id FROM roster_notices WHERE kind = 'swapApproved'").all() as { person_id: number }[];
    expect(new Set(notices.map((n) => n.person_id))).toEqual(new Set([a.personId, b.personId, leaderOn5th, after.assignments.find((x) => x.date === '2026-12-20' && x.role === 'leader')!.personId]));
    expect((await desk.fail(leader, 'swaps.decide', { id: req.id, approve: false, note: null })).messageKey).toBe('roster.errors.swapClosed');
  });

  it('refuses a swap for someone not on duty that day, and can be withdrawn', async () => {
    desk = await makeDesk();
    const { plan, ids } = await publishedDecember(desk);
    const detail = await desk.call(desk.admin, 'roster.get', { planId: plan.id });
    const off = ids.officers.find((id) => !detail.assignments.some((a) => a.personId === id && a.date === '2026-12-07'))!;
    const on = detail.assignments.find((a) => a.date === '2026-12-07' && a.role === 'officer')!.personId!;
    expect((await desk.fail(desk.admin, 'swaps.request', { planId: plan.id, kind: 'cover', personA: off, dateA: '2026-12-07', personB: on, reason: '测试' })).messageKey).toBe('roster.errors.notOnDuty');
    const req = await desk.call(desk.admin, 'swaps.request', { planId: plan.id, kind: 'cover', personA: on, dateA: '2026-12-07', personB: off, reason: '出差' });
    const c = await desk.call(desk.admin, 'swaps.cancel', { id: req.id, reason: '不出差了' });
    expect(c.state).toBe('cancelled');
    expect((await desk.call(desk.admin, 'roster.versions', { planId: plan.id })).length).toBe(1);
  });
});

describe('files', () => {
  it('exports Excel that imports back into an empty desk with the same roster', async () => {
    desk = await makeDesk();
    const { plan } = await publishedDecember(desk);
    const file = await desk.call(desk.admin, 'roster.exportXlsx', { planId: plan.id });
    expect(file.fileName).toBe('2026年12月值班表.xlsx');
    other = await makeDesk();
    const dry = await other.call(other.admin, 'roster.importXlsx', { base64: file.data, kind: 'roster', dryRun: true });
    expect(dry).toMatchObject({ ok: true, rows: 31, peopleCreated: 12 });
    expect((await other.call(other.admin, 'roster.plans', {})).length).toBe(0);
    const imp = await other.call(other.admin, 'roster.importXlsx', { base64: file.data, kind: 'roster' });
    expect(imp.ok).toBe(true);
    const mine = await desk.call(desk.admin, 'roster.printData', { planId: plan.id });
    const theirs = await other.call(other.admin, 'roster.printData', { planId: imp.planId! });
    expect(theirs.title).toBe(mine.title);
    // The official roster sheet has no department column: people created by the import have none.
    const noDept = (rows: typeof mine.rows) => rows.map((r) => ({ ...r, ...Object.fromEntries((['leader', 'officer', 'standby'] as const).map((k) => [k, r[k].map((p) => ({ name: p.name, phone: p.phone }))])) }));
    expect(noDept(theirs.rows)).toEqual(noDept(mine.rows));
  });

  it('reads an office-style sheet and rejects the whole file when one row fails', async () => {
    desk = await makeDesk();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.mergeCells('A1:D1');
    ws.getCell('A1').value = '某某局2026年春节期间值班表';
    ws.addRow([]);
    ws.addRow(['日期', '星期', '带班领导', '值班人员']);
    ws.addRow(['2月15日', '春节', '张局长 13900001111', '李四（13800002222）、王五 13800003333']);
    ws.addRow(['2月16日', '春节', '张局长13900001111', '赵六 13800004444']);
    ws.mergeCells('C4:C5');
    ws.addRow(['注：带班领导24小时开机']);
    const good = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const ok = await desk.call(desk.admin, 'roster.importXlsx', { base64: good, kind: 'roster' });
    expect(ok).toMatchObject({ ok: true, rows: 2, peopleCreated: 4 });
    const detail = await desk.call(desk.admin, 'roster.get', { planId: ok.planId! });
    expect(detail.plan).toMatchObject({ title: '某某局2026年春节期间值班表', from: '2026-02-15', to: '2026-02-16' });
    expect(detail.assignments.filter((a) => a.role === 'leader')).toHaveLength(2);
    expect(detail.people.find((p) => p.name === '李四')?.mobile).toBe('13800002222');

    ws.insertRow(6, ['2月31日', '', '钱七 13800005555', '孙八 abc?']);
    const bad = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const before = (desk.core.db.prepare('SELECT count(*) n FROM people').get() as { n: number }).n;
    const fail = await desk.call(desk.admin, 'roster.importXlsx', { base64: bad, kind: 'roster' });
    expect(fail.ok).toBe(false);
    expect(fail.issues.map((i) => [i.row, i.column, i.messageKey])).toContainEqual([6, '日期', 'roster.import.badDate']);
    expect((desk.core.db.prepare('SELECT count(*) n FROM people').get() as { n: number }).n).toBe(before);
  });

  it('imports people from a sheet with a title row, and nothing when a row fails', async () => {
    desk = await makeDesk();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('通讯录');
    ws.addRow(['应急管理局值班人员名单']);
    ws.addRow(['姓名', '部门', '职务', '手机', '角色']);
    ws.addRow(['周一', '办公室', '科员', '13800001111', '值班员、备班']);
    ws.addRow(['吴\u202E二', '局领导', '副局长', '13900002222', '带班领导']); // an invisible direction override is dropped
    const b64 = async () => Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const ok = await desk.call(desk.admin, 'roster.importXlsx', { base64: await b64(), kind: 'people' });
    expect(ok).toMatchObject({ ok: true, rows: 2, peopleCreated: 2 });
    const people = await desk.call(desk.admin, 'people.list', {});
    expect(people.find((p) => p.name === '周一')).toMatchObject({ mobile: '13800001111', roles: ['officer', 'standby'], department: '办公室' });
    expect(people.find((p) => p.name === '吴二')?.roles).toEqual(['leader']);
    ws.addRow(['郑三', '办公室', '', '138-abc', '厨师']);
    const bad = await desk.call(desk.admin, 'roster.importXlsx', { base64: await b64(), kind: 'people' });
    expect(bad.ok).toBe(false);
    expect(bad.issues.map((i) => [i.row, i.column, i.messageKey])).toEqual([
      [5, '手机', 'roster.import.badPhone'],
      [5, '角色', 'roster.import.badRole'],
    ]);
    expect((await desk.call(desk.admin, 'people.list', {})).some((p) => p.name === '郑三')).toBe(false);
  });

  it('neutralises formula-like cells in the export', async () => {
    desk = await makeDesk();
    await desk.call(desk.admin, 'people.create', { name: '=HYPERLINK', department: null, title: null, officePhone: null, mobile: null, roles: ['leader'], sortOrder: 0 });
    const plan = await desk.call(desk.admin, 'roster.createPlan', { title: '=1+1', from: '2026-12-01', to: '2026-12-01', notes: null });
    await desk.call(desk.admin, 'roster.generate', { planId: plan.id });
    const file = await desk.call(desk.admin, 'roster.exportXlsx', { planId: plan.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(values.some((v) => v.startsWith('='))).toBe(false);
    expect(values).toContain("'=1+1");
  });

  it('exports iCalendar for the roster and for one person', async () => {
    desk = await makeDesk();
    const { plan, ids } = await publishedDecember(desk);
    const all = await desk.call(desk.admin, 'roster.exportIcs', { planId: plan.id });
    // 31 days × (带班领导 + 值班员 + 备班): the default shift has a standby every day.
    expect(all.data.match(/BEGIN:VEVENT/gu)).toHaveLength(93);
    expect(all.data).toContain('DTSTART:20261201T003000Z');
    const one = await desk.call(desk.admin, 'roster.exportIcs', { planId: plan.id, personId: ids.leaders[0]! });
    const n = (one.data.match(/BEGIN:VEVENT/gu) ?? []).length;
    expect(n).toBeGreaterThan(5);
    expect(n).toBeLessThan(10);
  });
});

describe('audit', () => {
  it('audits every roster change', async () => {
    desk = await makeDesk();
    const before = (desk.core.db.prepare('SELECT max(seq) s FROM audit_log').get() as { s: number }).s;
    await publishedDecember(desk);
    const actions = (desk.core.db.prepare('SELECT action FROM audit_log WHERE seq > ?').all(before) as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['roster.createPlan', 'roster.generate', 'roster.publish']));
  });
});

