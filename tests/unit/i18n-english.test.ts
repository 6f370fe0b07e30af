/**
 * English reads as English (issue 11 item 9): no `en` string holds full-width
 * punctuation (（，。：；！？（）、「」 or the ideographic space), and Chinese
 * characters appear only where a term is deliberately Chinese, each named here
 * with its reason.
 */
import { describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n';

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

/** CJK punctuation (U+3000–U+303F: 、。「」【】《》 and the ideographic space) and the full-width forms (U+FF01–U+FF5E: （），：；！？ and full-width letters and digits). */
const fullWidth = /[\u3000-\u303F\uFF01-\uFF5E]/u;
const han = /\p{Script=Han}/u;

/** English strings that keep Chinese words on purpose. */
const deliberatelyChinese: Record<string, string> = {
  'validation.phone': '转 is how an extension is written in a Chinese phone number ("0758-2222110转8001"): the rule names the character the officer types',
  'shell.language': 'the language switch must be readable by someone who reads only Chinese, whichever language is showing',
  'roster.import.noHeader': 'names the column headers the Chinese roster sheet must have (日期, 带班领导, 值班人员, 姓名)',
  'roster.import.noYear': 'an example of the Chinese sheet title the importer reads the year from (2026年12月值班表)',
  'roster.import.badRole': 'names the role words the Chinese sheet may hold (带班领导, 值班员, 备班)',
  'ledger.close': '销号 is the official term for closing a supervised item, shown next to the English',
  'hub.rules.zeroWordingHint': '{时段} is the placeholder the desk replaces in the Chinese zero-report wording the district writes: the hint names what to type',
};

const en = leaves(resources.en);

describe('the English catalogs', () => {
  it('hold no full-width punctuation', () => {
    expect(en.filter(([, v]) => fullWidth.test(v)).map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });

  it('hold Chinese characters only where a term is deliberately Chinese', () => {
    expect(en.filter(([k, v]) => han.test(v) && !(k in deliberatelyChinese)).map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });

  it('allow-list only strings that exist and still hold Chinese', () => {
    const map = new Map(en);
    expect(Object.keys(deliberatelyChinese).filter((k) => !han.test(map.get(k) ?? ''))).toEqual([]);
  });
});
