/**
 * Reading a State Council holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知).
 *
 * The notice lists one holiday per numbered item, e.g.
 * "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
 *  2月14日（周六）、2月28日（周六）上班。"
 * Every date from the first to the last 放假 date becomes a statutory holiday
 * with the item's name; every date before 上班 becomes a make-up workday.
 * The year comes from the caller (the notice's title names it).
 */
import { addDays, dayIndex, isValidDate } from '../time';
import type { CalendarDay } from './calendar';

export interface NoticeParse {
  days: CalendarDay[];
  /** Items that named a holiday but yielded no dates, quoted for the admin. */
  problems: string[];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Removes bracketed remarks （农历腊月二十八、周日） so they do not split the text. */
const stripRemarks = (s: string): string => s.replace(/[（(][^）)]*[）)]/gu, '');

export function parseHolidayNotice(year: number, text: string): NoticeParse {
  const days: CalendarDay[] = [];
  const problems: string[] = [];
  // Items start with a Chinese numeral and 、: 一、元旦：…
  const items = text
    .replace(/\r/gu, '')
    .split(/(?:^|\n|\s)[一二三四五六七八九十]+、/u)
    .map((s) => s.trim())
    .filter((s) => /[:：]/u.test(s));
  for (const raw of items) {
    const m = /^([^:：\n]{1,12})[:：]([\s\S]*)$/u.exec(raw);
    if (!m) continue;
    const name = m[1]!.trim();
    const body = stripRemarks(m[2]!);
    let found = false;
    // Sentences: "…放假…" and "…上班。"
    for (const sentence of body.split(/[。；;\n]/u)) {
      if (/放假/u.test(sentence)) {
        const range = /(\d{1,2})月(\d{1,2})日(?:\s*至\s*(?:(\d{1,2})月)?(\d{1,2})日)?/u.exec(sentence);
        if (!range) continue;
        const m1 = Number(range[1]);
        const d1 = Number(range[2]);
        const m2 = range[3] ? Number(range[3]) : m1;
        const d2 = range[4] ? Number(range[4]) : d1;
        // A range may run into the next year (元旦 of the following year is not in one notice, but 12月31日至1月2日 is possible).
        const from = `${year}-${pad(m1)}-${pad(d1)}`;
        const to = `${m2 < m1 ? year + 1 : year}-${pad(m2)}-${pad(d2)}`;
        if (!isValidDate(from) || !isValidDate(to) || dayIndex(to) < dayIndex(from) || dayIndex(to) - dayIndex(from) > 15) continue;
        for (let d = from; dayIndex(d) <= dayIndex(to); d = addDays(d, 1)) days.push({ date: d, type: 'holiday', name });
        found = true;
      } else if (/上班/u.test(sentence)) {
        // "2月14日、2月28日上班" — each date; a bare "28日" takes the previous month.
        let month = 0;
        for (const dm of sentence.matchAll(/(?:(\d{1,2})月)?(\d{1,2})日/gu)) {
          if (dm[1]) month = Number(dm[1]);
          if (!month) continue;
          const date = `${year}-${pad(month)}-${pad(Number(dm[2]))}`;
          if (isValidDate(date)) days.push({ date, type: 'makeup', name });
        }
      }
    }
    if (!found) problems.push(raw.slice(0, 60));
  }
  return { days, problems };
}
