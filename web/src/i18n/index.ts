/**
 * German is the default; English is second. The choice comes from `?lang=` first, then from
 * localStorage, and every change is written back there and to <html lang> so that screen
 * readers pronounce the page in the right language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'confluentes.lang';

export function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.includes(value as Language);
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, policy): fall back to the default
  }
}

function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  const stored = readStored();
  return isLanguage(stored) ? stored : 'de';
}

function remember(lng: string): void {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not being able to remember the language is harmless.
  }
}

i18n.on('languageChanged', remember);

void i18n.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'de',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
});

/** The current language narrowed to the supported ones (for API `lang=` parameters). */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'de';
}

export default i18n;
