// The one HTTP client: same-origin cookies, the UI language on every request, the CSRF token on writes,
// and the server's error body turned into an ApiError with its localised message.
import type { ErrorBody } from '@scimon/contracts';
import { currentLanguage } from '../i18n/i18n.ts';
import { takePrefetched } from '../boot/prefetch.ts';
import { buildUrl, type Query } from './url.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params: Record<string, unknown> = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const CSRF_COOKIE = 'scimon_csrf';

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

async function toApiError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Partial<ErrorBody>;
    if (body.error)
      return new ApiError(
        res.status,
        body.error.code,
        body.error.message,
        body.error.params,
        body.error.requestId,
      );
  } catch {
    // not JSON: fall through
  }
  return new ApiError(res.status, 'E_HTTP', `HTTP ${res.status}`);
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  const url = buildUrl(path, options.query);
  let res: Response;
  try {
    // A GET the entry already started (main.tsx) is taken instead of asked again.
    const early =
      method === 'GET' && !options.signal?.aborted
        ? takePrefetched(url, headers['Accept-Language']!)
        : undefined;
    res = await (early ??
      fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      }));
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'E_NETWORK', '');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
