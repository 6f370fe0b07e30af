/**
 * Valid inputs from a zod schema, as fast-check arbitraries.
 *
 * The fuzz harness (tests/db/fault-harness.ts) used to derive only
 * near-valid shapes, so half the contract's methods never got past their
 * schema. This derives values the schema *accepts*: objects with their
 * required keys, enums, numbers in range, dates and instants that exist
 * (year ends, leap days, the year after the bundled holidays), strings that
 * match their pattern, and free text of random Unicode — CJK, astral
 * characters, emoji sequences with ZWJ, combining marks, U+FFFD, NUL,
 * tabs and line breaks — repaired only as far as the field's own schema
 * demands (so NUL reaches every field that allows it).
 *
 * `hint(path)` lets the caller supply arbitraries for fields whose valid
 * values depend on the store (ids of existing rows, backup file names).
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { invisibleInLine, unsafeControls } from '../../shared/contract/common';
import { cutText, toWellFormed } from '../../shared/text';

type Def = { type: string; checks?: { _zod: { def: Record<string, unknown> } }[]; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

export type Hint = (path: readonly string[], leaf: z.ZodType) => fc.Arbitrary<unknown> | undefined;

/** Characters worth putting into free text: one entry = one user-perceived character (or a hostile code point). */
const special = [
  '🙂', // astral (a surrogate pair)
  '𠀀', // CJK Extension B, astral
  '👨‍👩‍👧', // ZWJ sequence
  '👍🏽', // emoji + skin-tone modifier
  'é', // e + combining acute
  'ậ', // two combining marks
  '\u0301', // a combining mark alone
  '\uFFFD', // the replacement character itself
  '\u0000', // NUL (refused by the text helpers, allowed in passwords)
  '\t',
  '\n',
  '\r\n',
  ' ',
  '\u3000', // ideographic space
  '\u200B', // zero-width space (refused in names)
  '\u202E', // RLO (refused everywhere)
  '<img src=x onerror=alert(1)>',
  '=1+1',
  "'",
  '"',
  '\\',
  '%',
  '\uD7FF',
  '\uE000', // private use
  '\uFEFF',
];

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const astralCjk = fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c));
const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const anyCodePoint = fc.integer({ min: 0x20, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c));
export const unicodeChar = fc.oneof(
  { weight: 8, arbitrary: cjk },
  { weight: 4, arbitrary: ascii },
  { weight: 2, arbitrary: fc.constantFrom(...special) },
  { weight: 1, arbitrary: astralCjk },
  { weight: 1, arbitrary: anyCodePoint },
);

/** Random Unicode text of about `min`…`max` UTF-16 units. */
export function unicodeText(min: number, max: number): fc.Arbitrary<string> {
  const cap = Math.max(min, Math.min(max, 80));
  return fc
    .tuple(fc.array(unicodeChar, { minLength: 0, maxLength: cap }), fc.boolean())
    .map(([chars, toMax]) => {
      let s = chars.join('');
      // Now and then the field is filled to its limit (the boundary is where cuts go wrong).
      if (toMax && max <= 20_000) while (s.length < max) s += chars[s.length % Math.max(1, chars.length)] ?? '值';
      return cutText(s, max);
    });
}

