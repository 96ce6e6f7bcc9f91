// Early requests: the entry (main.tsx) asks for what the first page shows before the app's code has
// loaded; the HTTP client (api/http.ts) then takes the response instead of asking again. Each is taken at
// most once and only shortly after start-up; failures are left to the client's usual handling. No imports
// beyond the language: this module is part of the small entry chunk.
import type { Language } from '../i18n/language.ts';

const MAX_AGE_MS = 15_000;
const started = new Map<string, { at: number; response: Promise<Response> }>();

const keyOf = (url: string, lang: string) => `${lang} ${url}`;

/** Starts a GET of `url` as the HTTP client would send it (same headers, same-origin cookies). */
export function prefetch(url: string, lang: Language): void {
  const response = fetch(url, {
    method: 'GET',
    headers: { Accept: 'application/json', 'Accept-Language': lang },
    credentials: 'same-origin',
  });
  // Not taken (or failed): never an unhandled rejection; the client fetches again.
  response.catch(() => undefined);
  started.set(keyOf(url, lang), { at: performance.now(), response });
}

/** The early response of a GET of `url` in `lang`, once; undefined when none was started (or it is old). */
export function takePrefetched(url: string, lang: string): Promise<Response> | undefined {
  const key = keyOf(url, lang);
  const hit = started.get(key);
  if (!hit) return undefined;
  started.delete(key);
  return performance.now() - hit.at <= MAX_AGE_MS ? hit.response : undefined;
}
