/**
 * Extra routes of the trust domain: the audit page (in the shell) and its print view (bare).
 */
import type { RouteObject } from 'react-router';
import { AuditPage } from './Audit.page';
import { AuditPrintPage } from './AuditPrint.page';

export const trustRoutes: RouteObject[] = [
  { path: 'audit', element: <AuditPage /> },
  { path: '/print/audit', element: <AuditPrintPage /> },
];
