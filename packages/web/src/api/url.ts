// The URL of an API request: the path and its non-empty query parameters (shared by the HTTP client and
// the entry's early requests, which must ask for exactly the same URL).
export type Query = Record<string, string | number | undefined | null>;

export function buildUrl(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
