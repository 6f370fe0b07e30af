import { describe, expect, it } from 'vitest';
import { backupsToDelete, localDay, type RetentionItem } from '../../electron/core/backup/retention';

const hour = 3600_000;
const start = Date.parse('2026-11-25T16:00:00Z'); // 2026-11-26 00:00 in Shanghai

function hourly(n: number): RetentionItem[] {
  return Array.from({ length: n }, (_, i) => ({ fileName: `h${String(i).padStart(4, '0')}.sqlite`, reason: 'hourly' as const, createdAt: start - i * hour }));
}

describe('backup retention', () => {
  it('keeps the newest 48 hourly and one per day for 30 days', () => {
    const items = hourly(24 * 40);
    const del = new Set(backupsToDelete(items, { keepHourly: 48, keepDaily: 30, timeZone: 'Asia/Shanghai' }));
    const kept = items.filter((i) => !del.has(i.fileName));
    // 48 newest + one per day for the 30 newest days (the first days overlap with the 48).
    expect(kept.slice(0, 48).map((i) => i.fileName)).toEqual(items.slice(0, 48).map((i) => i.fileName));
    const days = new Set(kept.map((i) => localDay(i.createdAt, 'Asia/Shanghai')));
    expect(days.size).toBe(30);
    expect(kept.length).toBe(48 + 30 - 3); // the 48 newest already cover 3 days (00:00 of 26th, 25th, 24th)
  });

  it('never deletes manual, pre-restore or pre-migrate backups', () => {
    const items: RetentionItem[] = [
      ...hourly(100),
      { fileName: 'm.sqlite', reason: 'manual', createdAt: start - 1000 * hour },
      { fileName: 'r.sqlite', reason: 'pre-restore', createdAt: start - 2000 * hour },
      { fileName: 'pre-migrate-v10.sqlite', reason: 'pre-migrate', createdAt: start - 3000 * hour },
    ];
    const del = backupsToDelete(items, { keepHourly: 2, keepDaily: 1, timeZone: 'Asia/Shanghai' });
    expect(del).not.toContain('m.sqlite');
    expect(del).not.toContain('r.sqlite');
    expect(del).not.toContain('pre-migrate-v10.sqlite');
    expect(del).toHaveLength(98);
  });

  it('uses desk-local days: 23:30 and 00:30 Shanghai are different days', () => {
    const items: RetentionItem[] = [
      { fileName: 'a.sqlite', reason: 'hourly', createdAt: Date.parse('2026-11-25T15:30:00Z') }, // 23:30
      { fileName: 'b.sqlite', reason: 'hourly', createdAt: Date.parse('2026-11-25T16:30:00Z') }, // 00:30 next day
      { fileName: 'c.sqlite', reason: 'handover', createdAt: Date.parse('2026-11-25T14:30:00Z') }, // 22:30
    ];
    expect(backupsToDelete(items, { keepHourly: 1, keepDaily: 2, timeZone: 'Asia/Shanghai' })).toEqual(['c.sqlite']);
    expect(backupsToDelete(items, { keepHourly: 1, keepDaily: 2, timeZone: 'UTC' })).toEqual(['a.sqlite', 'c.sqlite']);
  });
});
