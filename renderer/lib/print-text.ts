/**
 * Text as a printout writes it.
 *
 * Roman numerals (Ⅰ–Ⅻ, U+2160–U+217F) are in none of the fonts shipped for
 * printing, so Chromium drew them from the system's CFF font as Type 3
 * pictures (issue 11 item 8: the 首报 and 值班记录 PDFs). Printouts write them
 * with Latin capitals — "III级 较大" — which read the same on paper.
 */
const roman: Record<string, string> = {
  Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V', Ⅵ: 'VI', Ⅶ: 'VII', Ⅷ: 'VIII', Ⅸ: 'IX', Ⅹ: 'X', Ⅺ: 'XI', Ⅻ: 'XII',
  ⅰ: 'i', ⅱ: 'ii', ⅲ: 'iii', ⅳ: 'iv', ⅴ: 'v', ⅵ: 'vi', ⅶ: 'vii', ⅷ: 'viii', ⅸ: 'ix', ⅹ: 'x', ⅺ: 'xi', ⅻ: 'xii',
};

export function printText(s: string): string {
  return s.replace(/[\u2160-\u217f]/gu, (c) => roman[c] ?? c);
}
