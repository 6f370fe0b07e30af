import { describe, expect, it } from 'vitest';
import { isoDate, phone } from '../../shared/contract/common';

describe('common schemas', () => {
  it.each(['2026-11-25', '2024-02-29', '2026-12-31'])('accepts the real date %s', (d) => expect(isoDate.safeParse(d).success).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '2026-11-31', '26-11-25', '2026-1-5'])('refuses %s', (d) => expect(isoDate.safeParse(d).success).toBe(false));
  it('keeps phone numbers as people write them, empty as null', () => {
    expect(phone.parse('0758-2222110 转 801')).toBe('0758-2222110 转 801');
    expect(phone.parse('')).toBeNull();
    expect(phone.safeParse('call me').success).toBe(false);
  });
});
