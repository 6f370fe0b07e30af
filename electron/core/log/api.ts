/**
 * Handlers of the duty log (log.*).
 */
import type { logMethods } from '../../../shared/contract/log';

import { type Handlers } from '../context';
import { deskDutyDate } from '../duty/day';
import { logBook, logXlsx } from '../log/book';
import { listLogEntries, logHistory } from '../log/db';
import { createLogEntry, mustLogEntry, updateLog, voidLog } from '../log/service';
import { withHandling } from '../log/handling';

export const logHandlers: Handlers<keyof typeof logMethods> = {
  // ── duty log
  'log.create': (ctx, input) => createLogEntry(ctx, input),
  'log.update': (ctx, input) => {
    const { id, expectedVersion, reason, ...patch } = input;
    return updateLog(ctx, id, expectedVersion, patch, reason);
  },
  'log.void': (ctx, input) => voidLog(ctx, input.id, input.reason),
  'log.list': (ctx, input) => {
    const ranged = input.from !== undefined || input.to !== undefined;
    const dutyDate = ranged ? null : (input.dutyDate ?? deskDutyDate(ctx.db, ctx.now));
    const fromDate = dutyDate ?? input.from ?? '0000-01-01';
    const toDate = dutyDate ?? input.to ?? '9999-12-31';
    const entries = listLogEntries(ctx.db, {
      fromDate,
      toDate,
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.query ? { query: input.query } : {}),
      includeVoided: input.includeVoided ?? dutyDate !== null,
      limit: input.limit ?? 500,
    });
    return { dutyDate, entries: withHandling(ctx.db, entries) };
  },
  'log.get': (ctx, input) => withHandling(ctx.db, [mustLogEntry(ctx, input.id)])[0]!,
  'log.book': (ctx, input) => logBook(ctx, input.dutyDate),
  'log.exportXlsx': (ctx, input) => logXlsx(ctx, input),
  'log.history': (ctx, input) => {
    mustLogEntry(ctx, input.id);
    return logHistory(ctx.db, input.id);
  },
};
