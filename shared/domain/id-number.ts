/**
 * Resident identity numbers (居民身份证号码, GB 11643-1999): checking and masking.
 *
 * 18 characters: 6-digit region, 8-digit birth date, 3-digit sequence and an
 * ISO 7064 MOD 11-2 check character (0–9 or X). On screen and in exports an
 * ID number is masked — region and the last four kept — unless the role may
 * see it (see `idNumberRoles`).
 */
import type { UserRole } from '../roles';

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** Normalises (trim, upper-case x) and checks the format, birth date and check character. */
export function isValidIdNumber(raw: string): boolean {
  const s = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/u.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(s[i]) * weights[i]!;
  return checkChars[sum % 11] === s[17];
}

/** "440102********1234": the region and the last four stay, the birth date and sequence do not. */
export function maskIdNumber(s: string): string {
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** Roles that see ID numbers unmasked: the leader on duty and the admin (办公室). Officers see them masked. */
export const idNumberRoles: readonly UserRole[] = ['leader', 'admin'];
export const maySeeIdNumbers = (roles: readonly string[]): boolean => roles.some((r) => (idNumberRoles as readonly string[]).includes(r));