/** Dates that matter: year ends, leap days, the year after the bundled holidays, days around the test clock. */
export const interestingDate = fc.oneof(
  fc.constantFrom('2024-02-29', '2028-02-29', '2026-12-31', '2027-01-01', '2026-11-25', '2026-11-26', '2026-12-01', '2025-12-31', '2026-01-01', '2027-12-31', '2026-02-28', '2026-03-01'),
  fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
/** Instants near the test clock (2026-11-25 21:40 in Shanghai), across midnight, the handover and the year end; any offset. */
export const interestingInstant = fc.oneof(
  fc.constantFrom('2026-11-25T13:40:00Z', '2026-11-25T21:40:00+08:00', '2026-11-25T16:00:00.000Z', '2026-11-26T00:29:59Z', '2026-11-26T00:30:00Z', '2026-12-31T15:59:59Z', '2026-12-31T16:00:00Z', '2024-02-28T16:00:00Z'),
  fc
    .integer({ min: Date.parse('2026-10-01T00:00:00Z'), max: Date.parse('2026-11-25T13:40:00Z') })
    .chain((ms) => fc.constantFrom(new Date(ms).toISOString(), `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`)),
);

function stringChecks(s: z.ZodType): { min: number; max: number; pattern: RegExp | null; format: string | null } {
  const str = s as unknown as { minLength: number | null; maxLength: number | null; format: string | null };
  let pattern: RegExp | null = null;
  for (const c of defOf(s).checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp) pattern = d.pattern;
  }
  const format = (defOf(s).format as string | undefined) ?? str.format ?? null;
  return { min: str.minLength ?? 0, max: str.maxLength ?? 2000, pattern, format };
}

/** Values that satisfy common patterns, the fallback when a generated string does not. */
const corpus = ['2026-11-25', '13800000000', '0758-2222110', 'admin', 'officer_2', 'dutydesk-2026-11-25T13-40-00Z-manual.sqlite', 'AAAA', 'a'.repeat(64), '0'.repeat(64), '/tmp/dutydesk-backup', '值班'];

const stripInvisible = new RegExp(`${unsafeControls.source}|${invisibleInLine.source}|[\\r\\n]`, 'gu');

/** Makes a random string acceptable to `leaf`, changing no more than the field demands; null when it cannot. */
function repair(leaf: z.ZodType, s: string, min: number, max: number): string | null {
  if (leaf.safeParse(s).success) return s;
  let t = toWellFormed(s);
  if (leaf.safeParse(t).success) return t;
  t = t.replace(stripInvisible, '').trim();
  if (t.length < Math.max(min, 1)) t = `${t}值班记录${'值'.repeat(Math.max(0, min))}`.trim();
  t = cutText(t, max).trim();
  return leaf.safeParse(t).success ? t : null;
}

function stringArb(leaf: z.ZodType, path: readonly string[]): fc.Arbitrary<unknown> {
  const { min, max, pattern, format } = stringChecks(leaf);
  const key = path.at(-1) ?? '';
  if (format === 'datetime') return interestingInstant;
  if (pattern?.source === '^\\d{4}-\\d{2}-\\d{2}$') return interestingDate;
  if (pattern) {
    // Never `.filter` here: a pattern no generated string satisfies would spin forever.
    const fallback = corpus.find((c) => leaf.safeParse(c).success);
    return fc
      .stringMatching(pattern, { size: 'small' })
      .map((s) => cutText(s, max))
      .map((s) => (leaf.safeParse(s).success || fallback === undefined ? s : fallback));
  }
  if (/password|^current$|^next$/iu.test(key)) {
    // Any Unicode (NUL included), with a letter and a digit so the strength rule passes.
    return fc
      .tuple(unicodeText(0, 20), fc.nat(999))
      .map(([s, n]) => cutText(`${toWellFormed(s)}pw${n}${'x1'.repeat(Math.max(0, Math.ceil(min / 2)))}`, Math.min(max, 120)));
  }
  const fallback = corpus.find((c) => leaf.safeParse(c).success) ?? '';
  return unicodeText(min, max).map((s) => repair(leaf, s, min, max) ?? fallback);
}

function numberArb(s: z.ZodType): fc.Arbitrary<number> {
  const n = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean | null };
  const isInt = n.isInt === true;
  let lo = n.minValue === null || n.minValue < -1e9 ? -1000 : n.minValue;
  let hi = n.maxValue === null || n.maxValue > 1e9 ? lo + 1000 : n.maxValue;
  if (isInt) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
    if (!s.safeParse(lo).success) lo += 1;
    if (!s.safeParse(hi).success) hi -= 1;
    return fc.oneof(fc.integer({ min: lo, max: hi }), fc.constantFrom(lo, hi));
  }
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }).map((x) => (s.safeParse(x).success ? x : lo));
}

