/**
 * Routes of presence checks: the 查岗 page and the printed monthly statistics, loaded on demand.
 */
import type { RouteObject } from 'react-router';

export const presenceRoutes: RouteObject[] = [
  { path: 'presence', lazy: async () => ({ Component: (await import('./Presence.page')).PresencePage }) },
  { path: '/print/presence/:month', lazy: async () => ({ Component: (await import('./PresencePrint.page')).PresencePrintPage }) },
];
