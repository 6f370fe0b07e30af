/**
 * Routes of the reports: the 报表 page, the printed daily / zero report and the printed roll-up, loaded on demand.
 */
import type { RouteObject } from 'react-router';

export const reportsRoutes: RouteObject[] = [
  { path: 'reports', lazy: async () => ({ Component: (await import('./Reports.page')).ReportsPage }) },
  { path: '/print/daily-report/:date', lazy: async () => ({ Component: (await import('./DailyReportPrint.page')).DailyReportPrintPage }) },
  { path: '/print/report-rollup/:from/:to', lazy: async () => ({ Component: (await import('./RollupPrint.page')).RollupPrintPage }) },
];
