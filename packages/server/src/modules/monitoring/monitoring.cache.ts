// In-memory cache of computed monitoring results, keyed by (data version, parameters). Each lookup is
// given the version just read from the database: a newer version drops every older entry, so a write made
// through any server instance is seen by all of them at their next request.

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
