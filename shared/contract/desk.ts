/**
 * API methods of the desk (值班室: unit name, duty phone, fax, time zone) and
 * its preferences.
 */
import { logKinds } from '../domain/log';
import { z } from 'zod';
import { empty, phone } from './common';
import { line } from './common';
import { method } from './define';

import { timeZones } from './auth';

export interface Desk {
  unitName: string;
  dutyPhone: string | null;
  fax: string | null;
  timeZone: string;
  deskId: string;
  createdAt: string;
}

export const settingsSchema = z
  .object({
    /** Minutes of inactivity before the console locks. */
    idleLockMinutes: z.number().int().min(1).max(240),
    /** Theme: light, dark, or auto (dark from 19:00 to 07:00). */
    theme: z.enum(['light', 'dark', 'auto']),
    language: z.enum(['zh-CN', 'en']),
    /** The kind the log box returns to after each save (来电 unless the desk sets another). */
    defaultLogKind: z.enum(logKinds),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsSchema>;
export type Settings = Required<SettingsPatch>;

export const deskMethods = {
  'desk.get': method<Desk>()({ input: empty, access: 'session', kind: 'query' }),
  'desk.update': method<Desk>()({
    input: z
      .object({ unitName: line(80), dutyPhone: phone, fax: phone, timeZone: z.enum(timeZones) })
      .partial()
      .strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  'settings.get': method<Settings>()({ input: empty, access: 'session', kind: 'query' }),
  'settings.update': method<Settings>()({ input: settingsSchema, access: ['admin'], kind: 'mutation' }),
} as const;
