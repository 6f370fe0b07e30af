import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatSpan, localDate, weekdayOfDate } from '../../renderer/lib/format';

describe('format', () => {
  it('renders instants in Asia/Shanghai across midnight', () => {
    // 2026-11-25 16:30 UTC is 00:30 on the 26th in Shanghai.
    expect(formatDateTime('2026-11-25T16:30:00Z')).toBe('2026-11-26 00:30');
    expect(localDate('2026-11-25T15:59:59Z')).toBe('2026-11-25');
    expect(localDate('2026-11-25T16:00:00Z')).toBe('2026-11-26');
  });
  it('writes the console clock as officials do', () => {
    expect(formatClock(Date.parse('2026-11-25T13:40:00Z'))).toBe('2026年11月25日 星期三 21:40');
    expect(formatClock(Date.parse('2026-11-25T13:40:00Z'), 'Asia/Shanghai', 'en')).toBe('Wednesday, 2026-11-25 21:40');
  });
  it('names weekdays of local dates', () => {
    expect(weekdayOfDate('2026-10-01')).toBe('星期四');
  });
  it('formats countdowns and overdue spans', () => {
    expect(formatSpan(65_000)).toBe('1:05');
    expect(formatSpan(3_725_000)).toBe('1:02:05');
    expect(formatSpan(-130_000)).toBe('−2:10');
  });
});
