/**
 * Reusable input schemas: trimmed text with limits, phones, ids, dates.
 */
import { z } from 'zod';

/**
 * Invisible characters no official text needs: C0 controls (tab, newline and
 * carriage return aside), DEL, and the bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) that can make a name or title
 * read backwards ("\u202Egnp.exe" shows as "exe.png").
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const unsafeControls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/u;
const noControls = (s: string): boolean => !unsafeControls.test(s);

/** Non-empty trimmed text, at most `max` characters, without invisible controls. */
export const text = (max: number) => z.string().trim().min(1).max(max).refine(noControls, { message: 'controlChars' });
/** Optional trimmed text; empty becomes null. */
export const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(noControls, { message: 'controlChars' })
    .nullish()
    .transform((v) => (v ? v : null));

/** A phone or fax number as people write it: digits, spaces, +, -, (), 转 extension. */
export const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+\-() 转#*]*$/u, { message: 'phone' })
  .nullish()
  .transform((v) => (v ? v : null));

export const id = z.number().int().positive();
/** A real calendar date `YYYY-MM-DD` (2026-02-29 and 2026-13-01 are refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, { message: 'date' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'date' });
export const isoInstant = z.iso.datetime({ offset: true });
export const reason = text(500);
export const empty = z.object({}).strict();

/** A file produced by the core for the user to save: base64 bytes, a name and a type. */
export interface ExportedFile {
  fileName: string;
  data: string;
  mime: string;
}

export const officers = ['officer', 'leader', 'admin'] as const;

export const readers = ['admin', 'leader', 'officer'] as const;