/**
 * Well-formed text: what may be stored, hashed and cut.
 *
 * A JavaScript string may hold a lone surrogate (half of an emoji, e.g.
 * "\uD83D"). `JSON.stringify` keeps it as the escape `\ud83d`, while SQLite
 * stores bytes that read back as U+FFFD — so a row hashed over the one and
 * stored as the other no longer matches its hash (issue 12 §1). Text is
 * therefore refused at the edge when ill-formed, the audit chain stores and
 * hashes the same well-formed form, and the UI cuts text only between
 * characters, never inside one.
 */

/** Matches a lone surrogate: with the `u` flag a proper pair is one code point and does not match. */
const loneSurrogate = /[\uD800-\uDFFF]/u;
const loneSurrogates = /[\uD800-\uDFFF]/gu;

/** True when `s` holds no lone surrogate (ES2024 `String.prototype.isWellFormed`). */
export const isWellFormed = (s: string): boolean => !loneSurrogate.test(s);

/** `s` with each lone surrogate replaced by U+FFFD — exactly what SQLite gives back for it as UTF-8 text. */
export const toWellFormed = (s: string): string => (loneSurrogate.test(s) ? s.replace(loneSurrogates, '\uFFFD') : s);

/**
 * The dotted path of the first ill-formed string anywhere in a JSON-like
 * value (object keys included), or null when every string is well-formed.
 */
export function firstIllFormedPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : path.join('.');
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const p = firstIllFormedPath(value[i], [...path, String(i)], depth + 1);
      if (p !== null) return p;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (!isWellFormed(k)) return [...path, toWellFormed(k)].join('.');
    const p = firstIllFormedPath(v, [...path, k], depth + 1);
    if (p !== null) return p;
  }
  return null;
}

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'grapheme' }) : null;

/**
 * The first `count` user-perceived characters of `s` (graphemes: an emoji
 * with its skin tone or its ZWJ family, a letter with its combining marks),
 * so a cut by "characters" never splits one.
 */
export function firstChars(s: string, count: number): string {
  if (count <= 0) return '';
  if (!graphemes) return Array.from(s).slice(0, count).join('');
  let n = 0;
  for (const g of graphemes.segment(s)) {
    if (n === count) return s.slice(0, g.index);
    n += 1;
  }
  return s;
}

/**
 * The longest prefix of `s` that is at most `max` UTF-16 units (the unit
 * the schemas' `max` counts) and ends between two user-perceived characters
 * (graphemes: an emoji with its modifiers, a letter with its combining marks),
 * so a cut never leaves half a character behind.
 */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 0) return '';
  if (graphemes) {
    let end = 0;
    for (const g of graphemes.segment(s)) {
      const next = g.index + g.segment.length;
      if (next > max) break;
      end = next;
    }
    return s.slice(0, end);
  }
  // No Intl.Segmenter: at least never split a surrogate pair.
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return s.slice(0, end);
}
