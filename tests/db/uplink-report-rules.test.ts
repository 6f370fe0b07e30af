/**
 * Report rules a district prescribes, on the desk alone (no hub): migration
 * 0160 keeps the inbox and lets it hold them; a received message changes
 * nothing until the admin applies it (through the reports domain's setting,
 * audited), a zero report then reads the prescribed wording; a repeated
 * pull does not deliver it twice; an item is handled once.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dbFileName } from '../../electron/core/store/connection';
import { latestVersion, migrate } from '../../electron/core/store/migrations';
import { receiveMessages } from '../../electron/core/uplink/service';
import type { DownMessage } from '../../shared/hub-protocol';
import { makeDesk, tempDir, type TestDesk } from '../helpers/core';

let desk: TestDesk | undefined;
const dirs: string[] = [];
afterEach(() => {
  desk?.close();
  desk = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const rules = (version: number, over: Partial<Extract<DownMessage['payload'], { kind: 'reportRules' }>> = {}): DownMessage => ({
  version,
  sentAt: '2026-11-25T13:30:00.000Z',
  payload: { kind: 'reportRules', title: '关于调整值班日报报送时间的通知', mode: 'clock', cutoffMinutes: 16 * 60, zeroWording: '{时段}无突发事件，值班正常。', from: '端州区总值班室', ...over },
});

describe('migration 0160', () => {
  it('keeps a desk’s inbox from 0130 and lets it hold report rules, nothing else new', () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = new Database(path.join(dir, dbFileName));
    migrate(db, { target: 130 });
    db.prepare("INSERT INTO uplink_inbox (version, kind, payload, sent_at, received_at, state, handled_at, handled_by, result) VALUES (3, 'notice', '{}', 'a', 'b', 'done', 'c', '张三', '{}')").run();
    expect(() => db.prepare("INSERT INTO uplink_inbox (version, kind, payload, sent_at, received_at) VALUES (4, 'reportRules', '{}', 'a', 'b')").run()).toThrow(/CHECK/u);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare('SELECT version, kind, state, handled_by FROM uplink_inbox').all()).toEqual([{ version: 3, kind: 'notice', state: 'done', handled_by: '张三' }]);
    db.prepare("INSERT INTO uplink_inbox (version, kind, payload, sent_at, received_at) VALUES (4, 'reportRules', '{}', 'a', 'b')").run();
    expect(() => db.prepare("INSERT INTO uplink_inbox (version, kind, payload, sent_at, received_at) VALUES (5, 'script', '{}', 'a', 'b')").run()).toThrow(/CHECK/u);
    expect(() => db.prepare("INSERT INTO uplink_inbox (version, kind, payload, sent_at, received_at) VALUES (4, 'notice', '{}', 'a', 'b')").run()).toThrow(/UNIQUE/u);
    db.close();
  });
});

describe('prescribed report rules at the desk', () => {
  it('are received with an audited receipt, applied only by the admin, once, into the daily report’s own setting', async () => {
    const d = (desk = await makeDesk());
    const before = await d.call(d.admin, 'dailyReport.rules', {});
    receiveMessages(d.core, [rules(11)], 11);
    // A repeated pull delivers nothing twice.
    receiveMessages(d.core, [rules(11)], 11);
    const receipts = d.core.db.prepare("SELECT after FROM audit_log WHERE action = 'hubRules.receive'").all() as { after: string }[];
    expect(receipts).toHaveLength(1);
    expect(JSON.parse(receipts[0]!.after)).toMatchObject({ version: 11, cutoffMinutes: 960, from: '端州区总值班室' });
    expect(await d.call(d.admin, 'dailyReport.rules', {})).toEqual(before);
    const [item] = (await d.call(d.admin, 'uplink.inbox', {})).open;
    expect(item).toMatchObject({ kind: 'reportRules', rules: { mode: 'clock', cutoffMinutes: 960, zeroWording: '{时段}无突发事件，值班正常。' } });
    const officer = await d.login(['officer']);
    expect(await d.fail(officer, 'uplink.applyReportRules', { id: item!.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await d.fail(d.admin, 'uplink.applyReportRules', { id: 999 })).toMatchObject({ code: 'NOT_FOUND' });
    await d.call(d.admin, 'uplink.applyReportRules', { id: item!.id, reason: '按区总值班室通知执行' });
    expect(await d.call(d.admin, 'dailyReport.rules', {})).toEqual({ ...before, cutoffMinutes: 960, zeroWording: '{时段}无突发事件，值班正常。' });
    expect(d.core.db.prepare("SELECT reason FROM audit_log WHERE action = 'hubRules.apply'").get()).toEqual({ reason: '按区总值班室通知执行' });
    expect(await d.fail(d.admin, 'uplink.applyReportRules', { id: item!.id })).toMatchObject({ code: 'CONFLICT', messageKey: 'uplink.errors.handled' });
    expect(await d.call(officer, 'uplink.prescribed', {})).toMatchObject({ version: 11, title: '关于调整值班日报报送时间的通知', from: '端州区总值班室', appliedBy: '管理员', inForce: true });
    // 21:40 on the 25th: the 26th's report runs from 16:00 on the 25th, and nothing reportable happened — the prescribed words.
    const draft = await d.call(officer, 'dailyReport.draft', { date: '2026-11-26', summary: null });
    expect(draft.kind).toBe('zero');
    expect(draft.summary).toBe('2026年11月25日16时至26日16时无突发事件，值班正常。');
  });

  it('a wording the district leaves out keeps the desk’s standard one; report rules a desk cannot read are never stored', async () => {
    const d = (desk = await makeDesk());
    receiveMessages(d.core, [rules(12, { zeroWording: null, cutoffMinutes: 15 * 60 })], 12);
    const [item] = (await d.call(d.admin, 'uplink.inbox', {})).open;
    await d.call(d.admin, 'uplink.applyReportRules', { id: item!.id });
    const view = await d.call(d.admin, 'dailyReport.get', { date: '2026-11-26' });
    expect(view.suggestedSummary).toBe('2026年11月25日15时至26日15时，我单位未发生需要报告的突发事件和重要情况，值班秩序正常。特此报告。');
    expect(() => receiveMessages(d.core, [rules(13, { cutoffMinutes: 2000 })], 13)).toThrow();
    expect((await d.call(d.admin, 'uplink.inbox', {})).open).toEqual([]);
  });
});
