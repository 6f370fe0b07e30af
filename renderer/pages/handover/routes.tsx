/**
 * Routes of the handover: the 交接班 page and its printed record, loaded on demand.
 */
import type { RouteObject } from 'react-router';

export const handoverRoutes: RouteObject[] = [
  { path: 'handover', lazy: async () => ({ Component: (await import('./Handover.page')).HandoverPage }) },
  { path: '/print/handover/:dutyDate', lazy: async () => ({ Component: (await import('./HandoverPrint.page')).HandoverPrintPage }) },
  { path: '/print/handover/:dutyDate/:shiftId', lazy: async () => ({ Component: (await import('./HandoverPrint.page')).HandoverPrintPage }) },
];
