/**
 * The duty day's screens: sign-in on the console, the carried-over items and
 * instruction follow-up, 交接班, 报表, 查岗, 考勤, the leader's desk, and their printouts.
 */
import type { Locator, Page } from 'playwright-core';

/** Waits until the short "saved" notifications are gone (before an axe check or a screenshot). */
export async function quiet(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Notification-root').length === 0, undefined, { timeout: 8000 });
}

export class DutyDayConsole {
  readonly signIn: Locator;
  readonly signedInAt: Locator;
  readonly attendanceStates: Locator;
  readonly carryOver: Locator;
  readonly todos: Locator;
  readonly followUps: Locator;
  readonly responsibility: Locator;
  constructor(readonly page: Page) {
    this.signIn = page.getByTestId('sign-in').getByRole('button');
    this.signedInAt = page.getByTestId('signed-in-at');
    this.attendanceStates = page.getByTestId('attendance-state');
    this.carryOver = page.getByTestId('carry-over');
    this.todos = this.carryOver.getByTestId('todo-item');
    this.followUps = page.getByTestId('console-followups').getByTestId('instruction-line');
    this.responsibility = page.getByTestId('responsibility');
  }
  async addTodo(text: string): Promise<void> {
    await this.carryOver.getByRole('textbox', { name: '内容' }).fill(text);
    await this.carryOver.getByRole('button', { name: '添加待办' }).click();
  }
  /** Moves an instruction's follow-up on (开始落实 / 已落实) with what was done. */
  async followUp(step: '开始落实' | '已落实', note: string): Promise<void> {
    await this.followUps.first().getByRole('button', { name: step }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('落实情况').fill(note);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}

export class HandoverScreen {
  readonly root: Locator;
  readonly state: Locator;
  readonly date: Locator;
  readonly notes: Locator;
  readonly submit: Locator;
  readonly confirm: Locator;
  readonly print: Locator;
  readonly confirmed: Locator;
  readonly logCounts: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('handover-page');
    this.state = page.getByTestId('handover-state');
    this.date = page.getByTestId('handover-date');
    this.notes = page.getByLabel('交班说明');
    this.submit = page.getByRole('button', { name: '交班', exact: true });
    this.confirm = page.getByRole('button', { name: '同意接班' });
    this.print = page.getByTestId('handover-print');
    this.confirmed = page.getByTestId('handover-confirmed');
    this.logCounts = page.getByTestId('handover-log-counts');
  }
}

export class PresenceScreen {
  readonly root: Locator;
  readonly form: Locator;
  readonly list: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('presence-page');
    this.form = page.getByTestId('presence-form');
    this.list = page.getByTestId('presence-list');
  }
  async recordReceived(checker: string, rings: number): Promise<void> {
    await this.form.getByText('登记上级查岗').click();
    await this.form.getByLabel('查岗单位及人员').fill(checker);
    await this.form.getByLabel('响铃声数').fill(String(rings));
    await this.form.getByRole('button', { name: '登记' }).click();
  }
  async recordMade(unit: string, answered: boolean, followUp: string): Promise<void> {
    await this.form.getByText('登记对下查岗').click();
    await this.form.getByLabel('被查单位', { exact: true }).click();
    await this.page.getByRole('option', { name: unit }).click();
    if (!answered) await this.form.getByLabel('已接听').uncheck();
    await this.form.getByLabel('处理情况').fill(followUp);
    await this.form.getByRole('button', { name: '登记' }).click();
  }
}

export class ReportsScreen {
  readonly root: Locator;
  readonly date: Locator;
  readonly state: Locator;
  readonly stats: Locator;
  readonly summary: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('daily-report');
    this.date = page.getByTestId('report-date');
    this.state = page.getByTestId('report-state');
    this.stats = page.getByTestId('report-stats');
    this.summary = page.getByTestId('report-summary');
  }
  button(name: '拟稿' | '审核通过' | '报送' | '前一天' | '后一天'): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }
  get print(): Locator {
    return this.root.getByTestId('daily-report-print');
  }
}

export class LeaderScreen {
  readonly root: Locator;
  readonly waiting: Locator;
  readonly instructions: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('leader-page');
    this.waiting = page.getByTestId('leader-waiting');
    this.instructions = page.getByTestId('leader-instructions').getByTestId('instruction-line');
  }
  /** 已知悉: acknowledges the escalation of an unaccepted handover, with a note. */
  async acknowledgeHandover(note: string): Promise<void> {
    await this.waiting.getByRole('button', { name: '已知悉' }).first().click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('知悉说明（可选）').fill(note);
    await dialog.getByRole('button', { name: '已知悉' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  async instruct(incidentTitle: string, text: string): Promise<void> {
    await this.waiting.locator('div', { hasText: incidentTitle }).getByRole('button', { name: '批示' }).last().click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('批示内容').fill(text);
    await dialog.getByRole('button', { name: '批示' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}

export class AttendanceScreen {
  readonly root: Locator;
  readonly sheet: Locator;
  readonly print: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('attendance-page');
    this.sheet = page.getByTestId('attendance-sheet');
    this.print = page.getByTestId('attendance-print');
  }
}
