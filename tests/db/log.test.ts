import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeDesk, type TestDesk } from '../helpers/core';
import { iterateAudit } from '../../electron/core/audit/chain';

let desk: TestDesk;
afterEach(() => desk?.close());

const min = 60_000;

describe('duty log', () => {
  it('logs an entry at now into the current duty day, audited, and lists it newest first', async () => {
    desk = await makeDesk();
    const officer = await desk.login(['officer'], 'zhang');
    const a = await desk.call(officer, 'log.create', {
      kind: 'incoming_call',
      summary: '区应急局来电报告道路积水',
      sourceUnit: '区应急局',
      sourcePhone: '0758-2555110',
    });
    desk.clock.advance(5 * min);
    const b = await desk.call(officer, 'log.create', { kind: 'notice', summary: '市气象台发布暴雨黄色预警' });
    expect(a).toMatchObject({
      version: 1,
      occurredAt: '2026-11-25T13:40:00.000Z',
      dutyDate: '2026-11-25',
      recordedBy: 'zhang',
      voided: false,
    });
    const list = await desk.call(officer, 'log.list', {});
    expect(list.dutyDate).toBe('2026-11-25');
    expect(list.entries.map((e) => e.id)).toEqual([b.id, a.id]);
    // What log.create answers is exactly what the store holds (it is built without a read-back).
    expect(list.entries).toEqual([b, a]);
    expect(await desk.call(officer, 'log.get', { id: a.id })).toEqual(a);
    expect([...iterateAudit(desk.core.db)].filter((e) => e.action === 'logEntry.create')).toHaveLength(2);
  });

  it('puts 02:10 into the previous duty day and 08:30 into the new one', async () => {
    desk = await makeDesk({ start: Date.parse('2026-11-25T18:10:00Z') }); // 02:10 on the 26th local
    const officer = await desk.login(['officer']);
    const night = await desk.call(officer, 'log.create', { kind: 'presence_check', summary: '市值班室查岗，在岗' });
    expect(night.dutyDate).toBe('2026-11-25');
    const morning = await desk.call(officer, 'log.create', { kind: 'other', summary: '交班', occurredAt: '2026-11-26T08:30:00+08:00' });
    expect(morning.dutyDate).toBe('2026-11-26');
    expect((await desk.call(officer, 'log.list', {})).entries.map((e) => e.id)).toEqual([night.id]);
    expect((await desk.call(officer, 'log.list', { dutyDate: '2026-11-26' })).entries.map((e) => e.id)).toEqual([morning.id]);
  });

  it('an edit is a new version with a reason; history keeps every version; stale edits conflict', async () => {
    desk = await makeDesk();
    const officer = await desk.login(['officer']);
    const e = await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: '来电', detail: '原始内容' });
    const e2 = await desk.call(officer, 'log.update', {
      id: e.id,
      expectedVersion: 1,
      reason: '补记领导批示',
      instruction: '请区应急局加强巡查',
      handler: '张三',
    });
    expect(e2).toMatchObject({ version: 2, instruction: '请区应急局加强巡查', detail: '原始内容', summary: '来电' });
    expect((await desk.fail(officer, 'log.update', { id: e.id, expectedVersion: 1, reason: 'x', summary: 'y' })).code).toBe('CONFLICT');
    await desk.call(officer, 'log.update', { id: e.id, expectedVersion: 2, reason: '更正', detail: null });
    const h = await desk.call(officer, 'log.history', { id: e.id });
    expect(h.map((v) => [v.version, v.entry.detail, v.entry.instruction, v.reason])).toEqual([
      [1, '原始内容', null, null],
      [2, '原始内容', '请区应急局加强巡查', '补记领导批示'],
      [3, null, '请区应急局加强巡查', '更正'],
    ]);
    expect(() => desk.core.db.prepare('DELETE FROM log_entry_versions').run()).toThrow(/append-only/u);
    expect(() => desk.core.db.prepare('DELETE FROM log_entries').run()).toThrow(/never deleted/u);
  });

  it('voids with a reason; a voided entry stays visible in the day and cannot be edited', async () => {
    desk = await makeDesk();
    const officer = await desk.login(['officer']);
    const e = await desk.call(officer, 'log.create', { kind: 'other', summary: '误记' });
    const v = await desk.call(officer, 'log.void', { id: e.id, reason: '重复录入' });
    expect(v).toMatchObject({ voided: true, voidReason: '重复录入' });
    expect((await desk.call(officer, 'log.list', {})).entries[0]!.voided).toBe(true);
    expect(await desk.call(officer, 'log.list', { from: '2026-01-01', to: '2026-12-31' })).toMatchObject({ entries: [] });
    expect((await desk.fail(officer, 'log.update', { id: e.id, expectedVersion: 1, reason: 'x', summary: 'y' })).messageKey).toBe(
      'incidents.errors.logVoided',
    );
  });

  it('raises an incident from an entry and links it', async () => {
    desk = await makeDesk();
    const officer = await desk.login(['officer']);
    const e = await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: '某厂爆炸' });
    const inc = await desk.call(officer, 'incident.create', {
      title: '某厂爆炸',
      category: 'accident',
      subType: 'industrial',
      level: 4,
      occurredAt: '2026-11-25T13:30:00Z',
      learnedAt: '2026-11-25T13:40:00Z',
      fromLogEntryId: e.id,
    });
    expect((await desk.call(officer, 'log.get', { id: e.id })).incidentId).toBe(inc.id);
    expect((await desk.call(officer, 'incident.get', { id: inc.id })).logEntries.map((x) => x.id)).toEqual([e.id]);
    expect(
      (
        await desk.fail(officer, 'incident.create', {
          title: 'x',
          category: 'social',
          subType: 'mass',
          level: 4,
          occurredAt: '2026-11-25T13:30:00Z',
          learnedAt: '2026-11-25T13:40:00Z',
          fromLogEntryId: e.id,
        })
      ).messageKey,
    ).toBe('incidents.errors.logAlreadyLinked');
  });

  it('searches by text and kind over a date range', async () => {
    desk = await makeDesk();
    const officer = await desk.login(['officer']);
    await desk.call(officer, 'log.create', { kind: 'incoming_call', summary: '信访人员聚集', sourcePerson: '刘某' });
    await desk.call(officer, 'log.create', { kind: 'notice', summary: '防汛通知' });
    expect((await desk.call(officer, 'log.list', { from: '2026-11-01', to: '2026-11-30', query: '信访' })).entries).toHaveLength(1);
    expect((await desk.call(officer, 'log.list', { from: '2026-11-01', to: '2026-11-30', query: '刘' })).entries).toHaveLength(1);
    expect((await desk.call(officer, 'log.list', { from: '2026-11-01', to: '2026-11-30', query: '%' })).entries).toHaveLength(0);
    expect((await desk.call(officer, 'log.list', { from: '2026-11-01', to: '2026-11-30', kind: 'notice' })).entries).toHaveLength(1);
  });

  it('the day view uses the duty-day index (query plan)', async () => {
    desk = await makeDesk();
    const plan = desk.core.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT * FROM log_entries WHERE duty_date BETWEEN ? AND ? AND voided_at IS NULL ORDER BY duty_date DESC, occurred_at DESC, id DESC LIMIT 10',
      )
      .all('2026-11-25', '2026-11-25') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX log_entries_day/u);
    const due = desk.core.db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM incident_deadlines d WHERE d.met_at IS NULL AND d.superseded_at IS NULL ORDER BY d.due_at')
      .all() as { detail: string }[];
    expect(due.map((p) => p.detail).join(' ')).toMatch(/incident_deadlines_open/u);
  });

  it('property: log.create accepts any well-formed input and rejects unknown fields and bad kinds', async () => {
    desk = await makeDesk();
    const officer = await desk.login(['officer']);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('incoming_call', 'outgoing_call', 'incoming_doc', 'visit', 'notice', 'presence_check', 'other'),
        fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0),
        async (kind, summary) => {
          const e = await desk.call(officer, 'log.create', { kind: kind as 'other', summary });
          expect(e.summary).toBe(summary.trim());
        },
      ),
      { numRuns: 30 },
    );
    expect((await desk.fail(officer, 'log.create', { kind: 'other', summary: 'x', extra: 1 })).code).toBe('VALIDATION');
    expect((await desk.fail(officer, 'log.create', { kind: 'bogus', summary: 'x' })).code).toBe('VALIDATION');
    expect((await desk.fail(officer, 'log.create', { kind: 'other', summary: '   ' })).code).toBe('VALIDATION');
  });
});
