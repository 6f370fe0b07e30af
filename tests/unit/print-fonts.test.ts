/**
 * The print symbols' faces (renderer/styles/print-fonts.css) serve what they
 * claim: every code point a face's unicode-range names is in the subset file
 * it loads (per @fontsource's unicode.json), every symbol of official paper
 * has a face, and the symbol family is its own — not faces of the main
 * family under other weight descriptors, which Chromium never reached (the
 * glyph fell through to the system's CFF font and printed as Type 3).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const css = fs.readFileSync(path.join(root, 'renderer/styles/print-fonts.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//gu, '');
const subsets = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@fontsource/noto-serif-sc/unicode.json'), 'utf8')) as Record<string, string>;

type Range = [number, number];
const parseRanges = (s: string): Range[] =>
  s.split(',').map((x) => {
    const [a, b] = x.trim().replace(/^U\+/iu, '').split('-').map((h) => parseInt(h, 16));
    return [a!, b ?? a!];
  });
const inRanges = (cp: number, rs: Range[]) => rs.some(([a, b]) => cp >= a && cp <= b);

const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/gu)].map((m) => {
  const body = m[1]!;
  const get = (k: string) => new RegExp(`${k}:\\s*([^;]+);`, 'u').exec(body)?.[1]?.trim() ?? null;
  return { family: get('font-family')!.replace(/'/gu, ''), weight: get('font-weight'), src: get('src')!, range: get('unicode-range') };
});
const symbolFaces = faces.filter((f) => f.family === 'DutyDesk Symbols');

describe('print symbol faces', () => {
  it('each names only code points its subset file holds', () => {
    const shipped = symbolFaces.filter((f) => f.src.includes('@fontsource'));
    expect(shipped.length).toBeGreaterThan(5);
    for (const f of shipped) {
      const n = /noto-serif-sc-(\d+)-400-normal/u.exec(f.src)![1]!;
      const file = parseRanges(subsets[`[${n}]`]!);
      for (const [a, b] of parseRanges(f.range!)) {
        for (let cp = a; cp <= b; cp++) expect(inRanges(cp, file), `U+${cp.toString(16)} in subset ${n}`).toBe(true);
      }
    }
  });

  it('cover the symbols of official paper: √ ✓ ✗ ○ ● □ ■ ※ → ①–⑱ and the Roman numerals', () => {
    const all = symbolFaces.flatMap((f) => parseRanges(f.range!));
    for (const ch of '√✓✔✗○●◎□■△▲☆★※→←↑↓①②③④⑤⑥⑦⑧⑨⑩⑱ⅠⅡⅢⅣ') expect(inRanges(ch.codePointAt(0)!, all), ch).toBe(true);
  });

  it('are a family of their own, listed in every stack right after the shipped faces', () => {
    // A symbol face of the main family with another weight descriptor is never matched (Chromium picks the 400/700 face).
    expect(faces.filter((f) => f.family !== 'DutyDesk Symbols' && f.range !== null)).toEqual([]);
    for (const f of symbolFaces) expect(f.weight).toBe('100 900');
    for (const v of ['--dd-font-fangsong', '--dd-font-song', '--dd-font-hei']) {
      const stack = new RegExp(`${v}:([^;]+);`, 'u').exec(css)![1]!;
      expect(stack, v).toMatch(/'DutyDesk Serif', 'DutyDesk Symbols', 'Noto (Serif|Sans) CJK SC'/u);
    }
  });
});
