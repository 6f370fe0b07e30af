/** Texts of the trust domain. */
export const trust = {
  'zh-CN': { trust: {} },
  en: { trust: {} },
} as const;
