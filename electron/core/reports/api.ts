/**
 * Handlers of the daily report (dailyReport.*).
 */
import type { dailyReportMethods } from '../../../shared/contract/reports';
import { DomainError } from '../../../shared/errors';
import type { Handlers } from '../context';
import { deskTimeZone } from '../context';
import { getDesk } from '../desk/db';
import { getDailyReport } from './db';
import { dailyReportXlsx, rollupXlsx } from './export';
import {
  dailyReportView,
  draftReport,
  getDailyReportRules,
  reportDays,
  reviewReport,
  rollup,
  sendReport,
  setDailyReportRules,
  updateReport,
  voidReport,
} from './service';
import { liveReportOf } from './db';

export const dailyReportHandlers: Handlers<keyof typeof dailyReportMethods> = {
  'dailyReport.get': (ctx, input) => dailyReportView(ctx, input.date),
  'dailyReport.draft': (ctx, input) => draftReport(ctx, input.date, input.summary),
  'dailyReport.update': (ctx, input) => updateReport(ctx, input),
  'dailyReport.review': (ctx, input) => reviewReport(ctx, input.id, input.expectedVersion, input.note),
  'dailyReport.send': (ctx, input) => sendReport(ctx, input),
  'dailyReport.void': (ctx, input) => voidReport(ctx, input.id, input.reason),
  'dailyReport.list': (ctx, input) => reportDays(ctx, input.from, input.to),
  'dailyReport.rollup': (ctx, input) => rollup(ctx, input.from, input.to),
  'dailyReport.exportXlsx': (ctx, input) => {
    if (input.from === input.to) {
      const r = liveReportOf(ctx.db, input.from);
      if (!r) throw new DomainError('NOT_FOUND', 'reports.errors.notFound', { id: input.from });
      return dailyReportXlsx(getDailyReport(ctx.db, r.id)!, getDesk(ctx.db)?.unitName ?? '', deskTimeZone(ctx.db));
    }
    return rollupXlsx(rollup(ctx, input.from, input.to));
  },
  'dailyReport.rules': (ctx) => getDailyReportRules(ctx.db),
  'dailyReport.setRules': (ctx, input) => setDailyReportRules(ctx, input),
};
