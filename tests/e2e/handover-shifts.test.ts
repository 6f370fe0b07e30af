/**
 * Handover at each shift change in Chromium: a desk working 白班 08:30–17:30
 * and 夜班 17:30–08:30. 张值班 (白班) hands over at 17:25 on New Year's Eve;
 * 王值班 (夜班), in their own login, accepts; the printed record names
 * 交班班次 白班 and 接班班次 夜班. The 夜班's own handover, into the new year, is never accepted:
 * past 09:00 it escalates, and 李带班 acknowledges it on the handover page
 * (已知悉) — it stops escalating and says so, in both themes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, closeAll, screenshot, type TestHost } from './helpers';
import { openSection, quiet, type AppPages } from './pages';
import { at, printedText, startDutyDay, type DutyDayE2e } from './pages/duty-day-desk';

let d: DutyDayE2e;
let host: TestHost;
let errors: string[];
let a: AppPages;
let b: AppPages;
let leader: AppPages;

beforeAll(async () => {
  // 白班 08:30–17:30 (张值班) and 夜班 17:30–08:30 (王值班) every day of December, 李带班 leading both.
  d = await startDutyDay('2026-12-31T09:00:00', async ({ call, ids, shift }) => {
    const { id: _id, active: _active, ...fields } = shift;
    await call('shifts.update', { ...fields, id: shift.id, name: '白班', startMinutes: 510, durationMinutes: 540 });
    const night = await call('shifts.create', { ...fields, name: '夜班', startMinutes: 1050, durationMinutes: 900, sortOrder: 1 });
    const plan = await call('roster.createPlan', { title: '2026年12月值班表', from: '2026-12-01', to: '2026-12-31', notes: null });
    for (let day = 1; day <= 31; day += 1) {
      const date = `2026-12-${String(day).padStart(2, '0')}`;
      for (const [shiftId, officer] of [
        [shift.id, ids.zhang],
        [night.id, ids.wang],
      ] as const) {
        await call('roster.assign', { planId: plan.id, date, shiftId, role: 'leader', index: 0, personId: ids.leader });
        await call('roster.assign', { planId: plan.id, date, shiftId, role: 'officer', index: 0, personId: officer });
      }
    }
    await call('roster.publish', { planId: plan.id, acceptWarnings: true });
  });
  ({ host, errors, a, b, leader } = d);
}, 120_000);
afterAll(() => closeAll(d?.browser, d?.host));

describe('a handover at each shift change', () => {
  it('白班 hands over to 夜班 at 17:25; 王值班 accepts; the record prints 交班班次 白班, 接班班次 夜班', async () => {
    await host.moveClock({ now: at('2026-12-31T10:00:00') });
    await a.console.waitFor();
    await a.console.log('区应急局来电：道路结冰');
    await a.console.entry('区应急局来电：道路结冰').waitFor();
    await host.moveClock({ now: at('2026-12-31T17:25:00') });
    await openSection(a.page, '交接班');
    await a.handover.root.waitFor();
    await expect.poll(() => a.page.getByTestId('handover-shift').textContent()).toBe('白班 → 夜班');
    await expect.poll(() => a.handover.logCounts.textContent()).toContain('本班值班记录 1 条');
    await a.handover.notes.fill('白班平稳，道路结冰请夜班关注');
    await a.handover.submit.click();
    await expect.poll(() => a.handover.state.textContent()).toBe('已交班');

    await host.moveClock({ now: at('2026-12-31T17:35:00') });
    await openSection(b.page, '值班台');
    await b.dutyConsole.responsibility.waitFor();
    expect(await b.dutyConsole.responsibility.textContent()).toContain('2026-12-31 白班 的交接班尚未确认');
    await openSection(b.page, '交接班');
    await b.handover.root.waitFor();
    await expect.poll(() => b.page.getByTestId('handover-shift').textContent()).toBe('白班 → 夜班');
    await b.handover.confirm.click();
    await expect.poll(() => b.handover.state.textContent()).toBe('已接班确认');
    await quiet(b.page);
    await screenshot(b.page, 'handover-shifts-01-accepted');
    expect(JSON.stringify(await axeViolations(b.page))).toBe('[]');

    await b.handover.print.click();
    await b.page.getByTestId('handover-print-page').waitFor();
    const text = await printedText(b.page, 'handover-shifts-record');
    expect(text).toMatch(/交班班次：白班\s+接班班次：夜班/u);
    expect(text).toMatch(/交班人（签字）\s*：\s*张值班\s+2026-12-31 17:25/u);
    expect(text).toMatch(/接班人（签字）\s*：\s*王值班\s+2026-12-31 17:35/u);
    expect(text).toContain('共 1 条');
    await b.page.goBack();
  });

  it('the 夜班’s handover into the new year is in play at 07:00; unaccepted past 09:00 it escalates; 李带班 acknowledges on the handover page', async () => {
    await host.moveClock({ now: at('2027-01-01T07:00:00') });
    await openSection(b.page, '交接班');
    await b.handover.root.waitFor();
    await b.page.getByRole('button', { name: '当前交接' }).click();
    await expect.poll(() => b.page.getByTestId('handover-shift').textContent()).toBe('夜班 → 白班');
    await expect.poll(() => b.handover.date.textContent()).toContain('2026-12-31');

    await host.moveClock({ now: at('2027-01-01T09:01:00') });
    await openSection(leader.page, '交接班');
    await leader.handover.root.waitFor();
    await expect.poll(() => leader.page.getByTestId('handover-escalation').textContent()).toContain('已逐级提醒：第 1 步 带班领导');
    // No roster for 2027 yet: the step says whom it reached instead, and why.
    await expect.poll(() => leader.page.getByTestId('handover-escalation').textContent()).toContain('带班领导 李带班 13900000001');
    expect(await leader.page.getByTestId('handover-escalation-fallback').textContent()).toBe('当前班次未排带班领导，改报交班班次的带班领导');
    // The leader sees the record and the escalation, never an officer's buttons.
    await expect.poll(() => leader.page.getByTestId('handover-only-outgoing').textContent()).toContain('王值班');
    expect(await leader.handover.submit.count()).toBe(0);
    expect(await leader.page.getByRole('button', { name: '保存草稿' }).count()).toBe(0);
    await leader.page.getByTestId('handover-acknowledge').click();
    const dialog = leader.page.getByRole('dialog');
    await dialog.getByLabel('知悉说明（可选）').fill('王值班在处置山体滑坡，稍后交班');
    await dialog.getByRole('button', { name: '已知悉' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => leader.page.getByTestId('handover-acknowledged').textContent()).toContain('带班领导 李带班 已于 2027-01-01 09:01 知悉：王值班在处置山体滑坡，稍后交班');
    await quiet(leader.page);
    await screenshot(leader.page, 'handover-shifts-02-acknowledged');
    expect(JSON.stringify(await axeViolations(leader.page))).toBe('[]');
    // On the console it stays, red, and says who knows.
    await openSection(a.page, '值班台');
    const item = a.console.dueItem('已知悉');
    await item.first().waitFor();
    expect(await item.first().getAttribute('data-overdue')).toBe('true');

    await leader.page.evaluate(() => localStorage.setItem('dutydesk.theme', 'dark'));
    await leader.page.reload();
    await leader.page.getByTestId('handover-acknowledged').waitFor();
    await quiet(leader.page);
    await screenshot(leader.page, 'handover-shifts-03-acknowledged-dark');
    expect(JSON.stringify(await axeViolations(leader.page))).toBe('[]');
    expect(errors).toEqual([]);
  });
});
