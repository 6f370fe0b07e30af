/**
 * Routes of the petition register: the register and statistics, one petition, the printed statistics.
 */
import type { RouteObject } from 'react-router';

export const petitionsRoutes: RouteObject[] = [
  { path: 'petitions', lazy: async () => ({ Component: (await import('./Petitions.page')).PetitionsPage }) },
  { path: 'petitions/:id', lazy: async () => ({ Component: (await import('./PetitionDetail.page')).PetitionDetailPage }) },
  { path: '/print/petitions/stats', lazy: async () => ({ Component: (await import('./PetitionStatsPrint.page')).PetitionStatsPrintPage }) },
];
