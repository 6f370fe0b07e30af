/**
 * An unaccepted handover in "Due next": it rings while it escalates and says
 * whom it calls; once the leader on duty acknowledged it (已知悉) it stays
 * listed and red, names who knows, and rings no more. Shift names and links
 * lead to the right shift change.
 */
import { describe, expect, it } from 'vitest';
import type { DueItem } from '../../shared/contract';
import { alarming } from '../../renderer/components/Alarm/useAlarm';
import { dueLabel, dueLink, dueSubject, dueWhen } from '../../renderer/lib/due-text';
import { i18n } from '../../renderer/i18n';

type HandoverItem = Extract<DueItem, { kind: 'handover' }>;
const now = Date.parse('2026-12-20T10:10:00Z');
const escalating: HandoverItem = {
  kind: 'handover',
  id: 'handover-2026-12-20-1-0-0',
  dutyDate: '2026-12-20',
  shiftId: 1,
  shiftName: '白班',
  state: 'submitted',
  dueAt: '2026-12-20T10:10:00.000Z',
  overdue: true,
  escalation: { round: 0, stepIndex: 0, target: 'leaderOnDuty', targetName: '李带班', targetPhone: '13900000001', targetFallback: null, exhausted: false },
  acknowledged: null,
};
const acknowledged: HandoverItem = { ...escalating, id: 'handover-2026-12-20-1-ack', dueAt: '2026-12-20T10:00:00.000Z', acknowledged: { byName: '李带班', at: '2026-12-20T10:05:00.000Z' } };

describe('an unaccepted handover in Due next', () => {
  it('rings while it escalates and no longer once the leader acknowledged it', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n);
    expect(alarming(escalating, now)).toBe(true);
    expect(alarming(acknowledged, now)).toBe(false);
    expect(dueLabel(t, escalating)).toBe('交接班未确认 · 第 1 步 · 带班领导');
    expect(dueLabel(t, acknowledged)).toBe('交接班未确认 · 带班领导 李带班 已知悉');
    expect(dueSubject(t, acknowledged)).toBe('交接班 2026-12-20 白班 · 已交班');
    expect(dueLink(acknowledged)).toBe('/handover?date=2026-12-20&shift=1');
    expect(dueLabel(t, { ...escalating, escalation: null, overdue: false })).toBe('交接班确认（2026-12-20 白班）');
  });
});

describe('when a due item falls', () => {
  const now = Date.parse('2026-12-01T09:00:00+08:00');
  it('is its time today, its date and time on another day (desk time, not UTC)', () => {
    expect(dueWhen('2026-12-01T09:00:00.000Z', now, 'Asia/Shanghai')).toBe('17:00');
    expect(dueWhen('2026-11-26T09:00:00.000Z', now, 'Asia/Shanghai')).toBe('2026-11-26 17:00');
    // 23:30 UTC on 30 November is already 1 December in Shanghai.
    expect(dueWhen('2026-11-30T23:30:00.000Z', now, 'Asia/Shanghai')).toBe('07:30');
  });
});
