/**
 * 事件: the incident list, the incident form, an incident's detail with its
 * report chain and escalation, and the report form.
 */
import type { Locator, Page } from 'playwright-core';
import type { TestHost } from '../helpers';

export class IncidentListPage {
  readonly newButton: Locator;
  readonly exportButton: Locator;

  constructor(readonly page: Page) {
    this.newButton = page.getByRole('button', { name: '新建事件' });
    this.exportButton = page.getByRole('button', { name: '导出台账（Excel）' });
  }

  async goto(host: TestHost): Promise<void> {
    await this.page.goto(`${host.host.url}/#/incidents`);
  }

  /** The first place the list shows this text (an incident's title …). */
  showing(text: string, opts: { exact?: boolean } = {}): Locator {
    return this.page.getByText(text, opts).first();
  }
}

/** A filed report, printed as the official 突发事件信息报告. */
export class ReportPrintPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('report-print');
  }

  /** Opens the printout as the user does: the incident, then the report's 打印. */
  async open(host: TestHost, incidentId: number, reportId: number): Promise<void> {
    await this.page.goto(`${host.host.url}/#/incidents/${incidentId}`);
    await this.page.getByTestId(`report-print-${reportId}`).click();
    await this.root.waitFor();
  }
}

/** The incident form (new, from a log entry, or editing). */
export class IncidentForm {
  readonly root: Locator;
  readonly title: Locator;
  readonly location: Locator;
  readonly description: Locator;
  readonly deaths: Locator;
  readonly gradeSuggestion: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('incident-form');
    this.title = this.root.getByLabel('事件名称');
    this.location = this.root.getByLabel('事发地点');
    this.description = this.root.getByLabel('事件情况');
    this.deaths = this.root.getByLabel('死亡', { exact: true });
    this.gradeSuggestion = this.root.getByTestId('grade-suggestion');
    this.saveButton = page.getByRole('button', { name: '保存事件' });
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}

/** The report form (首报, 续报, 终报), its text prefilled from the incident. */
export class ReportForm {
  readonly root: Locator;
  readonly content: Locator;
  readonly recipient: Locator;
  readonly signedBy: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('report-form');
    this.content = this.root.getByLabel('报告内容');
    this.recipient = this.root.getByLabel('报送单位');
    this.signedBy = this.root.getByLabel('签发人');
  }

  /** Files the report (the button names it: 报送首报, 报送续报一 …) and waits for the form to close. */
  async file(title: string): Promise<void> {
    await this.root.getByRole('button', { name: `报送${title}` }).click();
    await this.root.waitFor({ state: 'detached' });
  }
}

export class EscalationPanel {
  readonly root: Locator;
  readonly startButton: Locator;
  readonly contactedButton: Locator;
  readonly acknowledgedBy: Locator;
  readonly instruction: Locator;
  readonly acknowledgeButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('escalation-panel');
    this.startButton = page.getByRole('button', { name: '开始逐级报告' });
    this.contactedButton = this.root.getByRole('button', { name: '已联系' });
    this.acknowledgedBy = this.root.getByLabel('确认人');
    this.instruction = this.root.getByLabel('批示内容');
    this.acknowledgeButton = this.root.getByRole('button', { name: '已确认' });
  }

  showing(text: string | RegExp): Locator {
    return this.root.getByText(text);
  }

  /** The 已告知 button of an always-inform step ("单位主要领导" …). */
  informButton(target: string): Locator {
    return this.root.getByRole('button', { name: new RegExp(`^已告知${target}`, 'u') });
  }

  /** Records that the current step's person confirmed, with their instruction (批示). */
  async acknowledge(by: string, instruction: string): Promise<void> {
    await this.acknowledgedBy.fill(by);
    await this.instruction.fill(instruction);
    await this.acknowledgeButton.click();
  }
}

export class IncidentDetailPage {
  readonly root: Locator;
  readonly levelBadge: Locator;
  readonly deadlines: Locator;
  readonly instructions: Locator;
  readonly escalation: EscalationPanel;
  /** The dialog asking why a closed incident is reopened. */
  readonly reopenDialog: Locator;
  readonly reopenReason: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('incident-detail');
    this.levelBadge = page.getByTestId('incident-level-badge');
    this.deadlines = page.getByTestId('deadline');
    this.instructions = page.getByTestId('instructions');
    this.escalation = new EscalationPanel(page);
    this.reopenDialog = page.getByRole('dialog', { name: '重新打开事件' });
    this.reopenReason = this.reopenDialog.getByLabel('重新打开的原因');
  }

  async goto(host: TestHost, id: number): Promise<void> {
    await this.page.goto(`${host.host.url}/#/incidents/${id}`);
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.root.waitFor();
  }

  /** The incident's id, from the address. */
  idFromUrl(): number {
    return Number(/incidents\/(\d+)/u.exec(this.page.url())![1]);
  }

  /** Opens the report form for the next report (首报, 续报一 …). */
  async startReport(title: string): Promise<ReportForm> {
    await this.page.getByRole('button', { name: `报送${title}` }).click();
    return new ReportForm(this.page);
  }

  /** A filed report's row, by its title. */
  report(title: string): Locator {
    return this.page.getByTestId('report-row').filter({ hasText: title });
  }

  lateBadgeOf(report: Locator): Locator {
    return report.getByTestId('report-late');
  }

  /** The status button "改为<status>" (已结束, 处置中 …). */
  moveToButton(status: string): Locator {
    return this.page.getByRole('button', { name: `改为${status}` });
  }

  /** The reopen dialog's confirm button (also "改为<status>"). */
  reopenConfirm(status: string): Locator {
    return this.reopenDialog.getByRole('button', { name: `改为${status}` });
  }

  showing(text: string | RegExp, opts: { exact?: boolean } = {}): Locator {
    return this.root.getByText(text, opts);
  }
}
