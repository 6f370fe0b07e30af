/**
 * The registers from the desk, in Chromium: a 来访 logged on the console is
 * raised as a petition from its entry and found by the entry's content; the
 * petition is edited (fields, petitioners) with reasons and its versions say
 * what changed; 交办, 回访 and the leader's case (五包) are recorded; a
 * document gets its 拟办意见, 批示, 传阅 and result; a supervised item is
 * edited; the registers' settings change a day limit (the statute's figure
 * and source shown), a category and a sensitive period, and the next petition
 * counts from them. Screenshots in both themes and languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { adminApi, axeViolations, closeAll, openBrowser, screenshot, setupViaApi, startTestHost, type AdminCall, type TestHost } from './helpers';
import { appPages, openSection, pick, type AppPages } from './pages';

let host: TestHost;
let browser: Browser;
let page: Page;
let app: AppPages;
let api: AdminCall;
const pageErrors: string[] = [];
const visitText = '赵某来访反映小区违建占用消防通道';

beforeAll(async () => {
  host = await startTestHost(); // 2026-11-25 21:40 Asia/Shanghai
  await setupViaApi(host);
  api = await adminApi(host);
  ({ browser, page } = await openBrowser(host, pageErrors));
  app = appPages(page);
});
afterAll(() => closeAll(browser, host));

/** A dialog (Mantine modal) by its title. */
const dialog = (title: RegExp | string) => page.getByRole('dialog', { name: title });

