/**
 * Small renderer helpers of the roster pages: file download/upload and labels.
 */
import type { DayInfo } from '../../../shared/domain/calendar';

/** Saves a file the core returned (base64 bytes, or text for .ics). */
export function downloadFile(file: { fileName: string; data: string; mime: string }, isBase64: boolean): void {
  const bytes = isBase64 ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)) : new TextEncoder().encode(file.data);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/u, ''));
    r.onerror = () => reject(r.error ?? new Error('read'));
    r.readAsDataURL(file);
  });
}

/** "12月1日" */
export const monthDay = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The 星期 column of the official roster: the holiday's name on a statutory holiday. */
export function weekdayLabel(day: Pick<DayInfo, 'weekday' | 'type' | 'holidayName'>, weekdays: readonly string[]): string {
  if (day.type === 'holiday' && day.holidayName) return day.holidayName;
  return weekdays[day.weekday] ?? '';
}

/** Next month as YYYY-MM from a local date. */
export function nextMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
