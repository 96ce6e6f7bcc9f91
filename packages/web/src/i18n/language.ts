// The UI language: `?lang=` wins, then the stored choice, then zh-CN (the working language).
export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'scimon.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function otherLanguage(lang: Language): Language {
  return lang === 'zh-CN' ? 'en-US' : 'zh-CN';
}

/** Picks the language from the query string and the stored choice; pure, for tests. */
export function pickLanguage(search: string, stored: string | null): Language {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  if (isLanguage(stored)) return stored;
  return 'zh-CN';
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for the page only
  }
}

/** The language at start-up; a `?lang=` choice is remembered like a click on the switch. */
export function initialLanguage(): Language {
  const stored = readStored();
  const lang = pickLanguage(window.location.search, stored);
  if (lang !== stored) storeLanguage(lang);
  return lang;
}
