/**
 * i18next set up with the shared catalogs: zh-CN first, English second.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, type Language } from '../shared/i18n';

const langKey = 'dutydesk.lang';
const stored = (typeof localStorage !== 'undefined' ? localStorage.getItem(langKey) : null) as Language | null;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } },
  lng: stored ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lang: Language): void {
  localStorage.setItem(langKey, lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export { i18n };