const accepts = (s: z.ZodType, v: unknown): boolean => s.safeParse(v).success;

/** An arbitrary of values `schema` accepts (almost always; callers check with safeParse). */
export function validArbitrary(schema: z.ZodType, hint: Hint = () => undefined, path: readonly string[] = []): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const hinted = def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'pipe' ? undefined : hint(path, schema);
  if (hinted) return hinted;
  switch (def.type) {
    case 'string':
      return stringArb(schema, path);
    case 'number':
      return numberArb(schema);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'array': {
      const checks = (def.checks ?? []).map((c) => c._zod.def);
      const exact = checks.find((c) => c.check === 'length_equals')?.length;
      const minLength = exact === undefined ? Number(checks.find((c) => c.check === 'min_length')?.minimum ?? 0) : Number(exact);
      const maxLength = exact === undefined ? Math.min(Number(checks.find((c) => c.check === 'max_length')?.maximum ?? 4), minLength + 4) : Number(exact);
      return fc.array(validArbitrary(def.element as z.ZodType, hint, [...path, '0']), { minLength, maxLength });
    }
    case 'object': {
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [k, v] of Object.entries(shape)) {
        rec[k] = validArbitrary(v, hint, [...path, k]);
        if (!accepts(v, undefined)) required.push(k);
      }
      return fc.record(rec, { requiredKeys: required });
    }
    case 'optional':
      return fc.option(validArbitrary(def.innerType as z.ZodType, hint, path), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(validArbitrary(def.innerType as z.ZodType, hint, path), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
      return fc.option(validArbitrary(def.innerType as z.ZodType, hint, path), { nil: undefined, freq: 4 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return validArbitrary(def.innerType as z.ZodType, hint, path);
    case 'pipe': {
      // str().pipe(z.iso.datetime()): the instant is generated for the inner format.
      const out = defOf(def.out as z.ZodType);
      if (out.type === 'string' && out.format === 'datetime') return hint(path, schema) ?? interestingInstant;
      return validArbitrary(def.in as z.ZodType, hint, path);
    }
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => validArbitrary(o, hint, path)));
    case 'record':
      return fc.dictionary(stringArb(def.keyType as z.ZodType, [...path, '*']) as fc.Arbitrary<string>, validArbitrary(def.valueType as z.ZodType, hint, [...path, '*']), { maxKeys: 3 });
    default:
      throw new Error(`validArbitrary: no generator for zod type ${def.type} at ${path.join('.') || '(root)'}`);
  }
}

/**
 * Every path of a string leaf in `schema` (through objects, arrays, optional,
 * nullable, default, pipes, unions), with the leaf's schema — the fields a
 * text property must reach.
 */
export function stringLeaves(schema: z.ZodType, path: readonly string[] = []): { path: string[]; leaf: z.ZodType }[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return [{ path: [...path], leaf: schema }];
    case 'object':
      return Object.entries((schema as unknown as { shape: Record<string, z.ZodType> }).shape).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
    case 'array':
      return stringLeaves(def.element as z.ZodType, [...path, '0']);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return stringLeaves(def.innerType as z.ZodType, path);
    case 'pipe':
      return stringLeaves(def.in as z.ZodType, path);
    case 'union': {
      const seen = new Set<string>();
      return (def.options as z.ZodType[]).flatMap((o) => stringLeaves(o, path)).filter((l) => !seen.has(l.path.join('.')) && seen.add(l.path.join('.')) !== undefined);
    }
    default:
      return [];
  }
}

/** Sets `value` at `path` inside a (copied) JSON-like object. */
export function setPath(root: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    const i = Number(head);
    copy[i] = setPath(copy[i] ?? (rest.length ? {} : undefined), rest, value);
    return copy;
  }
  const obj = (root !== null && typeof root === 'object' ? { ...(root as Record<string, unknown>) } : {}) as Record<string, unknown>;
  obj[head!] = setPath(obj[head!] ?? (rest.length ? (/^\d+$/u.test(rest[0]!) ? [] : {}) : undefined), rest, value);
  return obj;
}
