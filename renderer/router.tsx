/**
 * The one router file. Hash routing works the same under `app://` and the
 * loopback host. Print views and the wallboard render without the shell.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { createHashRouter, Navigate, type RouteObject } from 'react-router';
import { Shell } from './components/Shell/Shell';
import { ConsolePage } from './pages/console/Console.page';
import { rosterRoutes } from './pages/roster/routes';
import { incidentsRoutes } from './pages/incidents/routes';
import { trustRoutes } from './pages/trust/routes';
import { logRoutes } from './pages/log/routes';
import { directoryRoutes } from './pages/directory/routes';
import { petitionsRoutes } from './pages/petitions/routes';
import { ledgerRoutes } from './pages/ledger/routes';
import { documentsRoutes } from './pages/documents/routes';
import { handoverRoutes } from './pages/handover/routes';
import { reportsRoutes } from './pages/reports/routes';
import { attendanceRoutes } from './pages/attendance/routes';
import { presenceRoutes } from './pages/presence/routes';
import { leaderRoutes } from './pages/leader/routes';

/** Pages other than the console load on first visit, so the console boots fast. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactNode {
  const Lazy: ComponentType = lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader />
        </Center>
      }
    >
      <Lazy />
    </Suspense>
  );
}

const domainRoutes: RouteObject[] = [
  ...rosterRoutes,
  ...incidentsRoutes,
  ...trustRoutes,
  ...logRoutes,
  ...directoryRoutes,
  ...petitionsRoutes,
  ...ledgerRoutes,
  ...documentsRoutes,
  ...handoverRoutes,
  ...reportsRoutes,
  ...attendanceRoutes,
  ...presenceRoutes,
  ...leaderRoutes,
];
const isBare = (r: RouteObject): boolean => /^\/?(print|wallboard)/u.test(r.path ?? '');

export function createAppRouter() {
  return createHashRouter([
    ...domainRoutes.filter(isBare),
    {
      path: '/',
      element: <Shell />,
      children: [
        { index: true, element: <Navigate to="/console" replace /> },
        { path: 'console', element: <ConsolePage /> },
        { path: 'roster', element: page(() => import('./pages/roster/Roster.page'), 'RosterPage') },
        { path: 'incidents', element: page(() => import('./pages/incidents/IncidentList.page'), 'IncidentListPage') },
        { path: 'directory', element: page(() => import('./pages/directory/Directory.page'), 'DirectoryPage') },
        { path: 'settings', element: page(() => import('./pages/settings/Settings.page'), 'SettingsPage') },
        ...domainRoutes.filter((r) => !isBare(r)),
        { path: '*', element: <Navigate to="/console" replace /> },
      ],
    },
  ]);
}
