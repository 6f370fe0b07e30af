/**
 * English reads as English on every screen (issue 11 item 9), not only in the
 * catalogs: no screen's code writes full-width punctuation (：（）、；　…) of its
 * own — it comes from the language (t('common.colon'), parenOpen/Close,
 * listComma, listSep, gap). Print views are left out: they print the official
 * Chinese layout. Exceptions are named, each with its reason.
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

const fullWidth = /[\u3000-\u303F\uFF01-\uFF5E]/u;
const isPrint = (f: string) => /print/iu.test(path.basename(f));
/** Lines that keep a full-width character on purpose. */
const allowed: Record<string, string> = {
  'renderer/lib/local-input.ts': 'reads a time typed with a full-width colon (21：40 from a Chinese input method)',
  'renderer/pages/hub/Board.page.tsx': "personLine's default separator serves the hub's printed Chinese 汇总 sheet; screens pass the language's",
};

describe('screen code', () => {
  it('writes no full-width punctuation of its own outside print views', () => {
    const found = sources(path.resolve('renderer'))
      .filter((f) => !isPrint(f) && !(path.relative(process.cwd(), f) in allowed))
      .flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, i }))
          .filter(({ line }) => fullWidth.test(line) && !/^\s*(\/\*|\*|\/\/)/u.test(line))
          .map(({ i, line }) => `${path.relative(process.cwd(), f)}:${i + 1}: ${line.trim().slice(0, 80)}`),
      );
    expect(found).toEqual([]);
  });
});
