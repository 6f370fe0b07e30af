import { describe, expect, it } from 'vitest';
import { isoDate, optText, phone, text } from '../../shared/contract/common';
import { contract } from '../../shared/contract';
import { toFieldIssues } from '../../electron/core/api/validation';

describe('common schemas', () => {
  it.each(['2026-11-25', '2024-02-29', '2026-12-31'])('accepts the real date %s', (d) => expect(isoDate.safeParse(d).success).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '2026-11-31', '26-11-25', '2026-1-5'])('refuses %s', (d) => expect(isoDate.safeParse(d).success).toBe(false));
  it('keeps phone numbers as people write them, empty as null', () => {
    expect(phone.parse('0758-2222110 转 801')).toBe('0758-2222110 转 801');
    expect(phone.parse('')).toBeNull();
    expect(phone.safeParse('call me').success).toBe(false);
  });

  it.each([
    ['a right-to-left override', '\u202Egnp.exe'],
    ['a left-to-right embedding', '值班\u202A员'],
    ['an isolate', '张\u2067三\u2069'],
    ['a NUL', '张\u0000三'],
    ['an escape', '张\u001B[31m三'],
  ])('refuses %s in one-line and optional text, with the controlChars key', (_, s) => {
    expect(text(40).safeParse(s).success).toBe(false);
    expect(optText(40).safeParse(s).success).toBe(false);
    const r = contract['people.create'].input.safeParse({ name: s, department: null, title: null, officePhone: null, mobile: null, roles: [], sortOrder: 0 });
    expect(r.success).toBe(false);
    if (!r.success) expect(toFieldIssues(r.error)).toContainEqual(expect.objectContaining({ path: 'name', messageKey: 'validation.controlChars' }));
  });
  it('keeps Chinese text, emoji, tabs and line breaks', () => {
    expect(text(200).parse('  区应急局来电：\n\t道路积水 🙂 ')).toBe('区应急局来电：\n\t道路积水 🙂');
    expect(optText(40).parse('')).toBeNull();
  });
});

describe('names and one-line fields (issue 12 §5: look-alike names)', () => {
  const personWith = (name: string) => contract['people.create'].input.safeParse({ name, department: null, title: null, officePhone: null, mobile: null, roles: [], sortOrder: 0 });
  it.each([
    ['a zero-width space', '张\u200B三'],
    ['a zero-width non-joiner', '张\u200C三'],
    ['a zero-width joiner', '张\u200D三'],
    ['a left-to-right mark', '张\u200E三'],
    ['a right-to-left mark', '张\u200F三'],
    ['the Arabic letter mark', '张\u061C三'],
    ['a BOM / zero-width no-break space inside', '张\uFEFF三'],
    ['a line separator', '张\u2028三'],
    ['a paragraph separator', '张\u2029三'],
    ['NEL', '张\u0085三'],
  ])('refuse %s, naming the field with the invisibleChars key', (_, name) => {
    const r = personWith(name);
    expect(r.success).toBe(false);
    if (!r.success) expect(toFieldIssues(r.error)).toContainEqual(expect.objectContaining({ path: 'name', messageKey: 'validation.invisibleChars' }));
  });

  it('refuse a line break in a name', () => {
    const r = personWith('张\n三');
    expect(r.success).toBe(false);
    if (!r.success) expect(toFieldIssues(r.error)).toContainEqual(expect.objectContaining({ path: 'name', messageKey: 'validation.lineBreak' }));
  });

  it('multi-line text keeps an emoji family (its U+200D) and line breaks', () => {
    const r = contract['log.create'].input.safeParse({ kind: 'incoming_call', summary: '来电 👨‍👩‍👧', detail: '第一行\n第二行 👍🏽' });
    expect(r.success).toBe(true);
  });

  it.each(['sourceUnit', 'sourcePerson'])('the log\'s %s is a one-line field', (field) => {
    const r = contract['log.create'].input.safeParse({ kind: 'incoming_call', summary: '来电', [field]: '区应急\u200B局' });
    expect(r.success).toBe(false);
  });

  it('a lone surrogate is refused in every helper, with the illFormed key', () => {
    for (const s of [text(40), optText(40)]) {
      const r = s.safeParse('值班\uD83D');
      expect(r.success).toBe(false);
      if (!r.success) expect(toFieldIssues(r.error)[0]?.messageKey).toBe('validation.illFormed');
    }
    expect(phone.safeParse('\uDC00').success).toBe(false);
    expect(isoDate.safeParse('2026-11-25\uD800').success).toBe(false);
  });
});
