/**
 * Routes of attendance: the 考勤 page and the printed monthly sheet, loaded on demand.
 */
import type { RouteObject } from 'react-router';

export const attendanceRoutes: RouteObject[] = [
  { path: 'attendance', lazy: async () => ({ Component: (await import('./Attendance.page')).AttendancePage }) },
  { path: '/print/attendance/:month', lazy: async () => ({ Component: (await import('./AttendancePrint.page')).AttendancePrintPage }) },
];
