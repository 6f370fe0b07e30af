/**
 * The duty-day e2e desk: a host on the test clock, set up, with the leader on
 * duty 李带班 and the officers 张值班 and 王值班 (each with their own login,
 * mobile 1390000000n), a roster the test publishes, and one Chromium page
 * per person in the day theme ("auto" would follow the machine's real clock).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { adminApi, artifactsDir, launchBrowser, loginUi, newPage, printToPdf, setupViaApi, startTestHost, type AdminCall, type TestHost } from '../helpers';
import { appPages, type AppPages } from '.';
import type { Output } from '../../../shared/contract';

/** A local wall time of the desk (Asia/Shanghai) as a UTC instant. */
export const at = (s: string): string => new Date(Date.parse(`${s}+08:00`)).toISOString();

export interface DutyDayE2e {
  host: TestHost;
  browser: Browser;
  /** Console errors of every page (a test ends by expecting none). */
  errors: string[];
  call: AdminCall;
  a: AppPages;
  b: AppPages;
  leader: AppPages;
}

export interface DutyDayPeople {
  call: AdminCall;
  ids: { leader: number; zhang: number; wang: number };
  /** The desk's default shift template (the test may rename it, add a 夜班, and assign). */
  shift: Output<'shifts.list'>[number];
}

/** Starts the host at `start` (local time), creates the three people and their logins, lets `roster` publish, and opens their pages. */
export async function startDutyDay(start: string, roster: (p: DutyDayPeople) => Promise<void>): Promise<DutyDayE2e> {
  const host = await startTestHost({ start: Date.parse(at(start)) });
  await setupViaApi(host);
  const call = await adminApi(host);
  const person = (name: string, roles: ('leader' | 'officer')[], i: number) =>
    call('people.create', { name, department: '应急指挥中心', title: null, officePhone: null, mobile: `1390000000${i}`, roles, sortOrder: i });
  const li = await person('李带班', ['leader'], 1);
  const zhang = await person('张值班', ['officer'], 2);
  const wang = await person('王值班', ['officer'], 3);
  await call('users.create', { login: 'lidaiban', password: 'secret123', personId: li.id, displayName: '李带班', roles: ['leader'] });
  await call('users.create', { login: 'zhangsan', password: 'secret123', personId: zhang.id, displayName: '张值班', roles: ['officer'] });
  await call('users.create', { login: 'wangwu', password: 'secret123', personId: wang.id, displayName: '王值班', roles: ['officer'] });
  const [shift] = await call('shifts.list', {});
  await roster({ call, ids: { leader: li.id, zhang: zhang.id, wang: wang.id }, shift: shift! });
  const browser = await launchBrowser();
  const errors: string[] = [];
  const open = async (login: string) => {
    const page = await newPage(browser, errors);
    await page.addInitScript(() => {
      if (!localStorage.getItem('dutydesk.theme')) localStorage.setItem('dutydesk.theme', 'light');
    });
    await loginUi(page, host, login, 'secret123');
    return appPages(page);
  };
  return { host, browser, errors, call, a: await open('zhangsan'), b: await open('wangwu'), leader: await open('lidaiban') };
}

/**
 * Prints the page on screen (a print view opened from its print button) to
 * `<artifacts>/<name>.pdf` — failing on any Type 3 font — keeps its first
 * page as `screens/<png>-1.png` to look at, and returns its text with runs of spaces folded.
 */
export async function printedText(page: Page, name: string, png = name): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const file = path.join(artifactsDir, `${name}.pdf`);
  await printToPdf(page, file);
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(artifactsDir, 'screens', png)]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/gu, ' ');
}
