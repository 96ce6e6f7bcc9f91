// In-memory cache of computed monitoring results, keyed by (data version, parameters). Each lookup is
// given the version just read from the database: a newer version drops every older entry, so a write made
// through any server instance is seen by all of them at their next request.
import { createHash } from 'node:crypto';

/** A bounded map of pending or settled computations for one data version. */
export class MonitoringCache {
  private version = -1;
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries = 500) {}

  /**
   * The cached result of `key` at `version`, or `compute()`'s (shared by concurrent callers). A failed
   * computation is not kept. Oldest entries are evicted first beyond `maxEntries`.
   */
  get<T>(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    // A request that read an older version than another already did: answer it uncached.
    if (version < this.version) return compute();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) return hit as Promise<T>;
    const pending = compute();
    this.entries.set(key, pending);
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return pending;
  }

  /** Number of entries held (for tests). */
  get size(): number {
    return this.entries.size;
  }
}

/** A response body serialised once: the bytes sent and their entity tag. */
export interface SerializedResponse {
  readonly body: Buffer;
  readonly etag: string;
}

/** Serialises a value into the bytes sent and a strong entity tag derived from them. */
export function serializeResponse(json: string): SerializedResponse {
  const body = Buffer.from(json, 'utf8');
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/**
 * Serialised responses of the read routes, keyed like MonitoringCache by (data version, route and query):
 * a hit costs the version read and a map lookup; the body is not re-validated nor re-encoded per request.
 */
export class ResponseCache {
  private readonly cache: MonitoringCache;

  constructor(maxEntries = 500) {
    this.cache = new MonitoringCache(maxEntries);
  }

  /** The stored response of `key` at `version`, else `serialize(await compute())` (shared by concurrent callers). */
  get<T>(
    version: number,
    key: string,
    compute: () => Promise<T>,
    serialize: (value: T) => string,
  ): Promise<SerializedResponse> {
    return this.cache.get(version, key, async () => serializeResponse(serialize(await compute())));
  }

  get size(): number {
    return this.cache.size;
  }
}
