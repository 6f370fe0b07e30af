/**
 * The whole duty day in Chromium, two officers on consecutive duty days and
 * the leader on duty, each in their own browser and login:
 * 张值班 signs in, logs calls, adds an unfinished item, records a check
 * received and a check made on a unit; 李带班 writes a 批示 from the leader's
 * desk; 张值班 hands over; 王值班 signs in and accepts ("同意接班"); the item and
 * the 批示's 落实 state are on 王值班's console; a day with nothing reportable
 * gives a zero report; the next handover, never accepted, escalates to the
 * leader on the test clock; the handover record, the daily report, the zero
 * report and the month's attendance sheet print to PDFs from their buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { adminApi, axeViolations, closeAll, screenshot, type TestHost } from './helpers';
import { openSection, quiet, type AppPages } from './pages';
import { at, printedText, startDutyDay, type DutyDayE2e } from './pages/duty-day-desk';
import { accidentAt } from '../helpers/incidents';

let d: DutyDayE2e;
let host: TestHost;
let errors: string[];
let a: AppPages;
let b: AppPages;
let leader: AppPages;

const pdfText = (page: Page, name: string): Promise<string> => printedText(page, name, `duty-day-${name}`);

beforeAll(async () => {
  // 李带班 leads every day of November; 张值班 takes the odd days, 王值班 the even ones.
  d = await startDutyDay('2026-11-25T08:00:00', async ({ call, ids, shift }) => {
    await call('contacts.create', { name: '城关镇值班室', kind: 'other', phone: '0758-3333110', mobile: null, fax: null, note: null } as never);
    const plan = await call('roster.createPlan', { title: '2026年11月值班表', from: '2026-11-01', to: '2026-11-30', notes: null });
    for (let day = 1; day <= 30; day += 1) {
      const date = `2026-11-${String(day).padStart(2, '0')}`;
      await call('roster.assign', { planId: plan.id, date, shiftId: shift.id, role: 'leader', index: 0, personId: ids.leader });
      await call('roster.assign', { planId: plan.id, date, shiftId: shift.id, role: 'officer', index: 0, personId: day % 2 === 1 ? ids.zhang : ids.wang });
    }
    await call('roster.publish', { planId: plan.id, acceptWarnings: true });
  });
  ({ host, errors, a, b, leader } = d);
}, 120_000);
afterAll(() => closeAll(d?.browser, d?.host));

describe('the whole duty day, from sign-in to the report', () => {
  it('张值班 signs in at 08:25 with one key and the Now card shows it', async () => {
    await host.moveClock({ now: at('2026-11-25T08:25:00') });
    await a.console.waitFor();
    await a.dutyConsole.signIn.filter({ hasText: '签到' }).waitFor();
    await a.page.keyboard.press('Alt+S');
    await expect.poll(() => a.dutyConsole.signedInAt.textContent()).toBe('已签到 08:25');
    // At 08:31 the 25th's shift is the one on duty: the Now card shows 张值班 signed in.
    await host.moveClock({ now: at('2026-11-25T08:31:00') });
    await a.console.onDuty.getByTestId('attendance-state').filter({ hasText: '在岗 08:25' }).waitFor();
    await quiet(a.page);
    await screenshot(a.page, 'duty-day-01-signed-in');
  });

  it('张值班 logs calls at night, adds an unfinished item, records a check received and a check made', async () => {
    await host.moveClock({ now: at('2026-11-25T21:40:00') });
    await a.console.log('区应急局来电：某路段积水');
    await a.console.entry('区应急局来电：某路段积水').waitFor();
    await a.console.log('市气象台发布暴雨黄色预警');
    await a.console.entry('市气象台发布暴雨黄色预警').waitFor();
    await a.dutyConsole.addTodo('明早核实积水路段是否恢复通行');
    await a.dutyConsole.todos.filter({ hasText: '明早核实积水路段是否恢复通行' }).waitFor();

    await openSection(a.page, '查岗');
    await a.presence.root.waitFor();
    await a.presence.recordReceived('市政府总值班室 刘科长', 3);
    await a.presence.list.getByText('市政府总值班室 刘科长').waitFor();
    await a.presence.recordMade('城关镇值班室', false, '已通报城关镇，要求整改');
    await a.presence.list.getByText('城关镇值班室').waitFor();
    await expect.poll(() => a.page.getByTestId('presence-by-unit').textContent()).toContain('城关镇值班室');
    await expect.poll(() => a.presence.list.textContent()).toContain('漏岗');
    await quiet(a.page);
    await screenshot(a.page, 'duty-day-02-presence');
    expect(JSON.stringify(await axeViolations(a.page))).toBe('[]');
  });

  it('李带班 writes a 批示 from the leader’s own login; it is 待落实 on 张值班’s console until followed up', async () => {
    const call = await adminApi(host);
    await call('incident.create', accidentAt(Date.parse(at('2026-11-25T21:50:00')), { title: '某化工厂爆炸事故' }));
    await host.moveClock({ now: at('2026-11-25T22:00:00') });
    await openSection(leader.page, '带班领导');
    await leader.leader.root.waitFor();
    await leader.leader.waiting.getByText('某化工厂爆炸事故').waitFor();
    await leader.leader.instruct('某化工厂爆炸事故', '全力救治伤员，半小时内续报');
    await leader.leader.instructions.filter({ hasText: '全力救治伤员' }).waitFor();
    await quiet(leader.page);
    await screenshot(leader.page, 'duty-day-03-leader');
    expect(JSON.stringify(await axeViolations(leader.page))).toBe('[]');

    await openSection(a.page, '值班台');
    await a.dutyConsole.followUps.filter({ hasText: '李带班：全力救治伤员，半小时内续报' }).waitFor();
    await expect.poll(() => a.dutyConsole.followUps.first().getByTestId('follow-up-state').textContent()).toBe('待落实');
    await a.dutyConsole.followUp('开始落实', '已通知区应急局赶赴现场');
    await expect.poll(() => a.dutyConsole.followUps.first().getByTestId('follow-up-state').textContent()).toBe('落实中');
  });

  it('张值班 hands over at 08:15; until 王值班 accepts, both consoles say 张值班 stays responsible; 王值班 signs in and accepts', async () => {
    await host.moveClock({ now: at('2026-11-26T08:15:00') });
    await openSection(a.page, '交接班');
    await a.handover.root.waitFor();
    await expect.poll(() => a.handover.date.textContent()).toContain('2026-11-25');
    await expect.poll(() => a.handover.logCounts.textContent()).toContain('本班值班记录 2 条');
    await a.handover.notes.fill('夜间接报化工厂爆炸一起，已续报；积水路段待核实');
    await a.handover.submit.click();
    await expect.poll(() => a.handover.state.textContent()).toBe('已交班');
    await quiet(a.page);
    await screenshot(a.page, 'duty-day-04-handed-over');

    await host.moveClock({ now: at('2026-11-26T08:32:00') });
    await openSection(b.page, '值班台');
    await b.dutyConsole.responsibility.waitFor();
    expect(await b.dutyConsole.responsibility.textContent()).toContain('交班人 张值班 仍对本班负责');
    await openSection(a.page, '值班台');
    await a.dutyConsole.responsibility.waitFor();
    // 李带班 sees the submitted record, but neither 交班 nor 同意接班 / 有异议: those are the officers' own.
    await openSection(leader.page, '交接班');
    await leader.handover.root.waitFor();
    await expect.poll(() => leader.handover.state.textContent()).toBe('已交班');
    await expect.poll(() => leader.page.getByTestId('handover-only-incoming').textContent()).toContain('王值班');
    for (const name of ['交班', '同意接班', '有异议', '保存草稿']) expect(await leader.page.getByRole('button', { name, exact: true }).count(), name).toBe(0);

    await b.dutyConsole.signIn.filter({ hasText: '签到' }).click();
    await b.dutyConsole.signedInAt.waitFor();
    await openSection(b.page, '交接班');
    await b.handover.root.waitFor();
    await expect.poll(() => b.handover.state.textContent()).toBe('已交班');
    await b.handover.confirm.click();
    await expect.poll(() => b.handover.state.textContent()).toBe('已接班确认');
    await expect.poll(() => b.handover.confirmed.textContent()).toContain('王值班');
    await quiet(b.page);
    await screenshot(b.page, 'duty-day-05-accepted');
    expect(JSON.stringify(await axeViolations(b.page))).toBe('[]');
  });

  it('the unfinished item and the 批示’s 落实 state are on 王值班’s console; the banner is gone', async () => {
    await openSection(b.page, '值班台');
    await b.dutyConsole.todos.filter({ hasText: '明早核实积水路段是否恢复通行' }).waitFor();
    await expect.poll(() => b.dutyConsole.followUps.first().getByTestId('follow-up-state').textContent()).toBe('落实中');
    await expect.poll(() => b.dutyConsole.responsibility.count()).toBe(0);
    await quiet(b.page);
    await screenshot(b.page, 'duty-day-06-console-b');
  });

  it('prints the handover record with both names, both times, the items and the chain head', async () => {
    await openSection(b.page, '交接班');
    await b.handover.root.waitFor();
    await b.page.getByRole('button', { name: '上一次交接' }).click();
    await expect.poll(() => b.handover.date.textContent()).toContain('2026-11-25');
    await b.handover.print.click();
    await b.page.getByTestId('handover-print-page').waitFor();
    const text = await pdfText(b.page, 'handover-record');
    expect(text).toContain('交接班记录');
    expect(text).toContain('2026年11月25日');
    expect(text).toMatch(/交班人（签字）\s*：\s*张值班\s+2026-11-26 08:15/u);
    expect(text).toMatch(/接班人（签字）\s*：\s*王值班\s+2026-11-26 08:32/u);
    expect(text).toContain('同意接班');
    expect(text).toContain('共 2 条');
    expect(text).toContain('明早核实积水路段是否恢复通行');
    expect(text).toContain('全力救治伤员');
    expect(text).toMatch(/审计链头|第 \d+ 条/u);
    await b.page.goBack();
  });

  it('the 25th had nothing reportable: a zero report in the standard wording, reviewed by the leader, sent and printed', async () => {
    await host.moveClock({ now: at('2026-11-26T08:40:00') });
    await openSection(b.page, '报表');
    await b.reports.root.waitFor();
    await b.reports.button('前一天').click();
    await expect.poll(() => b.reports.date.textContent()).toContain('2026-11-25');
    await expect.poll(() => b.reports.summary.inputValue()).toBe('2026年11月24日17时至25日17时，我单位未发生需要报告的突发事件和重要情况，值班秩序正常。特此报告。');
    await b.reports.button('拟稿').click();
    await expect.poll(() => b.reports.state.textContent()).toBe('零报告 · 拟稿');

    await openSection(leader.page, '报表');
    await leader.reports.root.waitFor();
    await leader.reports.button('前一天').click();
    await leader.reports.button('审核通过').click();
    await expect.poll(() => leader.reports.state.textContent()).toBe('零报告 · 已审核');
    await b.page.reload(); // the date stays in the address
    await b.reports.root.waitFor();
    await expect.poll(() => b.reports.state.textContent()).toBe('零报告 · 已审核');
    await b.reports.button('报送').click();
    await expect.poll(() => b.reports.state.textContent()).toBe('零报告 · 已报送');
    await b.reports.print.click();
    await b.page.getByTestId('daily-report-print-page').waitFor();
    const text = await pdfText(b.page, 'zero-report');
    expect(text).toContain('零报告');
    expect(text).toContain('2026年11月25日');
    expect(text.replace(/\s+/gu, '')).toContain('2026年11月24日17时至25日17时，我单位未发生需要报告的突发事件和重要情况');
    expect(text).toContain('审核：李带班');
    expect(text).toContain('迟报'); // sent on the 26th, after 17:00 on the 25th: late, for good
    await b.page.goBack();
  });

  it('the 26th’s daily report counts the night: calls, the incident, the checks — and prints', async () => {
    await host.moveClock({ now: at('2026-11-26T16:00:00') });
    await openSection(b.page, '报表');
    await b.reports.root.waitFor();
    await expect.poll(() => b.reports.date.textContent()).toContain('2026-11-26');
    await expect.poll(() => b.reports.stats.textContent()).toContain('来电 2');
    await b.reports.button('拟稿').click();
    await expect.poll(() => b.reports.state.textContent()).toBe('值班日报 · 拟稿');
    await quiet(b.page);
    await screenshot(b.page, 'duty-day-07-daily-report');
    expect(JSON.stringify(await axeViolations(b.page))).toBe('[]');
    await b.reports.print.click();
    await b.page.getByTestId('daily-report-print-page').waitFor();
    const text = await pdfText(b.page, 'daily-report');
    expect(text).toContain('值班日报');
    expect(text).toContain('2026年11月26日');
    expect(text).toContain('来电 2');
    expect(text).toContain('某化工厂爆炸事故');
    expect(text).toContain('上级查岗 1 次；对下查岗 1 次，接听 0，漏岗 1');
    expect(text.replace(/\s+/gu, '')).toContain('接报突发事件1起');
    await b.page.goBack();
  });

  it('prints the month’s attendance sheet with both officers and the leader', async () => {
    await openSection(b.page, '考勤');
    await b.attendance.root.waitFor();
    await b.attendance.sheet.waitFor();
    await quiet(b.page);
    await screenshot(b.page, 'duty-day-08-attendance');
    await b.attendance.print.click();
    await b.page.getByTestId('attendance-print-page').waitFor();
    const text = await pdfText(b.page, 'attendance-sheet');
    expect(text).toContain('2026年11月值班考勤表');
    for (const name of ['张值班', '王值班', '李带班']) expect(text).toContain(name);
    // 出勤 √ as offices write it, embedded as a real font (printToPdf fails on any Type 3 font).
    expect(text).toContain('√ 正常');
    expect(text).toMatch(/张值班[^\n]*√/u);
    await b.page.goBack();
  });

  it('王值班’s handover, never accepted, escalates to the leader on duty past its limit', async () => {
    await host.moveClock({ now: at('2026-11-27T09:01:00') });
    await openSection(leader.page, '值班台');
    await leader.console.waitFor();
    const item = leader.console.dueItem('交接班未确认');
    await item.first().waitFor();
    expect(await item.first().textContent()).toContain('第 1 步 · 带班领导');
    expect(await item.first().textContent()).toContain('李带班');
    expect(await item.first().getAttribute('data-overdue')).toBe('true');
    await quiet(leader.page);
    await screenshot(leader.page, 'duty-day-09-escalated');
    expect(errors).toEqual([]);
  });

  it('李带班 acknowledges it from the leader’s desk (已知悉): it stays listed and red, says who knows, and the handover shows it', async () => {
    await openSection(leader.page, '带班领导');
    await leader.leader.root.waitFor();
    await leader.leader.acknowledgeHandover('已电话催张值班接班');
    await expect.poll(() => leader.leader.waiting.getByRole('button', { name: '已知悉' }).count()).toBe(0);
    await openSection(leader.page, '值班台');
    const item = leader.console.dueItem('已知悉');
    await item.first().waitFor();
    expect(await item.first().textContent()).toContain('交接班未确认 · 带班领导 李带班 已知悉');
    expect(await item.first().getAttribute('data-overdue')).toBe('true');
    await openSection(a.page, '交接班');
    await a.handover.root.waitFor();
    await expect.poll(() => a.page.getByTestId('handover-acknowledged').textContent()).toContain('带班领导 李带班 已于 2026-11-27 09:01 知悉：已电话催张值班接班');
    await expect.poll(() => a.dutyConsole.responsibility.textContent()).toContain('李带班 已于 09:01 知悉');
    await quiet(a.page);
    await screenshot(a.page, 'duty-day-09b-acknowledged');
    expect(JSON.stringify(await axeViolations(a.page))).toBe('[]');
  });
});

describe('the wallboard (值班大屏) fills the duty room screen', () => {
  const overflow = (p: Page) => p.evaluate(() => ({ scroll: document.documentElement.scrollHeight, height: window.innerHeight, width: document.documentElement.scrollWidth, inner: window.innerWidth }));

  it('shows today’s duty with sign-in, the open incidents with live countdowns, the handover and the daily report — refreshed by push', async () => {
    const call = await adminApi(host);
    await host.moveClock({ now: at('2026-11-27T09:05:00') });
    // 张值班 (on duty on the 27th) signs in late; 李带班 has not signed in.
    await openSection(a.page, '值班台');
    await a.dutyConsole.signIn.filter({ hasText: '签到' }).click();
    await a.dutyConsole.signedInAt.waitFor();
    await call('incident.create', accidentAt(Date.parse(at('2026-11-27T09:05:00')), { title: '某高速公路多车相撞事故', subType: 'road_traffic', level: 2, deaths: 10 }));

    const p = leader.page;
    await p.setViewportSize({ width: 1920, height: 1080 });
    await openSection(p, '值班台');
    await leader.console.wallboardLink.click();
    await leader.wallboard.root.waitFor();
    await expect.poll(() => leader.wallboard.person('张值班').textContent()).toContain('迟到 09:05');
    await expect.poll(() => leader.wallboard.person('李带班').textContent()).toContain('未签到');
    const inc = leader.wallboard.incidents.filter({ hasText: '某高速公路多车相撞事故' });
    await expect.poll(() => inc.textContent()).toMatch(/电话报告.*剩余 (29|30):\d\d/u);
    const first = await inc.getByTestId('wallboard-incident-countdown').textContent();
    await expect.poll(() => inc.getByTestId('wallboard-incident-countdown').textContent(), { timeout: 4000 }).not.toBe(first); // live, every second
    // The 26th's report was drafted, never sent: it stays on the board, red, counting up — before the 27th's.
    await expect.poll(() => leader.wallboard.report.textContent()).toMatch(/2026-11-26 · 17:00 前报送.*已超时 16:0\d:\d\d/u);
    expect(await leader.wallboard.report.getByTestId('wallboard-report-countdown').getAttribute('data-overdue')).toBe('true');
    expect(await leader.wallboard.handover.getAttribute('data-testid')).toBe('wallboard-handover');
    await expect.poll(() => leader.wallboard.handover.textContent()).toContain('交接班未确认');
    // The whole 1080p screen is used, and nothing scrolls.
    const box = await leader.wallboard.incidents.first().evaluate((el) => el.closest('[data-testid="wallboard-incidents"]')!.getBoundingClientRect().bottom);
    expect(box).toBeGreaterThan(1080 * 0.85);
    expect(await overflow(p)).toMatchObject({ scroll: 1080, width: 1920 });

    // Pushed, not polled: a new incident is on the board within a few seconds.
    await call('incident.create', accidentAt(Date.parse(at('2026-11-27T09:05:00')), { title: '某小区燃气泄漏', category: 'accident', subType: 'industrial', level: 4, deaths: 0 }));
    await leader.wallboard.incidents.filter({ hasText: '某小区燃气泄漏' }).waitFor({ timeout: 5000 });
    await screenshot(p, 'wallboard-1920-light');
    expect(JSON.stringify(await axeViolations(p))).toBe('[]');

    await p.evaluate(() => localStorage.setItem('dutydesk.theme', 'dark'));
    await p.reload();
    await leader.wallboard.person('张值班').waitFor();
    await screenshot(p, 'wallboard-1920-dark');
    expect(JSON.stringify(await axeViolations(p))).toBe('[]');

    await p.setViewportSize({ width: 1366, height: 768 });
    await leader.wallboard.person('张值班').waitFor();
    expect(await overflow(p)).toMatchObject({ scroll: 768, width: 1366 });
    await screenshot(p, 'wallboard-1366-dark');
    await p.evaluate(() => localStorage.setItem('dutydesk.theme', 'light'));
    await p.reload();
    await leader.wallboard.person('张值班').waitFor();
    expect(await overflow(p)).toMatchObject({ scroll: 768, width: 1366 });
    await screenshot(p, 'wallboard-1366-light');
    expect(JSON.stringify(await axeViolations(p))).toBe('[]');
    await p.setViewportSize({ width: 1440, height: 900 });
    await p.getByRole('link', { name: '退出大屏' }).click();
    await leader.console.waitFor();
    expect(errors).toEqual([]);
  });
});

describe('the new screens in the night theme and in English', () => {
  it('shows 交接班 dark and the reports in English, readable', async () => {
    const p = b.page;
    await openSection(p, '交接班');
    await b.handover.root.waitFor();
    await p.evaluate(() => localStorage.setItem('dutydesk.theme', 'dark'));
    await p.reload();
    await b.handover.root.waitFor();
    await quiet(p);
    await screenshot(p, 'duty-day-10-handover-dark');
    expect(JSON.stringify(await axeViolations(p))).toBe('[]');
    // Every duty-day screen reads in the night theme too.
    for (const [section, testId] of [
      ['值班台', 'due-next'],
      ['查岗', 'presence-page'],
      ['考勤', 'attendance-page'],
      ['报表', 'daily-report'],
    ] as const) {
      await openSection(p, section);
      await p.getByTestId(testId).waitFor();
      await quiet(p);
      expect(JSON.stringify(await axeViolations(p)), section).toBe('[]');
    }
    await leader.page.evaluate(() => localStorage.setItem('dutydesk.theme', 'dark'));
    // Reload first, then open the page (reloading right after the click raced the navigation: the page sometimes never came).
    await leader.page.reload();
    await openSection(leader.page, '带班领导');
    await leader.leader.root.waitFor();
    await quiet(leader.page);
    await screenshot(leader.page, 'duty-day-10b-leader-dark');
    expect(JSON.stringify(await axeViolations(leader.page))).toBe('[]');
    await b.shell.languageButton.click();
    await p.getByRole('navigation').getByRole('link', { name: 'Reports', exact: true }).click();
    await p.getByTestId('daily-report').waitFor();
    await expect.poll(() => p.getByTestId('daily-report').textContent()).toContain('Report date');
    await quiet(p);
    await screenshot(p, 'duty-day-11-reports-en');
    await p.getByRole('navigation').getByRole('link', { name: 'Leader on duty', exact: true }).isVisible();
    // The rest of the duty day in English at night, as 王值班 and 李带班 see it.
    for (const [link, testId, shot] of [
      ['Handover', 'handover-page', 'duty-day-12-handover-en-dark'],
      ['Attendance', 'attendance-page', 'duty-day-13-attendance-en-dark'],
    ] as const) {
      await p.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
      await p.getByTestId(testId).waitFor();
      await quiet(p);
      await screenshot(p, shot);
      expect(JSON.stringify(await axeViolations(p)), link).toBe('[]');
    }
    await expect.poll(() => p.getByTestId('attendance-sheet').textContent()).toContain('✓');
    await leader.shell.languageButton.click();
    await leader.page.getByRole('navigation').getByRole('link', { name: 'Leader on duty', exact: true }).click();
    await leader.leader.root.waitFor();
    await quiet(leader.page);
    await screenshot(leader.page, 'duty-day-14-leader-en-dark');
    expect(JSON.stringify(await axeViolations(leader.page))).toBe('[]');
  });
});
