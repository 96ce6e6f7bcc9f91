// No untranslated strings: every feature's locale file has the same keys in zh-CN and en-US, none empty.
import { describe, expect, it } from 'vitest';

// Vite's glob import reads every locale file at test time (the web package has no Node types).
const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', {
  eager: true,
  import: 'default',
});
const read = (lang: string, file: string) => files[`../locales/${lang}/${file}`] ?? {};
const list = (lang: string) =>
  Object.keys(files)
    .filter((f) => f.startsWith(`../locales/${lang}/`))
    .map((f) => f.slice(`../locales/${lang}/`.length))
    .sort();

// i18next plural forms (`total_one`, `total_other`) stand for one key: Chinese needs no plural forms.
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix.replace(PLURAL, '')];
  return [...new Set(Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)))];
}

function emptyValues(obj: unknown, prefix = ''): string[] {
  if (typeof obj === 'string') return obj.trim() === '' ? [prefix] : [];
  if (typeof obj !== 'object' || obj === null) return [];
  return Object.entries(obj).flatMap(([k, v]) => emptyValues(v, prefix ? `${prefix}.${k}` : k));
}

const zh = list('zh-CN');
const en = list('en-US');

describe('locale files', () => {
  it('exist for the same features in both languages', () => {
    expect(zh.length).toBeGreaterThan(5);
    expect(en).toEqual(zh);
  });
  it.each(zh)('%s has the same keys in zh-CN and en-US, none empty', (file: string) => {
    const a = read('zh-CN', file);
    const b = read('en-US', file);
    expect(keys(b).sort()).toEqual(keys(a).sort());
    expect(emptyValues(a)).toEqual([]);
    expect(emptyValues(b)).toEqual([]);
  });
});
