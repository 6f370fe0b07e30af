/**
 * Reusable input schemas: trimmed text with limits, phones, ids, dates.
 */
import { z } from 'zod';
import { isWellFormed } from '../text';

/**
 * Invisible characters no official text needs: C0 controls (tab, newline and
 * carriage return aside), DEL, and the bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) that can make a name or title
 * read backwards ("\u202Egnp.exe" shows as "exe.png").
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const unsafeControls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/u;
const noControls = (s: string): boolean => !unsafeControls.test(s);

/**
 * Invisible characters that have no place in a name or a one-line field
 * (look-alike names: "张\u200B三" reads as 张三 but is another person):
 * zero-width space, non-joiner, joiner and the LRM/RLM marks (U+200B–U+200F),
 * the Arabic letter mark (U+061C), the BOM / zero-width no-break space
 * (U+FEFF), the line and paragraph separators (U+2028, U+2029) and NEL (U+0085).
 * Multi-line text keeps them (an emoji family needs U+200D).
 */
export const invisibleInLine = /[\u0085\u061C\u200B-\u200F\u2028\u2029\uFEFF]/u;
const noInvisible = (s: string): boolean => !invisibleInLine.test(s);

/**
 * Any string the API accepts: well-formed (no lone surrogate, see
 * `shared/text.ts`) — the base of every text schema, so nothing ill-formed
 * is ever stored or hashed.
 */
export const str = () => z.string().refine(isWellFormed, { message: 'illFormed', abort: true });

/** Non-empty trimmed text, at most `max` characters, without invisible controls. */
export const text = (max: number) => str().trim().min(1).max(max).refine(noControls, { message: 'controlChars' });
/** Optional trimmed text; empty becomes null. */
export const optText = (max: number) =>
  str()
    .trim()
    .max(max)
    .refine(noControls, { message: 'controlChars' })
    .nullish()
    .transform((v) => (v ? v : null));

/** A name or another one-line field: `text` that also refuses the invisible characters of `invisibleInLine` and line breaks. */
export const line = (max: number) =>
  text(max)
    .refine(noInvisible, { message: 'invisibleChars' })
    .refine((s) => !/[\r\n]/u.test(s), { message: 'lineBreak' });
/** Optional one-line text; empty becomes null. */
export const optLine = (max: number) =>
  str()
    .trim()
    .max(max)
    .refine(noControls, { message: 'controlChars' })
    .refine(noInvisible, { message: 'invisibleChars' })
    .refine((s) => !/[\r\n]/u.test(s), { message: 'lineBreak' })
    .nullish()
    .transform((v) => (v ? v : null));

/** A phone or fax number as people write it: digits, spaces, +, -, (), 转 extension. */
export const phone = str()
  .trim()
  .max(40)
  .regex(/^[0-9+\-() 转#*]*$/u, { message: 'phone' })
  .nullish()
  .transform((v) => (v ? v : null));

export const id = z.number().int().positive();
/** A real calendar date `YYYY-MM-DD` (2026-02-29 and 2026-13-01 are refused). */
export const isoDate = str()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, { message: 'date' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'date' });
/** An instant with its offset (`2026-11-25T21:40:00+08:00` or `…Z`); well-formed first, so a lone surrogate is named as such. */
export const isoInstant = str().pipe(z.iso.datetime({ offset: true }));
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