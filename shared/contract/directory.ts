/**
 * The desk, people (通讯录), external contacts, users and settings.
 */
import { z } from 'zod';
import { personRoles, userRoles, type PersonRole } from '../roles';
import { loginNameSchema, passwordSchema } from './auth';
import { id, optText, phone, reason, type ExportedFile } from './common';
import { line, optLine } from './common';
import { str } from './common';
import { method } from './define';

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

const personFields = {
  name: line(40),
  department: optLine(60),
  title: optLine(40),
  officePhone: phone,
  mobile: phone,
  roles: z.array(z.enum(personRoles)).max(5),
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
  name: line(60),
  unit: optLine(80),
  phone,
  mobile: phone,
  fax: phone,
  note: optText(500),
  sortOrder: z.number().int().min(0).max(100000).default(0),
};
export const directoryMethods = {
  'people.list': method<Person[]>()({
    input: z
      .object({ query: str().trim().max(40).optional(), includeInactive: z.boolean().optional() })
      .strict(),
    access: 'session',
    kind: 'query',
  }),
  'people.get': method<Person>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  /**
   * A new person; with `account`, their login too (同时创建登录账号), in the same
   * audited transaction: both rows or neither (issue 11 item 10).
   */
  'people.create': method<Person>()({
    input: z
      .object({
        ...newPersonFields,
        account: z
          .object({ login: loginNameSchema, password: passwordSchema, roles: z.array(z.enum(userRoles)).min(1).max(3) })
          .strict()
          .optional(),
      })
      .strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
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
      .object({ query: str().trim().max(40).optional(), kind: z.enum(contactKinds).optional(), includeInactive: z.boolean().optional() })
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
  })
} as const;
