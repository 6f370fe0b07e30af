/** Texts of the incidents domain. */
export const incidents = {
  'zh-CN': { incidents: {} },
  en: { incidents: {} },
} as const;
