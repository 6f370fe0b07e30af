/**
 * Extra routes of the trust domain (detail pages, print views), spread into the router.
 */
import type { RouteObject } from 'react-router';

export const trustRoutes: RouteObject[] = [];
