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
