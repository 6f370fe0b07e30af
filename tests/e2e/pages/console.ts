/**
 * 值班台, the console: who is on duty, the due list, the log box with tonight's
 * timeline, the chain head.
 */
import type { Locator, Page } from 'playwright-core';

export class ConsolePage {
  readonly root: Locator;
  /** The log box's summary field: focused whenever nothing else is. */
  readonly summary: Locator;
  /** The log box's saved / refused message. */
  readonly logStatus: Locator;
  readonly timeline: Locator;
  /** Tonight's entries, newest first. */
  readonly entries: Locator;
  readonly dueItems: Locator;
  readonly onDuty: Locator;
  readonly handoverCountdown: Locator;
  readonly wallboardLink: Locator;
  /** The newest leader instruction (批示). */
  readonly instruction: Locator;
  readonly chainHead: Locator;
  readonly chainHeadSeq: Locator;
  readonly chainHeadHash: Locator;
  /** The chain head's QR code drawing. */
  readonly chainHeadQr: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('console');
    this.summary = page.getByTestId('log-summary');
    this.logStatus = page.getByTestId('log-status');
    this.timeline = page.getByTestId('log-timeline');
    this.entries = page.getByTestId('log-entry');
    this.dueItems = page.getByTestId('due-item');
    this.onDuty = page.getByTestId('on-duty-card');
    this.handoverCountdown = page.getByTestId('handover-countdown');
    this.wallboardLink = this.onDuty.getByRole('link', { name: '值班大屏' });
    this.instruction = page.getByTestId('console-instruction');
    this.chainHead = page.getByTestId('chain-head');
    this.chainHeadSeq = page.getByTestId('chain-head-seq');
    this.chainHeadHash = page.getByTestId('chain-head-hash');
    this.chainHeadQr = this.chainHead.locator('svg[role="img"] path');
  }

  async waitFor(): Promise<void> {
    await this.root.waitFor();
  }

  /** An entry on tonight's timeline, by (part of) its text. */
  entry(text: string, opts: { exact?: boolean } = {}): Locator {
    return this.timeline.getByText(text, opts);
  }

  /** The whole row of the timeline entry holding this text (summary, source, handling). */
  entryRow(text: string): Locator {
    return this.timeline.getByRole('button').filter({ hasText: text });
  }

  /** A due item by the text it shows (书面报告, an incident title …). */
  dueItem(text: string): Locator {
    return this.dueItems.filter({ hasText: text });
  }

  countdownOf(item: Locator): Locator {
    return item.getByTestId('due-countdown');
  }

  /** In an entry's dialog (opened by clicking it): raise an incident from it. */
  get raiseIncidentButton(): Locator {
    return this.page.getByRole('button', { name: '转为事件' });
  }

  /** Types a summary into the log box and saves it with Ctrl+Enter. */
  async log(summary: string): Promise<void> {
    await this.summary.fill(summary);
    await this.summary.press('Control+Enter');
  }
}

/** 值班大屏, the wallboard for the duty room screen. */
export class WallboardPage {
  readonly root: Locator;
  readonly duty: Locator;
  readonly people: Locator;
  readonly incidents: Locator;
  readonly handover: Locator;
  readonly report: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('wallboard');
    this.duty = page.getByTestId('wallboard-duty');
    this.people = page.getByTestId('wallboard-person');
    this.incidents = page.getByTestId('wallboard-incident');
    this.handover = page.getByTestId('wallboard-handover');
    this.report = page.getByTestId('wallboard-report');
  }
  person(name: string): Locator {
    return this.people.filter({ hasText: name });
  }
}
