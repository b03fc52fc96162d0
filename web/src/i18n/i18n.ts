// i18next set-up: Bahasa Indonesia by default, English on request; the choice is kept in localStorage
// and mirrored to <html lang> so screen readers pronounce the page correctly.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import id from './id.json';

export type Language = 'id' | 'en';

const storageKey = 'lumbung.lang';

export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'en' || value === 'id' ? value : null;
  } catch {
    return null;
  }
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'id';
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language === 'en' ? 'en' : 'id';
});

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage() ?? 'id',
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();

export default i18n;
