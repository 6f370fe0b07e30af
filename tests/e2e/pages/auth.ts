/**
 * The screens before the shell: first-run setup, login, and the lock screen
 * (which keeps the alarm going).
 */
import type { Locator, Page } from 'playwright-core';

export interface SetupValues {
  deskName: string;
  dutyPhone: string;
  fax: string;
  adminName: string;
  adminLogin: string;
  adminPassword: string;
}

export class SetupPage {
  readonly heading: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '首次设置' });
    this.submit = page.getByRole('button', { name: '完成设置并登录' });
  }

  async complete(v: SetupValues): Promise<void> {
    const p = this.page;
    await p.getByLabel('单位名称').fill(v.deskName);
    await p.getByLabel('值班电话').fill(v.dutyPhone);
    await p.getByLabel('传真').fill(v.fax);
    await p.getByLabel('姓名').fill(v.adminName);
    await p.getByLabel('登录名').fill(v.adminLogin);
    await p.getByLabel(/^密码/).fill(v.adminPassword);
    await p.getByLabel('再次输入密码').fill(v.adminPassword);
    await this.submit.click();
  }
}

export class LoginPage {
  readonly login: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.login = page.getByLabel('登录名');
    this.password = page.getByLabel('密码');
    this.submit = page.getByRole('button', { name: '登录' });
  }

  async signIn(login: string, password: string): Promise<void> {
    await this.login.fill(login);
    await this.password.fill(password);
    await this.submit.click();
  }
}

export class LockScreen {
  readonly heading: Locator;
  readonly password: Locator;
  readonly unlockButton: Locator;
  /** How many items wait (never their titles). */
  readonly lockedAlarm: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '值守台已锁定' });
    this.password = page.getByLabel('密码');
    this.unlockButton = page.getByRole('button', { name: '解锁' });
    this.lockedAlarm = page.getByTestId('locked-alarm');
  }

  async unlock(password: string): Promise<void> {
    await this.password.fill(password);
    await this.unlockButton.click();
  }
}
