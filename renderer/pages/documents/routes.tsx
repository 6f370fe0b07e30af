/**
 * Routes of the register of incoming documents and telegrams: the register, one document, the printed register.
 */
import type { RouteObject } from 'react-router';

export const documentsRoutes: RouteObject[] = [
  { path: 'documents', lazy: async () => ({ Component: (await import('./Documents.page')).DocumentsPage }) },
  { path: 'documents/:id', lazy: async () => ({ Component: (await import('./DocumentDetail.page')).DocumentDetailPage }) },
  { path: '/print/documents', lazy: async () => ({ Component: (await import('./DocumentsPrint.page')).DocumentsPrintPage }) },
];
