/**
 * The desk's duty-day clock: the one place the core turns an instant into a
 * duty day, using the desk's time zone and its handover minute (the start of
 * its first active shift template, 08:30 by default).
 *
 * Both values are read on every log write, so they come from the
 * per-connection config cache; writing the desk row or a shift template
 * invalidates it (as does every failed commit, in write.ts).
 */
import { dutyDateOf, dutyDayBounds, handoverMinutesOf } from '../../../shared/domain/duty-day';
import { deskTimeZone } from '../context';
import { cachedConfig } from '../store/config-cache';
import type { Db } from '../store/connection';
import { listShifts } from '../roster/db';

/** Minutes after local midnight at which this desk's duty day begins. */
export const deskHandoverMinutes = (db: Db): number => cachedConfig(db, 'handoverMinutes', () => handoverMinutesOf(listShifts(db, true)));

/** The duty day (YYYY-MM-DD) an instant belongs to at this desk. */
export const deskDutyDate = (db: Db, ms: number): string => dutyDateOf(ms, deskTimeZone(db), deskHandoverMinutes(db));

/** [start, end) of one of this desk's duty days, epoch ms. */
export const deskDutyDayBounds = (db: Db, dutyDate: string): { start: number; end: number } =>
  dutyDayBounds(dutyDate, deskTimeZone(db), deskHandoverMinutes(db));
