/**
 * Directory search: by name, phone digits or pinyin initials (张三 → zs).
 */
import { pinyin } from 'pinyin-pro';

/** Pinyin initials of a Chinese name, surname read as a surname (单 → s, 曾 → z). Latin letters pass through. */
export function initialsOf(name: string): string {
  const letters = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' });
  return letters
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/gu, '');
}

const digitsOf = (s: string): string => s.replace(/\D/gu, '');

export function matchesQuery(query: string, fields: (string | null)[], initials: string): boolean {
  const q = query.toLowerCase();
  if (fields.some((f) => f?.toLowerCase().includes(q))) return true;
  if (/^[a-z]+$/u.test(q) && initials.includes(q)) return true;
  const qd = digitsOf(q);
  if (qd.length >= 3 && qd === q.replace(/[\s-]/gu, '')) {
    return fields.some((f) => f !== null && digitsOf(f).includes(qd));
  }
  return false;
}
