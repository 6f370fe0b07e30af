/**
 * The desk, people (通讯录), external contacts, users and settings.
 */
import { z } from 'zod';
import { method } from './define';
import { timeZones, loginNameSchema, passwordSchema } from './auth';
import { empty, id, optText, phone, reason, text, type ExportedFile } from './common';
import { personRoles, userRoles, type PersonRole, type UserRole } from '../roles';

export interface Desk {
  unitName: string;
  dutyPhone: string | null;
  fax: string | null;
  timeZone: string;
  deskId: string;
  createdAt: string;
}

export interface Person {
  id: number;
  name: string;
  department: string | null;
  title: string | null;
  officePhone: string | null;
  mobile: string | null;
  roles: PersonRole[];
  active: boolean;
  sortOrder: number;
  /** Pinyin initials of the name, for search (张三 → zs). */
  initials: string;
  updatedAt: string;
}

export const contactKinds = ['superior', 'neighbour', 'emergency', 'internal', 'other'] as const;
export type ContactKind = (typeof contactKinds)[number];

export interface Contact {
  id: number;
  kind: ContactKind;
  name: string;
  unit: string | null;
  phone: string | null;
  mobile: string | null;
  fax: string | null;
  note: string | null;
  active: boolean;
  sortOrder: number;
  initials: string;
  updatedAt: string;
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

const personFields = {
  name: text(40),
  department: optText(60),
  title: optText(40),
  officePhone: phone,
  mobile: phone,
  roles: z.array(z.enum(personRoles)).max(4),
  sortOrder: z.number().int().min(0).max(100000),
};
/** New people: roles and sort order may be left out. */
const newPersonFields = {
  ...personFields,
  roles: personFields.roles.default([]),
  sortOrder: personFields.sortOrder.default(0),
};

const contactFields = {
  kind: z.enum(contactKinds),
  name: text(60),
  unit: optText(80),
  phone,
  mobile: phone,
  fax: phone,
  note: optText(500),
  sortOrder: z.number().int().min(0).max(100000).default(0),
};

export const settingsSchema = z
  .object({
    /** Minutes of inactivity before the console locks. */
    idleLockMinutes: z.number().int().min(1).max(240),
    /** Theme: light, dark, or auto (dark from 19:00 to 07:00). */
    theme: z.enum(['light', 'dark', 'auto']),
    language: z.enum(['zh-CN', 'en']),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsSchema>;
export type Settings = Required<SettingsPatch>;

export const directoryMethods = {
  'desk.get': method<Desk>()({ input: empty, access: 'session', kind: 'query' }),
  'desk.update': method<Desk>()({
    input: z
      .object({ unitName: text(80), dutyPhone: phone, fax: phone, timeZone: z.enum(timeZones) })
      .partial()
      .strict(),
    access: ['admin'],
    kind: 'mutation',
  }),

  'people.list': method<Person[]>()({
    input: z
      .object({ query: z.string().trim().max(40).optional(), includeInactive: z.boolean().optional() })
      .strict(),
    access: 'session',
    kind: 'query',
  }),
  'people.get': method<Person>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  'people.create': method<Person>()({ input: z.object(newPersonFields).strict(), access: ['admin'], kind: 'mutation' }),
  'people.update': method<Person>()({
    input: z.object({ id, ...personFields }).partial({ roles: true, sortOrder: true }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'people.setActive': method<Person>()({
    input: z.object({ id, active: z.boolean(), reason: reason.optional() }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),

  'contacts.list': method<Contact[]>()({
    input: z
      .object({ query: z.string().trim().max(40).optional(), kind: z.enum(contactKinds).optional(), includeInactive: z.boolean().optional() })
      .strict(),
    access: 'session',
    kind: 'query',
  }),
  'directory.exportXlsx': method<ExportedFile>()({
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    access: 'session',
    kind: 'query',
  }),
  'contacts.create': method<Contact>()({ input: z.object(contactFields).strict(), access: ['admin'], kind: 'mutation' }),
  'contacts.update': method<Contact>()({
    input: z.object({ id, ...contactFields }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'contacts.setActive': method<Contact>()({
    input: z.object({ id, active: z.boolean(), reason: reason.optional() }).strict(),
    access: ['admin'],
    kind: 'mutation',
  }),

  'users.list': method<User[]>()({ input: empty, access: ['admin'], kind: 'query' }),
  'users.create': method<User>()({
    input: z
      .object({
        login: loginNameSchema,
        password: passwordSchema,
        personId: id.nullable(),
        displayName: text(40),
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
        displayName: text(40).optional(),
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

  'settings.get': method<Settings>()({ input: empty, access: 'session', kind: 'query' }),
  'settings.update': method<Settings>()({ input: settingsSchema, access: ['admin'], kind: 'mutation' }),
} as const;
