/**
 * Expected failures are values, not exceptions. A failure carries a stable code `E_<AREA>_<PROBLEM>`
 * and parameters from which the server and CLI build localised messages (zh-CN, en-US).
 */
export interface Problem {
  /** Stable code, e.g. `E_FORMULA_CYCLE`. */
  readonly code: string;
  /** Parameters for the localised message (names, positions, values). */
  readonly params?: Readonly<Record<string, string | number | boolean | null>>;
  /** Where the problem is: a field path, a file/line/column, a formula position. */
  readonly where?: string;
  /** An English fallback message for logs and tests. */
  readonly message?: string;
}

export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a success. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Wraps a failure. */
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
