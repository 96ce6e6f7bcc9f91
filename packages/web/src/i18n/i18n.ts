// i18next with one resource bundle per feature and language (`locales/<lang>/<feature>.json`),
// each its own chunk: the active language is loaded before the first render, the other on switching.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { storeLanguage, type Language } from './language.ts';

const bundles = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { import: 'default' });

async function loadLanguage(lang: Language): Promise<void> {
  const prefix = `../locales/${lang}/`;
  await Promise.all(
    Object.entries(bundles)
      .filter(([file]) => file.startsWith(prefix))
      .map(async ([file, load]) => {
        const ns = file.slice(prefix.length, -'.json'.length);
        if (!i18next.hasResourceBundle(lang, ns))
          i18next.addResourceBundle(lang, ns, await load(), true, true);
      }),
  );
}

function applyToDocument(lang: Language): void {
  document.documentElement.lang = lang;
  document.title = i18next.t('common:product');
}

export async function initI18n(lang: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    ns: ['common'],
    defaultNS: 'common',
    resources: {},
    interpolation: { escapeValue: false },
  });
  await loadLanguage(lang);
  applyToDocument(lang);
  return i18next;
}

/** Switches the UI language: loads its bundles, remembers the choice, drops a `?lang=` that would undo it. */
export async function switchLanguage(lang: Language): Promise<void> {
  await loadLanguage(lang);
  storeLanguage(lang);
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.delete('lang');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  await i18next.changeLanguage(lang);
  applyToDocument(lang);
}

export function currentLanguage(): Language {
  return i18next.language === 'en-US' ? 'en-US' : 'zh-CN';
}
