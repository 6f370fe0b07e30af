/**
 * Desk-entered calendar data: years whose notice was entered, and single days.
 */
import type { Db } from '../store/connection';
import { bundledYears, createCalendar, type Calendar, type CalendarDay, type DayType } from '../../../shared/domain/calendar';
import type { CalendarYear } from '../../../shared/contract/calendar';

interface CalendarDayRow {
  date: string;
  type: DayType;
  name: string | null;
}

export function loadCalendar(db: Db): Calendar {
  const days = db.prepare('SELECT date, type, name FROM calendar_days').all() as CalendarDayRow[];
  const years = (db.prepare('SELECT year FROM calendar_years').all() as { year: number }[]).map((r) => r.year);
  return createCalendar(days, years);
}

export function listCalendarYears(db: Db): CalendarYear[] {
  const desk = db.prepare('SELECT year, entered_at FROM calendar_years').all() as { year: number; entered_at: string }[];
  const map = new Map<number, CalendarYear>(bundledYears.map((y) => [y, { year: y, source: 'bundled', enteredAt: null }]));
  for (const r of desk) map.set(r.year, { year: r.year, source: 'desk', enteredAt: r.entered_at });
  return [...map.values()].sort((a, b) => b.year - a.year);
}

/** Replaces a year's notice days (corrections of single days stay). */
export function saveNotice(db: Db, year: number, notice: string, days: CalendarDay[], at: string): CalendarYear {
  db.prepare("DELETE FROM calendar_days WHERE source = 'notice' AND date >= ? AND date <= ?").run(`${year}-01-01`, `${year}-12-31`);
  const ins = db.prepare(
    `INSERT INTO calendar_days (date, type, name, source, updated_at) VALUES (?, ?, ?, 'notice', ?)
     ON CONFLICT (date) DO NOTHING`,
  );
  for (const d of days) ins.run(d.date, d.type, d.name, at);
  db.prepare(
    'INSERT INTO calendar_years (year, notice, entered_at) VALUES (?, ?, ?) ON CONFLICT (year) DO UPDATE SET notice = excluded.notice, entered_at = excluded.entered_at',
  ).run(year, notice, at);
  return { year, source: 'desk', enteredAt: at };
}

/** Sets (or with `type` null removes) a single-day correction. */
export function setCalendarDay(db: Db, date: string, type: DayType | null, name: string | null, at: string): void {
  if (type === null) {
    db.prepare('DELETE FROM calendar_days WHERE date = ?').run(date);
    return;
  }
  db.prepare(
    `INSERT INTO calendar_days (date, type, name, source, updated_at) VALUES (?, ?, ?, 'correction', ?)
     ON CONFLICT (date) DO UPDATE SET type = excluded.type, name = excluded.name, source = 'correction', updated_at = excluded.updated_at`,
  ).run(date, type, name, at);
}
