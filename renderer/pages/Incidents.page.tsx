/**
 * 事件 — the incident list, loaded on demand so the console's bundle stays small.
 */
import { lazy, Suspense } from 'react';
import { Loader } from '@mantine/core';

const IncidentListPage = lazy(() => import('./incidents/IncidentList.page').then((m) => ({ default: m.IncidentListPage })));

export function IncidentsPage() {
  return (
    <Suspense fallback={<Loader />}>
      <IncidentListPage />
    </Suspense>
  );
}
