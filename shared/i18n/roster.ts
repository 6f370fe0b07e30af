/** Texts of the roster domain. */
export const roster = {
  'zh-CN': { roster: {} },
  en: { roster: {} },
} as const;
