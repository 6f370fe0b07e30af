/**
 * Extra routes of the incidents domain: incident detail and the printed report.
 */
import type { RouteObject } from 'react-router';
import { IncidentDetailPage } from './IncidentDetail.page';
import { ReportPrintPage } from './ReportPrint.page';

export const incidentsRoutes: RouteObject[] = [
  { path: 'incidents/:id', element: <IncidentDetailPage /> },
  { path: '/print/report/:reportId', element: <ReportPrintPage /> },
];
