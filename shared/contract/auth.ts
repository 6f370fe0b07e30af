/**
 * Setup, login, lock and the current session.
 */
import { z } from 'zod';
import { type UserRole } from '../roles';
import { id, phone } from './common';
import { line, optLine } from './common';
import { str } from './common';
import { method } from './define';

import { userRoles } from '../roles';
import { empty } from './common';

export const timeZones = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'UTC'] as const;

export const passwordSchema = str()
  .min(8)
  .max(128)
  .refine((p) => /[A-Za-z]/u.test(p) && /[0-9]/u.test(p), { message: 'passwordWeak' });

export const loginNameSchema = str()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/u, { message: 'loginName' });

export interface SessionInfo {
  sessionId: string;
  userId: number;
  login: string;
  displayName: string;
  roles: UserRole[];
  personId: number | null;
  locked: boolean;
}

export interface AppStatus {
  setUp: boolean;
  deskName: string | null;
  readOnly: boolean;
  /** Why the store is read-only (quick_check failed, newer schema …), as an i18n key. */
  readOnlyReasonKey: string | null;
  /** Values for that message (e.g. the rows expected and found). */
  readOnlyReasonParams: Record<string, string | number> | null;
  schemaVersion: number;
  appVersion: string;
  /** The clock the core runs on (moves in the test host). */
  now: string;
  timeZone: string;
  /** Minutes after local midnight at which the desk's duty day begins (its first shift's start). */
  handoverMinutes: number;
  /** Latest backup file name, offered when the store is damaged. */
  latestBackup: string | null;
}

export interface User {
  id: number;
  login: string;
  personId: number | null;
  displayName: string;
  roles: UserRole[];
  active: boolean;
  lastLoginAt: string | null;
}

export const authMethods = {
  'app.status': method<AppStatus>()({ input: z.object({}).strict(), access: 'public', kind: 'query' }),
  'app.setup': method<SessionInfo>()({
    input: z
      .object({
        deskName: line(80),
        dutyPhone: phone,
        fax: phone,
        timeZone: z.enum(timeZones).default('Asia/Shanghai'),
        adminName: line(40),
        adminLogin: loginNameSchema,
        adminPassword: passwordSchema,
        adminMobile: phone,
        adminDepartment: optLine(60),
      })
      .strict(),
    access: 'public',
    kind: 'mutation',
  }),
  'auth.login': method<SessionInfo>()({
    input: z.object({ login: str().trim().min(1).max(64), password: str().min(1).max(128) }).strict(),
    access: 'public',
    kind: 'mutation',
    readOnly: 'allow',
  }),
  'auth.logout': method<null>()({ input: z.object({}).strict(), access: 'public', kind: 'mutation', readOnly: 'allow' }),
  'auth.session': method<SessionInfo | null>()({ input: z.object({}).strict(), access: 'public', kind: 'query' }),
  'auth.lock': method<null>()({ input: z.object({}).strict(), access: 'session', kind: 'mutation', readOnly: 'allow' }),
  'auth.unlock': method<SessionInfo>()({
    input: z.object({ password: str().min(1).max(128) }).strict(),
    access: 'public',
    kind: 'mutation',
    readOnly: 'allow',
  }),
  'auth.changePassword': method<null>()({
    input: z.object({ current: str().min(1).max(128), next: passwordSchema }).strict(),
    access: 'session',
    kind: 'mutation',
  }),
} as const;

export const usersMethods = {
  'users.list': method<User[]>()({ input: empty, access: ['admin'], kind: 'query' }),
  'users.create': method<User>()({
    input: z
      .object({
        login: loginNameSchema,
        password: passwordSchema,
        personId: id.nullable(),
        displayName: line(40),
        roles: z.array(z.enum(userRoles)).min(1).max(3),
      })
      .strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'users.update': method<User>()({
    input: z
      .object({
        id,
        displayName: line(40).optional(),
        personId: id.nullable().optional(),
        roles: z.array(z.enum(userRoles)).min(1).max(3).optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'users.resetPassword': method<null>()({
    input: z.object({ id, password: passwordSchema }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
} as const;
