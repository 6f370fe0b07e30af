/**
 * Extra routes of the roster domain, spread into the router: the print view
 * and the wallboard render without the shell.
 */
import type { RouteObject } from 'react-router';
import { RosterPrintPage } from './RosterPrint.page';
import { WallboardPage } from './Wallboard.page';

export const rosterRoutes: RouteObject[] = [
  { path: '/print/roster/:planId', element: <RosterPrintPage /> },
  { path: '/wallboard', element: <WallboardPage /> },
];
