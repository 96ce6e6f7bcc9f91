/** CLI messages are zh-CN by default; `--lang en-US` (or SCIMON_LANG) switches to English. */
export type Lang = 'zh-CN' | 'en-US';

export function pickLang(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const fromFlag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const value = fromFlag ?? process.env.SCIMON_LANG;
  return value === 'en-US' || value === 'en' ? 'en-US' : 'zh-CN';
}

/** Chooses the message in the active language. */
export const msg = (lang: Lang, zh: string, en: string): string => (lang === 'en-US' ? en : zh);
