/**
 * Routes of the directory: the printed 通讯录, loaded on demand.
 */
import type { RouteObject } from 'react-router';

export const directoryRoutes: RouteObject[] = [
  { path: '/print/directory', lazy: async () => ({ Component: (await import('./DirectoryPrint.page')).DirectoryPrintPage }) },
];
