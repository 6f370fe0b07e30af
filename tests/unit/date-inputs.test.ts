/**
 * Date inputs follow the app's language, not the browser's (issue 11 item 9):
 * no desk screen uses a native `<input type="date|month|datetime-local">`
 * ("mm/dd/yyyy", "January 2027" inside the Chinese UI) — they use the Mantine
 * fields of renderer/components/DateFields under the app's DatesProvider.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.tsx?$/u.test(d.name) ? [p] : [];
  });
}

// Every screen is scanned: the desk's and the hub's (which has the same DatesProvider, components/DateFields/LocalisedDates).
const skipped: string[] = [];

/** Native fields left on purpose, each with its reason. */
const allowed: Record<string, string> = {
  'renderer/pages/settings/RosterPanels.tsx': 'a shift start (type="time"): no month or weekday words, but its 12/24-hour display follows the browser; to move to a Mantine time field',
};

describe('date inputs', () => {
  it('no desk screen uses a native date, month or date-time input', () => {
    const native = /type=["'{]+\s*["']?(?:date|month|datetime-local|week|time)["']/u;
    const found = sources(path.resolve('renderer'))
      .filter((f) => !skipped.some((s) => f.startsWith(s)) && !(path.relative(process.cwd(), f) in allowed))
      .flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, i }))
          .filter(({ line }) => native.test(line) && !/^\s*(\/\*|\*|\/\/)/u.test(line))
          .map(({ i }) => `${path.relative(process.cwd(), f)}:${i + 1}`),
      );
    expect(found).toEqual([]);
  });
});