describe('the registers from the desk', () => {
  it('logs a 来访 on the console, raises a petition from the entry and finds it by the entry’s content', async () => {
    await app.console.waitFor();
    await page.getByTestId('log-kind').getByText('来访', { exact: false }).click();
    await page.getByTestId('log-box').getByLabel('发话人').fill('赵某');
    await page.getByTestId('log-box').getByLabel('来话单位').fill('某小区业主');
    await app.console.log(visitText);
    await app.console.entry(visitText).waitFor();
    await app.console.entry(visitText).click();
    await page.getByRole('button', { name: '登记信访' }).click();
    // The form comes prefilled from the entry: the summary, the time, the visitor.
    const form = app.petitionForm.root;
    await form.waitFor();
    expect(await form.getByLabel('反映问题').inputValue()).toBe(visitText);
    expect(await form.getByTestId('petitioner-row').first().getByLabel('姓名').inputValue()).toBe('赵某');
    expect(await form.getByLabel('形式', { exact: true }).inputValue()).toBe('来访');
    await pick(form, page, '问题类别', '问题楼盘');
    await app.petitionForm.save();
    const detail = page.getByTestId('petition-detail');
    await detail.waitFor();
    await detail.getByText(visitText).waitFor();
    await detail.getByText('2026-11-25 21:40').or(detail.getByText('2026年11月25日 21:40')).first().waitFor();
    // The register finds it by the entry's words; the entry now links to it.
    await app.petitions.goto(host);
    await app.petitions.root.getByLabel('搜索').fill('消防通道');
    await expect.poll(() => app.petitions.rows.count()).toBe(1);
    expect(await app.petitions.rows.first().textContent()).toContain('XF2026-0001');
    await openSection(page, '值班台');
    await app.console.entry(visitText).click();
    await page.getByRole('button', { name: '已登记信访 XF2026-0001' }).click();
    await detail.waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('edits the petition’s fields and petitioners with reasons; the versions say what changed', async () => {
    const detail = page.getByTestId('petition-detail');
    await detail.getByRole('button', { name: '修改', exact: true }).click();
    const edit = dialog(/^修改 XF2026-0001/u);
    await pick(edit, page, '级别', '到市');
    await edit.getByLabel('人数').fill('2');
    await edit.getByLabel('修改原因').fill('核实为到市上访，同来2人');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    const versions = page.getByTestId('petition-versions');
    await versions.getByText('第2版').waitFor();
    expect(await versions.textContent()).toContain('级别：到区 → 到市');
    expect(await versions.textContent()).toContain('人数：1 → 2');
    expect(await versions.textContent()).toContain('核实为到市上访，同来2人');

    await detail.getByRole('button', { name: '调整信访人' }).click();
    const people = page.getByTestId('petitioners-edit');
    await people.getByRole('button', { name: '添加信访人' }).click();
    await people.getByTestId('petitioner-row').getByLabel('姓名').fill('孙某');
    await people.getByTestId('petitioner-row').getByLabel('联系电话').fill('13900001111');
    await people.getByLabel('修改原因').fill('补录同来的孙某');
    await people.getByRole('button', { name: '保存' }).click();
    await people.waitFor({ state: 'detached' });
    await detail.getByRole('cell', { name: '孙某', exact: true }).waitFor();
    await versions.getByText('第3版').waitFor();
    expect(await versions.textContent()).toContain('信访人：赵某 → 赵某、孙某');
    expect(await versions.textContent()).not.toContain('信访人：— →');

    await detail.getByRole('button', { name: '修改 赵某' }).click();
    const person = page.getByTestId('petitioner-edit');
    await person.getByLabel('联系电话').fill('13900002222');
    await page.getByRole('dialog').getByLabel('重点人员').check();
    await page.getByRole('dialog').getByLabel('修改原因').fill('补充联系电话');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await detail.getByRole('cell', { name: '13900002222' }).waitFor();
    await detail.getByText('重点人员').first().waitFor();
    await screenshot(page, 'registers-edit-01-petition-versions');
  });

  it('records 交办, 督办, 回访 and the leader’s case with its 五包 duties, notes and closing', async () => {
    const detail = page.getByTestId('petition-detail');
    await detail.getByLabel('承办单位').fill('区住建局');
    await detail.getByLabel('办理时限').fill('2026-12-05');
    await detail.getByRole('button', { name: '交办', exact: true }).last().click();
    await detail.getByText(/交办 区住建局/u).waitFor();
    await detail.locator('label').filter({ hasText: /^回访$/u }).click();
    await detail.getByLabel('经办人').fill('刘某');
    await detail.locator('label').filter({ hasText: /^满意$/u }).click();
    await detail.getByLabel('内容', { exact: true }).fill('电话回访，信访人对处理情况表示满意');
    await detail.getByRole('button', { name: '记录', exact: true }).first().click();
    await detail.getByText(/回访（刘某）：电话回访/u).waitFor();
    const c = page.getByTestId('petition-case');
    await c.getByLabel('包案领导').fill('陈副区长');
    await c.getByLabel('包掌握情况').check();
    await c.getByLabel('包解决问题').check();
    await c.getByRole('button', { name: '设为领导包案' }).click();
    await c.getByLabel('包案进展').waitFor();
    await c.getByLabel('包案进展').fill('陈副区长现场察看消防通道');
    await c.getByRole('button', { name: '记录', exact: true }).click();
    await c.getByText(/陈副区长现场察看消防通道/u).waitFor();
    await c.getByLabel('结案说明').fill('违建已拆除，通道恢复');
    await c.getByRole('button', { name: '结案' }).click();
    await c.getByText(/已结案：违建已拆除/u).waitFor();
    // Closed, the case still says whose it was and which duties were ticked; the facts name the leader.
    expect(await c.getByTestId('petition-case-duties').textContent()).toBe('包案领导：陈副区长✓ 包掌握情况✓ 包解决问题');
    expect(await detail.textContent()).toContain('包案领导陈副区长');
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe)).toEqual([]);
    await screenshot(page, 'registers-edit-02-petition-case');
  });

  it('a document gets its 拟办意见, the leader’s 批示, 传阅 and its result; its versions show each', async () => {
    const d = await api('documents.create', {
      kind: 'telegram',
      fromUnit: '市应急管理局',
      docNo: '明传〔2026〕90号',
      title: '关于做好强降温天气防范工作的通知',
      secrecy: 'internal',
      urgency: 'urgent',
      dueAt: '2026-11-27T17:00:00+08:00',
    });
    await page.goto(`${host.host.url}/#/documents/${d.id}`);
    const detail = page.getByTestId('document-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('document-proposal').textContent()).toBe('未填写');
    await detail.getByRole('button', { name: '填写拟办意见' }).click();
    const dlg = page.getByRole('dialog');
    await dlg.getByLabel('拟办意见').fill('拟呈带班领导阅示，转区气象局、区住建局落实');
    await dlg.getByRole('button', { name: '保存' }).click();
    await dlg.waitFor({ state: 'detached' });
    await expect.poll(() => detail.getByTestId('document-proposal').textContent()).toBe('拟呈带班领导阅示，转区气象局、区住建局落实');
    await detail.getByRole('button', { name: '录入领导批示' }).click();
    await page.getByRole('dialog').getByLabel('领导批示').fill('请各相关单位抓好落实。陈');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => detail.getByTestId('document-instruction').textContent()).toBe('请各相关单位抓好落实。陈');
    await detail.getByLabel('阅件人').fill('陈副区长');
    await detail.getByLabel('阅件意见').fill('已阅');
    await detail.getByRole('button', { name: '登记传阅' }).click();
    await detail.getByRole('cell', { name: '陈副区长' }).waitFor();
    await detail.getByLabel('办理结果').fill('已转发各相关单位，区住建局已部署');
    await detail.getByRole('button', { name: '登记办理结果' }).click();
    await detail.getByTestId('document-result').waitFor();
    const versions = page.getByTestId('document-versions');
    expect(await versions.textContent()).toContain('第2版');
    expect(await versions.textContent()).toContain('原因：填写拟办意见');
    expect(await versions.textContent()).toContain('原因：录入领导批示');
    expect(await versions.textContent()).toContain('领导批示：— → 请各相关单位抓好落实。陈');
    await detail.getByText('已办结').first().waitFor();
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe)).toEqual([]);
    await screenshot(page, 'registers-edit-03-document');
  });

  it('edits a supervised item with a reason, and voids a wrong piece of evidence with a reason', async () => {
    const item = await api('ledger.create', { source: 'instruction', title: '督促落实消防通道整治', ownerUnit: '区住建局', deadline: '2026-12-10' });
    await page.goto(`${host.host.url}/#/ledger/${item.id}`);
    const detail = page.getByTestId('ledger-detail');
    await detail.waitFor();
    await detail.getByRole('button', { name: '修改', exact: true }).click();
    const edit = page.getByTestId('ledger-edit').locator('xpath=ancestor::form');
    await edit.getByLabel('责任人').fill('周科长');
    await edit.getByLabel('修改原因').fill('明确责任人');
    await edit.getByRole('button', { name: '保存' }).click();
    await detail.getByText('区住建局 · 周科长').waitFor();
    await page.getByTestId('ledger-evidence-input').setInputFiles({ name: '错传的照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a photo') });
    await detail.getByRole('button', { name: '错传的照片.jpg', exact: true }).waitFor();
    await detail.getByRole('button', { name: '作废 错传的照片.jpg' }).click();
    await page.getByRole('dialog').getByLabel('作废原因').fill('上传错了文件');
    await page.getByRole('dialog').getByRole('button', { name: '作废' }).click();
    await detail.getByText(/已作废：上传错了文件/u).waitFor();
    const versions = page.getByTestId('ledger-versions');
    expect(await versions.textContent()).toContain('责任人：— → 周科长');
    await screenshot(page, 'registers-edit-04-ledger');
  });

  it('设置 → 信访与登记簿: a shorter local limit (the statute’s figure and source shown), a new category and a sensitive period apply to the next petition', async () => {
    await openSection(page, '设置');
    await page.getByRole('tab', { name: '信访与登记簿' }).click();
    const panel = page.getByTestId('register-settings');
    await panel.waitFor();
    const accept = panel.getByTestId('limit-acceptDays');
    expect(await accept.textContent()).toContain('15 日');
    expect(await accept.textContent()).toContain('《信访工作条例》：收到信访事项之日起15日内告知信访人是否受理');
    await accept.getByRole('textbox').fill('10');
    await accept.getByText('本地规定').waitFor();
    await panel.getByLabel('新类别').fill('物业管理');
    await panel.getByRole('button', { name: '添加类别' }).click();
    await panel.getByTestId('petition-categories').getByText('物业管理').waitFor();
    // 2027 has no official holiday data: the panel says so rather than offering nothing.
    await pick(panel, page, '从节假日添加', '2027年');
    await panel.getByText(/2027年没有节假日数据/u).waitFor();
    await panel.getByRole('button', { name: '添加时期' }).click();
    const row = panel.getByTestId('sensitive-period').last();
    await row.getByLabel('名称').fill('2027年全国两会');
    await row.getByLabel('开始日期').fill('2027-03-04');
    await row.getByLabel('结束日期').fill('2027-03-11');
    await screenshot(page, 'registers-edit-05-settings');
    await panel.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => panel.getByRole('button', { name: '保存' }).isDisabled()).toBe(true);

    const p = await api('petitions.create', { form: 'visit', persons: 1, level: 'district', category: '物业管理', summary: '反映物业乱收费', petitioners: [{ name: '吴某' }] });
    await page.goto(`${host.host.url}/#/petitions/${p.id}`);
    await page.getByTestId('petition-deadlines').getByText('2026-12-05').waitFor(); // 11-25 + 10 days
    await app.petitions.goto(host);
    await app.petitions.statsTab.click();
    await page.getByTestId('petition-stats').getByText('敏感时期').click();
    await page.getByLabel('选择敏感时期', { exact: true }).and(page.locator('input')).click();
    await page.getByRole('option', { name: /2027年全国两会/u }).waitFor();
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  });

  it(
    'reads in the light theme, the dark theme and in English (screenshots of the new screens)', async () => {
    const theme = async (name: string) => {
      for (let i = 0; i < 3 && !(await page.getByRole('button', { name }).count()); i += 1) await page.getByRole('button', { name: /^主题/u }).click();
    };
    // At 21:40 the automatic theme is dark: the day shift sees these in the light theme.
    await openSection(page, '设置');
    await theme('主题：浅色');
    await page.getByRole('tab', { name: '信访与登记簿' }).click();
    await page.getByTestId('register-settings').waitFor();
    const settingsAxe = await axeViolations(page);
    expect(settingsAxe, JSON.stringify(settingsAxe)).toEqual([]);
    await screenshot(page, 'registers-edit-12-settings-light');
    for (const [route, testId, name] of [
      ['petitions/1', 'petition-versions', 'registers-edit-13-petition-light'],
      ['documents/1', 'document-versions', 'registers-edit-14-document-light'],
      ['ledger/1', 'ledger-versions', 'registers-edit-15-ledger-light'],
    ] as const) {
      await page.goto(`${host.host.url}/#/${route}`);
      await page.getByTestId(testId).waitFor();
      const axe = await axeViolations(page);
      expect(axe, `${route}: ${JSON.stringify(axe)}`).toEqual([]);
      await screenshot(page, name);
    }
    await openSection(page, '设置');
    await theme('主题：深色');
    await page.getByRole('tab', { name: '信访与登记簿' }).click();
    await page.getByTestId('register-settings').waitFor();
    await screenshot(page, 'registers-edit-06-settings-dark');
    await page.goto(`${host.host.url}/#/petitions/1`);
    await page.getByTestId('petition-versions').waitFor();
    await screenshot(page, 'registers-edit-07-petition-dark');
    await app.shell.languageButton.click();
    await page.getByText('Versions').first().waitFor();
    await screenshot(page, 'registers-edit-08-petition-en-dark');
    await page.getByTestId('petition-detail').getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByTestId('petition-edit').waitFor();
    await screenshot(page, 'registers-edit-09-petition-edit-en-dark');
    await page.keyboard.press('Escape');
    await page.goto(`${host.host.url}/#/settings?tab=registers`);
    await page.getByTestId('register-settings').getByText('Regulations on Petition Work: tell the petitioner within 15 days of receipt whether it is accepted').waitFor();
    await screenshot(page, 'registers-edit-10-settings-en-dark');
    await page.goto(`${host.host.url}/#/documents/1`);
    await page.getByTestId('document-versions').waitFor();
    await screenshot(page, 'registers-edit-11-document-en-dark');
    expect(pageErrors).toEqual([]);
  });
});
