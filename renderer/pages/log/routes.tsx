/**
 * Routes of the duty log book: the 值班记录 page and its printed day, loaded on demand.
 */
import type { RouteObject } from 'react-router';

export const logRoutes: RouteObject[] = [
  { path: 'log', lazy: async () => ({ Component: (await import('./LogBook.page')).LogBookPage }) },
  { path: '/print/log/:dutyDate', lazy: async () => ({ Component: (await import('./LogBookPrint.page')).LogBookPrintPage }) },
];
