/**
 * Date and number formatting for the renderer: one place, desk time zone.
 *
 * Instants are stored as UTC ISO strings and rendered in the desk's time zone
 * (Asia/Shanghai by default), 24-hour clock, weekdays as 星期三.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);

export type Lang = 'zh-CN' | 'en';
export const defaultTimeZone = 'Asia/Shanghai';

const zhWeekdays = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const enWeekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const at = (instant: string | number | Date, tz: string) => dayjs(instant).tz(tz);

/** 2026-11-25 */
export const formatDate = (instant: string | number | Date, tz = defaultTimeZone): string => at(instant, tz).format('YYYY-MM-DD');
/** 21:40 */
export const formatTime = (instant: string | number | Date, tz = defaultTimeZone): string => at(instant, tz).format('HH:mm');
/** 2026-11-25 21:40 */
export const formatDateTime = (instant: string | number | Date, tz = defaultTimeZone): string =>
  at(instant, tz).format('YYYY-MM-DD HH:mm');
/** 星期三 / Wednesday */
export const weekdayName = (instant: string | number | Date, tz = defaultTimeZone, lang: Lang = 'zh-CN'): string =>
  (lang === 'zh-CN' ? zhWeekdays : enWeekdays)[at(instant, tz).day()]!;
/** Weekday of a local date `YYYY-MM-DD` (no time zone involved). */
export const weekdayOfDate = (date: string, lang: Lang = 'zh-CN'): string =>
  (lang === 'zh-CN' ? zhWeekdays : enWeekdays)[new Date(`${date}T00:00:00Z`).getUTCDay()]!;

/** 2026年11月25日 星期三 21:40 (zh-CN) · Wednesday, 2026-11-25 21:40 (en) */
export function formatClock(instant: number, tz = defaultTimeZone, lang: Lang = 'zh-CN', withSeconds = false): string {
  const d = at(instant, tz);
  const time = d.format(withSeconds ? 'HH:mm:ss' : 'HH:mm');
  return lang === 'zh-CN'
    ? `${d.format('YYYY年M月D日')} ${zhWeekdays[d.day()]} ${time}`
    : `${enWeekdays[d.day()]}, ${d.format('YYYY-MM-DD')} ${time}`;
}

/** Local date (YYYY-MM-DD) of an instant in the desk time zone. */
export const localDate = (instant: number | string, tz = defaultTimeZone): string => at(instant, tz).format('YYYY-MM-DD');
/** Local hour (0–23) of an instant in the desk time zone. */
export const localHour = (instant: number, tz = defaultTimeZone): number => at(instant, tz).hour();

/** A countdown or overdue span: 1:05:09, 12:03, −0:02:10. */
export function formatSpan(ms: number): string {
  const neg = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return `${neg ? '−' : ''}${h > 0 ? `${h}:${mm}` : m}:${ss}`;
}

export { dayjs };
