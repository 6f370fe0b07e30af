/**
 * Extra routes of the roster domain (detail pages, print views), spread into the router.
 */
import type { RouteObject } from 'react-router';

export const rosterRoutes: RouteObject[] = [];
