/**
 * What an edit changed: the keys whose values differ (deeply, by JSON), and
 * the patch an `*.update` method takes (only the changed fields).
 */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function changedKeys(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !same((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]));
}

export function patchOf<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of changedKeys(before, after) as (keyof T)[]) out[k] = after[k];
  return out;
}
