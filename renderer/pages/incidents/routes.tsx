/**
 * Extra routes of the incidents domain: incident detail and the printed
 * report, each loaded on demand (not part of the console's first bundle).
 */
import type { RouteObject } from 'react-router';

export const incidentsRoutes: RouteObject[] = [
  { path: 'incidents/:id', lazy: async () => ({ Component: (await import('./IncidentDetail.page')).IncidentDetailPage }) },
  { path: '/print/report/:reportId', lazy: async () => ({ Component: (await import('./ReportPrint.page')).ReportPrintPage }) },
];
