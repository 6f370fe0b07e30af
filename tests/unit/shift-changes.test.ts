/**
 * Shift changes (交接班 at each change of shift): the default 24-hour shift
 * hands over once per duty day; 白班/夜班 hand over at 17:30 and 08:30 —
 * across midnight, the year end and a leap day, on the roster's own instants.
 */
import { describe, expect, it } from 'vitest';
import { shiftChanges, type ShiftOfDay } from '../../shared/domain/shift';

const tz = 'Asia/Shanghai';
const at = (s: string) => Date.parse(`${s}+08:00`);
const allDay: ShiftOfDay[] = [{ id: 1, name: '全天', startMinutes: 510, durationMinutes: 1440, sortOrder: 0 }];
const dayNight: ShiftOfDay[] = [
  { id: 1, name: '白班', startMinutes: 510, durationMinutes: 540, sortOrder: 0 },
  { id: 2, name: '夜班', startMinutes: 1050, durationMinutes: 900, sortOrder: 1 },
];
const view = (cs: ReturnType<typeof shiftChanges>) =>
  cs.map((c) => [c.dutyDate, c.shiftName, new Date(c.end).toISOString(), c.incoming.dutyDate, c.incoming.shiftName]);

describe('shift changes', () => {
  it('the 24-hour default hands over once per duty day, to the same shift next day', () => {
    expect(view(shiftChanges(allDay, '2026-11-25', '2026-11-26', tz))).toEqual([
      ['2026-11-25', '全天', new Date(at('2026-11-26T08:30:00')).toISOString(), '2026-11-26', '全天'],
      ['2026-11-26', '全天', new Date(at('2026-11-27T08:30:00')).toISOString(), '2026-11-27', '全天'],
    ]);
  });

  it('白班 hands over to 夜班 at 17:30, 夜班 to the next 白班 at 08:30, across the year end', () => {
    expect(view(shiftChanges(dayNight, '2026-12-31', '2026-12-31', tz))).toEqual([
      ['2026-12-31', '白班', new Date(at('2026-12-31T17:30:00')).toISOString(), '2026-12-31', '夜班'],
      ['2026-12-31', '夜班', new Date(at('2027-01-01T08:30:00')).toISOString(), '2027-01-01', '白班'],
    ]);
  });

  it('counts a leap day like any other, and orders the changes in time whatever the sort order says', () => {
    const reversed = dayNight.map((s) => ({ ...s, sortOrder: 1 - s.sortOrder }));
    const cs = shiftChanges(reversed, '2028-02-28', '2028-03-01', tz);
    expect(cs.map((c) => `${c.dutyDate} ${c.shiftName}`)).toEqual([
      '2028-02-28 白班',
      '2028-02-28 夜班',
      '2028-02-29 白班',
      '2028-02-29 夜班',
      '2028-03-01 白班',
      '2028-03-01 夜班',
    ]);
    expect(cs[3]!.end).toBe(at('2028-03-01T08:30:00'));
    expect(cs.every((c, i) => i === 0 || c.end > cs[i - 1]!.end)).toBe(true);
  });

  it('a desk working days only hands over from 白班 to the next morning’s 白班', () => {
    const days = [dayNight[0]!];
    expect(view(shiftChanges(days, '2026-11-25', '2026-11-25', tz))).toEqual([
      ['2026-11-25', '白班', new Date(at('2026-11-25T17:30:00')).toISOString(), '2026-11-26', '白班'],
    ]);
  });

  it('no templates, no changes', () => {
    expect(shiftChanges([], '2026-11-25', '2026-11-26', tz)).toEqual([]);
  });
});
