import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { pickLanguage, type Language } from './language';
import { zhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

export function initI18n(language: Language = pickLanguage(navigator.languages ?? [navigator.language])) {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
