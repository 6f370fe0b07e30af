/**
 * The shell around every in-app screen: navigation, the header's clock, lock,
 * language and account menu, and the alarm bar shown away from the console.
 */
import type { Locator, Page } from 'playwright-core';
import type { TestHost } from '../helpers';

export class Shell {
  readonly clock: Locator;
  readonly lockButton: Locator;
  readonly languageButton: Locator;
  /** Red bar leading back to the console while something is due. */
  readonly alarmBar: Locator;
  readonly readOnlyBanner: Locator;

  constructor(readonly page: Page) {
    this.clock = page.getByTestId('clock');
    this.lockButton = page.getByTestId('lock-button');
    this.languageButton = page.getByRole('button', { name: '切换语言 / Language' });
    this.alarmBar = page.getByTestId('alarm-bar');
    this.readOnlyBanner = page.getByTestId('read-only-banner');
  }

  /** A navigation entry by its label (值班台, 值班记录, 排班, 事件, 通讯录, 设置 …). */
  navLink(label: string): Locator {
    return this.page.getByRole('link', { name: label });
  }

  /** Opens a section from the navigation. */
  async open(label: string): Promise<void> {
    await this.navLink(label).click();
  }

  /** Loads a route of the app directly (`console`, `incidents/3`, `log?date=2026-11-24` …); print views are opened by their buttons, never by route. */
  async goto(host: TestHost, route: string): Promise<void> {
    await this.page.goto(`${host.host.url}/#/${route}`);
  }

  /** Moves to a route without reloading the page (keeps the session and the cache). */
  async navigate(route: string): Promise<void> {
    await this.page.evaluate((hash) => {
      location.hash = hash;
    }, `#/${route}`);
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: '账户' }).click();
    await this.page.getByRole('menuitem', { name: '退出登录' }).click();
  }
}
