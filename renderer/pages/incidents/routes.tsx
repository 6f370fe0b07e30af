/**
 * Extra routes of the incidents domain (detail pages, print views), spread into the router.
 */
import type { RouteObject } from 'react-router';

export const incidentsRoutes: RouteObject[] = [];
