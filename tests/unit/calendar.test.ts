import { describe, expect, it } from 'vitest';
import { createCalendar, type DayType } from '../../shared/domain/calendar';
import { parseHolidayNotice } from '../../shared/domain/calendar-notice';
import { addDays, datesBetween, dayIndex, localInstant, localParts, monthRange, weekdayOf } from '../../shared/time';

/** DOMAIN.md §5, written out independently of the bundled package. */
const domain: Record<number, { name: string; off: [string, string]; work: string[] }[]> = {
  2025: [
    { name: '元旦', off: ['01-01', '01-01'], work: [] },
    { name: '春节', off: ['01-28', '02-04'], work: ['01-26', '02-08'] },
    { name: '清明节', off: ['04-04', '04-06'], work: [] },
    { name: '劳动节', off: ['05-01', '05-05'], work: ['04-27'] },
    { name: '端午节', off: ['05-31', '06-02'], work: [] },
    { name: '国庆节', off: ['10-01', '10-08'], work: ['09-28', '10-11'] },
  ],
  2026: [
    { name: '元旦', off: ['01-01', '01-03'], work: ['01-04'] },
    { name: '春节', off: ['02-15', '02-23'], work: ['02-14', '02-28'] },
    { name: '清明节', off: ['04-04', '04-06'], work: [] },
    { name: '劳动节', off: ['05-01', '05-05'], work: ['05-09'] },
    { name: '端午节', off: ['06-19', '06-21'], work: [] },
    { name: '中秋节', off: ['09-25', '09-27'], work: [] },
    { name: '国庆节', off: ['10-01', '10-07'], work: ['09-20', '10-10'] },
  ],
};

function expected(year: number): Map<string, { type: DayType; names: string[] }> {
  const out = new Map<string, { type: DayType; names: string[] }>();
  for (const d of datesBetween(`${year}-01-01`, `${year}-12-31`)) {
    const wd = weekdayOf(d);
    out.set(d, { type: wd === 0 || wd === 6 ? 'weekend' : 'workday', names: [] });
  }
  for (const h of domain[year]!) {
    for (const d of datesBetween(`${year}-${h.off[0]}`, `${year}-${h.off[1]}`)) out.set(d, { type: 'holiday', names: [h.name] });
    for (const w of h.work) out.set(`${year}-${w}`, { type: 'makeup', names: [h.name] });
  }
  return out;
}

describe('day types', () => {
  const cal = createCalendar();
  for (const year of [2025, 2026]) {
    it(`types every day of ${year} as DOMAIN §5 says`, () => {
      const exp = expected(year);
      expect(exp.size).toBe(365);
      for (const [date, e] of exp) {
        const info = cal.dayInfo(date);
        expect({ date, type: info.type, known: info.known }).toEqual({ date, type: e.type, known: true });
        if (e.type === 'holiday' || e.type === 'makeup') {
          // 2025-10-06 is 中秋节 inside the 国庆 period: the name is one of the two.
          const ok = e.names.includes(info.holidayName!) || (date === '2025-10-06' && info.holidayName === '中秋节');
          expect(ok, `${date} ${info.holidayName}`).toBe(true);
        } else expect(info.holidayName).toBeNull();
      }
    });
  }

  it('reports 2027 as having no data until a notice is entered', () => {
    expect(cal.hasYear(2027)).toBe(false);
    expect(cal.dayInfo('2027-03-10').known).toBe(false);
    expect(cal.missingYears('2026-12-01', '2027-01-31')).toEqual([2027]);
    const entered = createCalendar([{ date: '2027-01-01', type: 'holiday', name: '元旦' }], [2027]);
    expect(entered.hasYear(2027)).toBe(true);
    expect(entered.dayInfo('2027-01-01')).toMatchObject({ type: 'holiday', holidayName: '元旦', known: true, source: 'desk' });
    expect(entered.dayInfo('2027-03-10')).toMatchObject({ type: 'workday', known: true });
  });

  it('lets a desk correction override a bundled day', () => {
    const c = createCalendar([{ date: '2026-12-31', type: 'holiday', name: '本地假日' }]);
    expect(c.dayInfo('2026-12-31')).toMatchObject({ type: 'holiday', holidayName: '本地假日', source: 'desk' });
    expect(c.dayInfo('2026-12-30').type).toBe('workday');
  });
});

const notice2026 = `国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

describe('holiday notice', () => {
  it('reads the 2026 notice into exactly the bundled holidays and make-up days', () => {
    const { days, problems } = parseHolidayNotice(2026, notice2026);
    expect(problems).toEqual([]);
    const exp = expected(2026);
    const special = [...exp].filter(([, e]) => e.type !== 'workday' && e.type !== 'weekend');
    expect(days.map((d) => [d.date, d.type, d.name]).sort()).toEqual(special.map(([d, e]) => [d, e.type, e.names[0]]).sort());
  });

  it('reports an item without dates', () => {
    const { problems } = parseHolidayNotice(2027, '一、元旦：另行通知。');
    expect(problems).toHaveLength(1);
  });
});

describe('dates and duty-day boundaries', () => {
  it('does date arithmetic across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(weekdayOf('2026-11-25')).toBe(3);
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(dayIndex('1970-01-02')).toBe(1);
  });

  it('converts between instants and Shanghai wall-clock time', () => {
    const t = localInstant('2026-11-25', 510, 'Asia/Shanghai');
    expect(new Date(t).toISOString()).toBe('2026-11-25T00:30:00.000Z');
    expect(localParts(Date.parse('2026-11-25T18:00:00Z'), 'Asia/Shanghai')).toMatchObject({ date: '2026-11-26', minutes: 120 });
    // A shift that starts on the 31st ends on the 1st.
    expect(new Date(localInstant('2026-12-31', 510 + 1440, 'Asia/Shanghai')).toISOString()).toBe('2027-01-01T00:30:00.000Z');
  });
});

describe('duty day', () => {
  it('runs 08:30 to 08:30 next day across midnight', async () => {
    const { dutyDateOf } = await import('../../shared/domain/duty-day');
    const { shiftInterval } = await import('../../shared/domain/shift');
    const at = (local: string) => Date.parse(`${local}+08:00`);
    expect(dutyDateOf(at('2026-11-26T02:00:00'), 'Asia/Shanghai')).toBe('2026-11-25');
    expect(dutyDateOf(at('2026-11-26T08:29:59'), 'Asia/Shanghai')).toBe('2026-11-25');
    expect(dutyDateOf(at('2026-11-26T08:30:00'), 'Asia/Shanghai')).toBe('2026-11-26');
    expect(dutyDateOf(at('2026-11-25T23:59:59'), 'Asia/Shanghai')).toBe('2026-11-25');
    expect(dutyDateOf(at('2027-01-01T00:00:00'), 'Asia/Shanghai')).toBe('2026-12-31');
    const night = shiftInterval('2026-12-31', { startMinutes: 17 * 60 + 30, durationMinutes: 15 * 60 }, 'Asia/Shanghai');
    expect(new Date(night.start).toISOString()).toBe('2026-12-31T09:30:00.000Z');
    expect(new Date(night.end).toISOString()).toBe('2027-01-01T00:30:00.000Z');
  });
});
