/**
 * The one router file. Hash routing works the same under `app://` and the
 * loopback host. Print views and the wallboard render without the shell.
 */
import { createHashRouter, Navigate, type RouteObject } from 'react-router';
import { Shell } from './components/Shell/Shell';
import { ConsolePage } from './pages/Console.page';
import { RosterPage } from './pages/Roster.page';
import { IncidentsPage } from './pages/Incidents.page';
import { HandoverPage } from './pages/Handover.page';
import { ReportsPage } from './pages/Reports.page';
import { DirectoryPage } from './pages/Directory.page';
import { SettingsPage } from './pages/Settings.page';
import { rosterRoutes } from './pages/roster/routes';
import { incidentsRoutes } from './pages/incidents/routes';
import { trustRoutes } from './pages/trust/routes';

const domainRoutes: RouteObject[] = [...rosterRoutes, ...incidentsRoutes, ...trustRoutes];
const isBare = (r: RouteObject): boolean => /^\/?(print|wallboard)/u.test(r.path ?? '');

export const sections = [
  { path: '/console', key: 'nav.console' },
  { path: '/roster', key: 'nav.roster' },
  { path: '/incidents', key: 'nav.incidents' },
  { path: '/handover', key: 'nav.handover' },
  { path: '/reports', key: 'nav.reports' },
  { path: '/directory', key: 'nav.directory' },
  { path: '/settings', key: 'nav.settings' },
] as const;

export function createAppRouter() {
  return createHashRouter([
    ...domainRoutes.filter(isBare),
    {
      path: '/',
      element: <Shell />,
      children: [
        { index: true, element: <Navigate to="/console" replace /> },
        { path: 'console', element: <ConsolePage /> },
        { path: 'roster', element: <RosterPage /> },
        { path: 'incidents', element: <IncidentsPage /> },
        { path: 'handover', element: <HandoverPage /> },
        { path: 'reports', element: <ReportsPage /> },
        { path: 'directory', element: <DirectoryPage /> },
        { path: 'settings', element: <SettingsPage /> },
        ...domainRoutes.filter((r) => !isBare(r)),
        { path: '*', element: <Navigate to="/console" replace /> },
      ],
    },
  ]);
}
