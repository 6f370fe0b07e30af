/**
 * Routes of the leader's desk, loaded on demand.
 */
import type { RouteObject } from 'react-router';

export const leaderRoutes: RouteObject[] = [{ path: 'leader', lazy: async () => ({ Component: (await import('./Leader.page')).LeaderPage }) }];
