/**
 * Routes of supervised items: the ledgers, one item, a printed ledger.
 */
import type { RouteObject } from 'react-router';

export const ledgerRoutes: RouteObject[] = [
  { path: 'ledger', lazy: async () => ({ Component: (await import('./Ledger.page')).LedgerPage }) },
  { path: 'ledger/:id', lazy: async () => ({ Component: (await import('./LedgerDetail.page')).LedgerDetailPage }) },
  { path: '/print/ledger', lazy: async () => ({ Component: (await import('./LedgerPrint.page')).LedgerPrintPage }) },
];
