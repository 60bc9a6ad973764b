// Every visible string goes through i18next: Dutch by default, English as the second language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('ketenkaart.language') : null;

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
});

// <html lang> follows the language from the first render on, also after a reload in English.
const keepLangInStep = (language: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};
keepLangInStep(i18n.language);
i18n.on('languageChanged', keepLangInStep);

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  localStorage.setItem('ketenkaart.language', language);
}

export { i18n };
