/**
 * The desk's outbox and inbox against a real hub, on both engines: a real
 * desk core (SQLite in a temp folder) enrols with a one-time code from 设置,
 * drains its chain, keeps working offline and drains the backlog when the
 * link returns; notices, holiday notices and presence checks come down, and
 * the desk's acknowledgement, application and answer go back up in its own
 * stream — where the hub's views find them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Hub } from '../../hub/hub';
import { serve, type RunningServer } from '../../hub/server';
import { sendDown } from '../../hub/downward';
import { board, checkMonth, noticeStatus } from '../../hub/views';
import { startOutbox, type Outbox } from '../../electron/core/uplink/outbox';
import { auditHead } from '../../electron/core/audit/chain';
import { makeDesk, type TestDesk } from '../helpers/core';
import { engineKinds, useHubTestEnv } from './env';
import { streamFacts } from './fixtures';
import type { Connection } from '../../electron/core/context';

const env = useHubTestEnv();
const adminToken = 'uplink-test-admin-token-0123';

const notice2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（农历除夕、周六）至13日（周六）放假调休，共8天。2月14日（周日）上班。`;

describe.each(engineKinds)('a desk and its hub on the %s engine', (kind) => {
  let hub: Hub;
  let server: RunningServer;
  let port = 0;
  let desk: TestDesk;
  let outbox: Outbox;
  let officer: Connection;

  const restartServer = async (): Promise<void> => {
    server = await serve(hub, { adminToken, port });
  };

  beforeAll(async () => {
    if (kind === 'pg' && env.pgSkipped) return;
    desk = await makeDesk();
    // The hub's clock is the desk's test clock: seconds-to-answer and expiries are exact.
    hub = await Hub.open(await env.freshEngine(kind), { now: () => new Date(desk.clock.now()) });
    server = await serve(hub, { adminToken });
    port = Number(new URL(server.url).port);
    outbox = startOutbox(desk.core, { pollMs: 3_600_000, debounceMs: 3_600_000, timeoutMs: 5_000 });
    officer = await desk.login(['officer'], 'zhangwei');
  });
  afterAll(async () => {
    outbox?.stop();
    await server?.close();
    await hub?.close();
    desk?.close();
  });
  beforeEach((ctx) => {
    if (kind === 'pg' && env.pgSkipped) ctx.skip();
  });

  it('is off until enrolled; a wrong code is refused with the hub’s reason, nothing recorded', async () => {
    expect(await desk.call(desk.admin, 'uplink.status', {})).toMatchObject({ state: 'off', enrolled: false, pending: 0 });
    const e = await desk.fail(desk.admin, 'uplink.enrol', { hubUrl: server.url, code: 'AAAA-BBBB-CCCC' });
    expect(e).toMatchObject({ code: 'CONFLICT', messageKey: 'uplink.errors.refused' });
    expect(String(e.details?.message)).toContain('登记码无效');
    const bad = await desk.fail(desk.admin, 'uplink.enrol', { hubUrl: 'ftp://x', code: 'AAAA-BBBB-CCCC' });
    expect(bad.details?.issues?.[0]).toMatchObject({ path: 'hubUrl', messageKey: 'validation.hubUrl' });
    expect(await desk.fail(officer, 'uplink.enrol', { hubUrl: server.url, code: 'AAAA-BBBB-CCCC' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('enrols from 设置 with a one-time code (audited) and drains its whole chain', async () => {
    const { code } = await hub.createEnrolCode({ unitHint: '测试' });
    const st = await desk.call(desk.admin, 'uplink.enrol', { hubUrl: `${server.url}/`, code });
    expect(st).toMatchObject({ enrolled: true, hubUrl: server.url });
    const row = desk.core.db.prepare("SELECT actor, after FROM audit_log WHERE action = 'uplink.enrol'").get() as { actor: string; after: string };
    expect(row.actor).toBe('admin');
    expect(JSON.parse(row.after)).toMatchObject({ url: server.url });
    for (let i = 0; i < 5; i += 1) await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: `区应急局来电 ${i}` });
    const r = await outbox.tick();
    expect(r.error).toBeNull();
    const deskId = desk.core.deskId()!;
    const facts = await streamFacts(hub.engine, deskId);
    expect(facts).toMatchObject({ verifies: true, headSeq: auditHead(desk.core.db).seq });
    expect(facts.rows).toBe(facts.distinct);
    expect(await desk.call(officer, 'uplink.status', {})).toMatchObject({ state: 'connected', pending: 0, offlineSince: null });
    // The board knows the desk and its duty (reported into the stream; nobody is rostered in this desk).
    const b = await board(hub.engine, { date: '2026-11-25', since: '2026-11-25T00:00:00Z', until: '2026-11-26T00:00:00Z' }, new Date(desk.clock.now()));
    expect(b.find((d) => d.deskId === deskId)).toMatchObject({ online: true, duty: { dutyDate: '2026-11-25', shifts: [] }, dailyReport: { state: 'missing' } });
  });

  it('the board shows the desk’s zero report once filed, from the stream alone', async () => {
    const deskId = desk.core.deskId()!;
    const day = { date: '2026-11-25', since: '2026-11-24T16:00:00Z', until: '2026-11-25T16:00:00Z' };
    const draft = await desk.call(desk.admin, 'dailyReport.draft', { date: '2026-11-25', summary: null });
    await outbox.tick();
    let row = (await board(hub.engine, day, new Date(desk.clock.now()))).find((d) => d.deskId === deskId)!;
    expect(row.dailyReport).toMatchObject({ state: 'drafted' });
    const reviewed = await desk.call(desk.admin, 'dailyReport.review', { id: draft.id, expectedVersion: draft.version, note: null });
    // Sent (by phone) at 16:30, before the desk's 17:00 cutoff, recorded now.
    await desk.call(desk.admin, 'dailyReport.send', { id: reviewed.id, expectedVersion: reviewed.version, recipient: '区总值班室', method: 'phone', sentAt: '2026-11-25T16:30:00+08:00' });
    await outbox.tick();
    row = (await board(hub.engine, day, new Date(desk.clock.now()))).find((d) => d.deskId === deskId)!;
    expect(row.dailyReport).toMatchObject({ state: 'filed', kind: draft.kind, sentAt: expect.any(String) });
    // Another date's board does not count it.
    const other = (await board(hub.engine, { date: '2026-11-24', since: '2026-11-23T16:00:00Z', until: '2026-11-24T16:00:00Z' }, new Date(desk.clock.now()))).find((d) => d.deskId === deskId)!;
    expect(other.dailyReport.state).toBe('missing');
  });

  it('keeps working offline, shows 离线 since … and N pending, and drains the backlog when the link returns', async () => {
    await server.close();
    const wentOffline = desk.clock.now();
    for (let i = 0; i < 40; i += 1) await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: `离线期间来电 ${i}` });
    expect((await outbox.tick()).error).toBe('UNREACHABLE');
    desk.clock.advance(3 * 86_400_000); // days offline
    for (let i = 0; i < 3; i += 1) await desk.call(officer, 'log.create', { kind: 'outgoing_call', summary: `第三天 ${i}` });
    await outbox.tick();
    const off = await desk.call(officer, 'uplink.status', {});
    expect(off.state).toBe('offline');
    expect(off.offlineSince).toBe(new Date(wentOffline).toISOString());
    expect(off.pending).toBeGreaterThanOrEqual(43);
    await restartServer();
    const back = await desk.call(officer, 'uplink.syncNow', {});
    expect(back).toMatchObject({ state: 'connected', pending: 0, offlineSince: null, error: null });
    const facts = await streamFacts(hub.engine, desk.core.deskId()!);
    expect(facts).toMatchObject({ verifies: true, headSeq: auditHead(desk.core.db).seq });
    expect(facts.rows).toBe(facts.distinct);
  });

  it('crosses a key rotation: batches cut at the rotation, the rest signed with the new key', async () => {
    await desk.call(desk.admin, 'audit.rotateKey', { reason: '定期更换' });
    await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: '更换密钥后的来电' });
    expect((await outbox.tick()).error).toBeNull();
    const facts = await streamFacts(hub.engine, desk.core.deskId()!);
    expect(facts).toMatchObject({ verifies: true, headSeq: auditHead(desk.core.db).seq });
  });

  it('shows a notice until acknowledged; the receipt and the acknowledgement travel up', async () => {
    const deskId = desk.core.deskId()!;
    const m = await sendDown(hub.engine, { kind: 'notice', title: '关于做好寒潮防范的通知', body: '各乡镇值班室：……', from: '区总值班室' }, null, 'hubofficer', new Date(desk.clock.now()));
    const other = await sendDown(hub.engine, { kind: 'notice', title: '只发给另一台席', body: '', from: '区总值班室' }, [deskId], 'hubofficer', new Date(desk.clock.now()));
    void other;
    await outbox.tick();
    const box = await desk.call(officer, 'uplink.inbox', {});
    const item = box.open.find((i) => i.version === m.version)!;
    expect(item).toMatchObject({ kind: 'notice', title: '关于做好寒潮防范的通知', from: '区总值班室', state: 'open' });
    // Pulled twice: held once.
    await outbox.tick();
    expect((await desk.call(officer, 'uplink.inbox', {})).open.filter((i) => i.version === m.version)).toHaveLength(1);
    let status = (await noticeStatus(hub.engine, 'notice')).find((n) => n.message.version === m.version)!;
    expect(status.desks.find((d) => d.deskId === deskId)).toMatchObject({ received: expect.any(String), handled: null });
    await desk.call(officer, 'uplink.ackNotice', { id: item.id });
    expect(await desk.fail(officer, 'uplink.ackNotice', { id: item.id })).toMatchObject({ code: 'CONFLICT' });
    await outbox.tick();
    status = (await noticeStatus(hub.engine, 'notice')).find((n) => n.message.version === m.version)!;
    expect(status.desks.find((d) => d.deskId === deskId)).toMatchObject({ handled: expect.any(String), handledBy: 'zhangwei' });
  });

  it('a notice for other desks never reaches this one', async () => {
    const other = await makeDesk();
    try {
      const { code } = await hub.createEnrolCode();
      await other.call(other.admin, 'uplink.enrol', { hubUrl: server.url, code });
      const m = await sendDown(hub.engine, { kind: 'notice', title: '仅另一台席', body: '', from: '区总值班室' }, [other.core.deskId()!], 'hubofficer', new Date(desk.clock.now()));
      await outbox.tick();
      expect((await desk.call(officer, 'uplink.inbox', {})).open.some((i) => i.version === m.version)).toBe(false);
    } finally {
      other.close();
    }
  });

  it('rings a presence check until answered 在岗: seconds, who and within the limit flow up; unanswered is 漏岗', async () => {
    const deskId = desk.core.deskId()!;
    const onTime = await sendDown(hub.engine, { kind: 'check', limitSeconds: 60, from: '区总值班室' }, [deskId], 'hubofficer', new Date(desk.clock.now()));
    await outbox.tick();
    const item = (await desk.call(officer, 'uplink.inbox', {})).open.find((i) => i.version === onTime.version)!;
    expect(item).toMatchObject({ kind: 'check', limitSeconds: 60, dueAt: new Date(Date.parse(onTime.sentAt) + 60_000).toISOString() });
    desk.clock.advance(23_000);
    const answered = await desk.call(officer, 'uplink.answerCheck', { id: item.id });
    expect(answered.answer).toEqual({ seconds: 23, withinLimit: true });
    const audit = desk.core.db.prepare("SELECT actor, after FROM audit_log WHERE action = 'hubCheck.answer'").get() as { actor: string; after: string };
    expect(audit.actor).toBe('zhangwei');

    const late = await sendDown(hub.engine, { kind: 'check', limitSeconds: 60, from: '区总值班室' }, [deskId], 'hubofficer', new Date(desk.clock.now()));
    const missed = await sendDown(hub.engine, { kind: 'check', limitSeconds: 60, from: '区总值班室' }, [deskId], 'hubofficer', new Date(desk.clock.now()));
    await outbox.tick();
    desk.clock.advance(95_000);
    const lateItem = (await desk.call(officer, 'uplink.inbox', {})).open.find((i) => i.version === late.version)!;
    expect((await desk.call(officer, 'uplink.answerCheck', { id: lateItem.id })).answer).toEqual({ seconds: 95, withinLimit: false });
    await outbox.tick();

    const month = new Date(desk.clock.now()).toISOString().slice(0, 7);
    const r = await checkMonth(hub.engine, { since: `${month}-01T00:00:00Z`, until: '2100-01-01T00:00:00Z' }, new Date(desk.clock.now()));
    const byVersion = new Map(r.checks.map((c) => [c.version, c]));
    expect(byVersion.get(onTime.version)).toMatchObject({ outcome: 'onTime', answer: { seconds: 23, withinLimit: true, answeredBy: 'zhangwei', onDuty: null } });
    expect(byVersion.get(late.version)).toMatchObject({ outcome: 'late' });
    expect(byVersion.get(missed.version)).toMatchObject({ outcome: 'missed', answer: null });
    expect(r.rows.find((x) => x.deskId === deskId)).toMatchObject({ sent: 3, onTime: 1, late: 1, missed: 2 });
  });

  it('applies the holiday notice entered once at the hub, with the desk admin’s confirmation, audited', async () => {
    const deskId = desk.core.deskId()!;
    expect((await desk.call(desk.admin, 'calendar.years', {})).some((y) => y.year === 2027)).toBe(false);
    const m = await sendDown(hub.engine, { kind: 'holiday', year: 2027, title: '国务院办公厅关于2027年部分节假日安排的通知', text: notice2027, from: '区总值班室' }, null, 'hubadmin', new Date(desk.clock.now()));
    await outbox.tick();
    const item = (await desk.call(desk.admin, 'uplink.inbox', {})).open.find((i) => i.version === m.version)!;
    // Nothing is applied before the admin confirms.
    expect((await desk.call(desk.admin, 'calendar.years', {})).some((y) => y.year === 2027)).toBe(false);
    const preview = await desk.call(desk.admin, 'uplink.previewHoliday', { id: item.id });
    expect(preview.problems).toEqual([]);
    expect(preview.days).toContainEqual({ date: '2027-02-14', type: 'makeup', name: '春节' });
    expect(await desk.fail(officer, 'uplink.applyHoliday', { id: item.id })).toMatchObject({ code: 'FORBIDDEN' });
    await desk.call(desk.admin, 'uplink.applyHoliday', { id: item.id });
    expect((await desk.call(desk.admin, 'calendar.years', {})).find((y) => y.year === 2027)).toMatchObject({ source: 'desk' });
    const range = await desk.call(desk.admin, 'calendar.range', { from: '2027-02-06', to: '2027-02-06' });
    expect(range.days[0]).toMatchObject({ type: 'holiday' });
    await outbox.tick();
    const s = (await noticeStatus(hub.engine, 'holiday')).find((n) => n.message.version === m.version)!;
    expect(s.desks.find((d) => d.deskId === deskId)).toMatchObject({ handled: expect.any(String), declined: false, handledBy: '管理员' });
  });

  it('applies the daily-report deadline and zero-report wording the district prescribes, with the admin’s confirmation, audited; shows them and their source', async () => {
    const deskId = desk.core.deskId()!;
    const before = await desk.call(desk.admin, 'dailyReport.rules', {});
    expect(before.cutoffMinutes).toBe(17 * 60);
    const m = await sendDown(
      hub.engine,
      { kind: 'reportRules', title: '关于每日15时前报送值班日报的通知', mode: 'clock', cutoffMinutes: 15 * 60, zeroWording: '{时段}，本单位无需要报告的突发事件，值班正常。', from: '区总值班室' },
      null,
      'hubadmin',
      new Date(desk.clock.now()),
    );
    await outbox.tick();
    const item = (await desk.call(officer, 'uplink.inbox', {})).open.find((i) => i.version === m.version)!;
    expect(item).toMatchObject({ kind: 'reportRules', title: '关于每日15时前报送值班日报的通知', rules: { mode: 'clock', cutoffMinutes: 900 } });
    // Nothing changes before the admin confirms; an officer cannot.
    expect((await desk.call(desk.admin, 'dailyReport.rules', {})).cutoffMinutes).toBe(17 * 60);
    expect(await desk.call(desk.admin, 'uplink.prescribed', {})).toBeNull();
    expect(await desk.fail(officer, 'uplink.applyReportRules', { id: item.id })).toMatchObject({ code: 'FORBIDDEN' });
    await desk.call(desk.admin, 'uplink.applyReportRules', { id: item.id });
    // The reports domain's own setting, its recipient kept; both changes audited.
    expect(await desk.call(desk.admin, 'dailyReport.rules', {})).toEqual({ ...before, cutoffMinutes: 900, zeroWording: '{时段}，本单位无需要报告的突发事件，值班正常。' });
    const rows = desk.core.db.prepare("SELECT action, entity_id, reason FROM audit_log WHERE action IN ('settings.update', 'hubRules.apply') ORDER BY seq DESC LIMIT 2").all();
    expect(rows).toEqual([
      { action: 'hubRules.apply', entity_id: String(m.version), reason: '上级规定：关于每日15时前报送值班日报的通知' },
      { action: 'settings.update', entity_id: 'dailyReport.rules', reason: null },
    ]);
    expect(await desk.call(officer, 'uplink.prescribed', {})).toMatchObject({ version: m.version, from: '区总值班室', cutoffMinutes: 900, appliedBy: '管理员', inForce: true });
    // The daily report is due at 15:00 now, and a zero report reads the prescribed wording.
    const view = await desk.call(officer, 'dailyReport.get', { date: '2026-11-26' });
    expect(view.dueAt).toBe('2026-11-26T07:00:00.000Z');
    expect(view.suggestedSummary).toMatch(/^2026年11月25日15时至26日15时，本单位无需要报告的突发事件，值班正常。$/u);
    // The hub sees it applied, from the stream.
    await outbox.tick();
    const s = (await noticeStatus(hub.engine, 'reportRules')).find((n) => n.message.version === m.version)!;
    expect(s.desks.find((d) => d.deskId === deskId)).toMatchObject({ received: expect.any(String), handled: expect.any(String), declined: false, handledBy: '管理员' });
    // The desk's admin may change its own rules later: the prescribed ones then show as no longer in force.
    await desk.call(desk.admin, 'dailyReport.setRules', { ...before, cutoffMinutes: 16 * 60 });
    expect(await desk.call(officer, 'uplink.prescribed', {})).toMatchObject({ inForce: false });
    await desk.call(desk.admin, 'dailyReport.setRules', before);
  });

  it('a desk may decline prescribed report rules, with a reason that travels up', async () => {
    const deskId = desk.core.deskId()!;
    const m = await sendDown(hub.engine, { kind: 'reportRules', title: '试行规定', mode: 'handover', cutoffMinutes: 0, zeroWording: null, from: '区总值班室' }, [deskId], 'hubadmin', new Date(desk.clock.now()));
    await outbox.tick();
    const item = (await desk.call(desk.admin, 'uplink.inbox', {})).open.find((i) => i.version === m.version)!;
    expect(await desk.fail(desk.admin, 'uplink.declineReportRules', { id: item.id, reason: '' })).toMatchObject({ code: 'VALIDATION' });
    await desk.call(desk.admin, 'uplink.declineReportRules', { id: item.id, reason: '本镇按交班报告' });
    expect((await desk.call(desk.admin, 'dailyReport.rules', {})).mode).toBe('clock');
    expect(await desk.fail(desk.admin, 'uplink.applyReportRules', { id: item.id })).toMatchObject({ code: 'CONFLICT' });
    await outbox.tick();
    const s = (await noticeStatus(hub.engine, 'reportRules')).find((n) => n.message.version === m.version)!;
    expect(s.desks).toEqual([expect.objectContaining({ deskId, declined: true })]);
  });

  it('a desk the hub revoked shows 被拒收 with the hub’s reason and keeps working', async () => {
    await hub.revokeDesk(desk.core.deskId()!, '测试注销');
    await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: '注销后的来电' });
    await outbox.tick();
    const st = await desk.call(officer, 'uplink.status', {});
    expect(st.state).toBe('refused');
    expect(st.error).toMatchObject({ code: 'DESK_REVOKED' });
    expect(st.error?.message).toContain('测试注销');
    expect(st.pending).toBeGreaterThan(0);
  });
});
