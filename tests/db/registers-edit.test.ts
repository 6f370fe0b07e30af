/**
 * Editing the registers on a real store: a petition's petitioners (added,
 * found and linked so the visit counts as 重复访, taken off, representatives)
 * as new versions with a reason; the persons count kept consistent with the
 * petitioners; the registers' settings (day limits, categories, sensitive
 * periods) audited and applied to deadlines started after the change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import { iterateAudit } from '../../electron/core/audit/chain';
import type { Input } from '../../shared/contract';
import { nationalPetitionLimits } from '../../shared/domain/petition';

let desk: TestDesk;
afterEach(() => desk?.close());

const idZhang = '11010519491231002X';
const visit = (over: Partial<Input<'petitions.create'>> = {}): Input<'petitions.create'> => ({
  form: 'visit',
  persons: 2,
  level: 'district',
  category: '房屋拆迁',
  summary: '反映拆迁补偿标准问题',
  petitioners: [{ name: '张某', idNumber: idZhang }],
  ...over,
});

describe("a petition's petitioners", () => {
  it('adds a forgotten petitioner and links an earlier one (now 重复访), as version 2 with the reason; the audit names both lists', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    const earlier = await desk.call(o, 'petitions.create', visit({ persons: 1, receivedAt: '2026-11-02T10:00:00+08:00', petitioners: [{ name: '钱某', phone: '13900000002' }] }));
    const p = await desk.call(o, 'petitions.create', visit());
    expect(p.repeat).toBe(false);
    const qian = earlier.petitioners[0]!.id;
    const zhang = p.petitioners[0]!.id;
    const d = await desk.call(o, 'petitions.setPetitioners', {
      id: p.id,
      expectedVersion: p.version,
      petitioners: [{ petitionerId: zhang }, { petitionerId: qian }],
      reason: '补录同来的钱某',
    });
    expect(d.version).toBe(2);
    expect(d.petitioners.map((x) => x.name).sort()).toEqual(['张某', '钱某']);
    expect(d.repeat).toBe(true);
    const h = await desk.call(o, 'petitions.history', { id: p.id });
    expect(h.map((v) => v.version)).toEqual([1, 2]);
    // Version 1 already names who the petition named when registered.
    expect(h[0]!.data.petitioners).toEqual([{ id: zhang, name: '张某', representative: false }]);
    expect(h[1]!.reason).toBe('补录同来的钱某');
    expect(h[1]!.data.petitioners?.map((x) => x.name).sort()).toEqual(['张某', '钱某']);
    // ID numbers never enter a petition's versions.
    expect(JSON.stringify(h)).not.toContain(idZhang);
    const row = [...iterateAudit(desk.core.db)].find((e) => e.action === 'petition.petitioners')!;
    expect(row.reason).toBe('补录同来的钱某');
    expect(JSON.parse(row.before!)).toEqual({ petitioners: [{ id: zhang, name: '张某', representative: false }] });
    expect((JSON.parse(row.after!) as { petitioners: unknown[] }).petitioners).toHaveLength(2);
    // The month's statistics count the petition as a repeat now.
    const s = await desk.call(o, 'petitions.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(s.current.repeat).toEqual({ batches: 1, personTimes: 2 });
  });

  it('takes a wrongly linked petitioner off (no longer 重复访) and refuses a stale version, no change, and more petitioners than persons', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    await desk.call(o, 'petitions.create', visit({ persons: 1, receivedAt: '2026-11-02T10:00:00+08:00' }));
    const p = await desk.call(o, 'petitions.create', visit({ persons: 1, petitioners: [{ name: '张某', idNumber: idZhang }] }));
    expect(p.repeat).toBe(true);
    const stale = await desk.fail(o, 'petitions.setPetitioners', { id: p.id, expectedVersion: 9, petitioners: [], reason: '误关联' });
    expect(stale.code).toBe('CONFLICT');
    const same = await desk.fail(o, 'petitions.setPetitioners', { id: p.id, expectedVersion: 1, petitioners: [{ petitionerId: p.petitioners[0]!.id }], reason: '无变化' });
    expect(same.messageKey).toBe('petitions.errors.noChange');
    const tooMany = await desk.fail(o, 'petitions.setPetitioners', { id: p.id, expectedVersion: 1, petitioners: [{ name: '甲' }, { name: '乙' }], reason: '补录' });
    expect(tooMany.messageKey).toBe('petitions.errors.morePetitionersThanPersons');
    const d = await desk.call(o, 'petitions.setPetitioners', { id: p.id, expectedVersion: 1, petitioners: [{ name: '张某某' }], reason: '身份证号误关联到张某' });
    expect(d.repeat).toBe(false);
    expect(d.petitioners.map((x) => x.name)).toEqual(['张某某']);
    const reason = await desk.fail(o, 'petitions.setPetitioners', { id: p.id, expectedVersion: 2, petitioners: [], reason: ' ' });
    expect(reason.code).toBe('VALIDATION');
  });

  it('a group visit records at most five representatives; growing a visit into a group makes its petitioners representatives', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    const g = await desk.call(o, 'petitions.create', visit({ persons: 23, petitioners: [{ name: '李代表' }] }));
    const six = await desk.fail(o, 'petitions.setPetitioners', {
      id: g.id,
      expectedVersion: 1,
      petitioners: ['甲', '乙', '丙', '丁', '戊', '己'].map((name) => ({ name })),
      reason: '补录代表',
    });
    expect(six.messageKey).toBe('petitions.errors.tooManyRepresentatives');
    const g2 = await desk.call(o, 'petitions.setPetitioners', { id: g.id, expectedVersion: 1, petitioners: [{ petitionerId: g.petitioners[0]!.id }, { name: '王代表' }], reason: '补录代表' });
    expect(g2.petitioners.every((x) => x.representative)).toBe(true);

    const p = await desk.call(o, 'petitions.create', visit({ persons: 2, petitioners: [{ name: '赵某' }, { name: '孙某' }] }));
    expect(p.petitioners.some((x) => x.representative)).toBe(false);
    const fewer = await desk.fail(o, 'petitions.update', { id: p.id, expectedVersion: 1, persons: 1, reason: '人数登记错误' });
    expect(fewer.messageKey).toBe('petitions.errors.morePetitionersThanPersons');
    const grown = await desk.call(o, 'petitions.update', { id: p.id, expectedVersion: 1, persons: 12, reason: '后续到达10人' });
    expect(grown.group).toBe(true);
    expect(grown.petitioners.every((x) => x.representative)).toBe(true);
    const h = await desk.call(o, 'petitions.history', { id: p.id });
    expect(h[1]).toMatchObject({ reason: '后续到达10人', data: { persons: 12 } });
    expect(h[1]!.data.petitioners?.every((x) => x.representative)).toBe(true);
  });
});

describe("the registers' settings", () => {
  it('a shorter local limit applies to deadlines started after saving, running ones keep their day; the change is audited with before and after', async () => {
    desk = await makeDesk(); // 2026-11-25
    const o = await desk.login(['officer']);
    const before = await desk.call(o, 'petitions.create', visit());
    const s = await desk.call(o, 'petitions.settings', {});
    expect(s.limits).toEqual(nationalPetitionLimits);
    const refused = await desk.fail(o, 'petitions.setSettings', { ...s, limits: { ...s.limits, acceptDays: 10 } });
    expect(refused.code).toBe('FORBIDDEN');
    await desk.call(desk.admin, 'petitions.setSettings', { ...s, limits: { ...s.limits, acceptDays: 10 } });
    const after = await desk.call(o, 'petitions.create', visit({ summary: '另一批' }));
    const dueOf = async (id: number) => (await desk.call(o, 'petitions.get', { id })).deadlines.find((d) => d.kind === 'accept')!.dueDate;
    expect(await dueOf(before.id)).toBe('2026-12-10'); // 15 days, as when it started
    expect(await dueOf(after.id)).toBe('2026-12-05'); // 10 days
    const row = [...iterateAudit(desk.core.db)].find((e) => e.action === 'settings.petitions')!;
    expect(JSON.parse(row.before!)).toMatchObject({ limits: { acceptDays: 15 } });
    expect(JSON.parse(row.after!)).toMatchObject({ limits: { acceptDays: 10 } });
    const zero = await desk.fail(desk.admin, 'petitions.setSettings', { ...s, limits: { ...s.limits, concludeDays: 0 } });
    expect(zero.details?.issues?.[0]?.path).toBe('limits.concludeDays');
  });

  it('a category dropped from the list stays on the petitions that carry it (they can still be edited) but is refused on new ones', async () => {
    desk = await makeDesk();
    const o = await desk.login(['officer']);
    const p = await desk.call(o, 'petitions.create', visit({ category: '问题楼盘' }));
    const s = await desk.call(o, 'petitions.settings', {});
    await desk.call(desk.admin, 'petitions.setSettings', { ...s, categories: s.categories.filter((c) => c !== '问题楼盘').concat('物业管理') });
    const edited = await desk.call(o, 'petitions.update', { id: p.id, expectedVersion: 1, summary: '反映问题楼盘逾期交房', reason: '补充反映问题' });
    expect(edited.category).toBe('问题楼盘');
    const refused = await desk.fail(o, 'petitions.create', visit({ category: '问题楼盘' }));
    expect(refused.messageKey).toBe('petitions.errors.unknownCategory');
    expect((await desk.call(o, 'petitions.create', visit({ category: '物业管理' }))).category).toBe('物业管理');
    const periods = await desk.call(desk.admin, 'petitions.setSettings', { ...s, sensitivePeriods: [{ name: '2027年全国两会', from: '2027-03-04', to: '2027-03-11' }] });
    expect(periods.sensitivePeriods).toEqual([{ name: '2027年全国两会', from: '2027-03-04', to: '2027-03-11' }]);
    const backwards = await desk.fail(desk.admin, 'petitions.setSettings', { ...s, sensitivePeriods: [{ name: '错', from: '2027-03-11', to: '2027-03-04' }] });
    expect(backwards.details?.issues?.[0]?.path).toBe('sensitivePeriods.0.to');
  });
});
