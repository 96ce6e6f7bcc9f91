// Limits on what an import may read, so no file can crash the process or exhaust its memory.
// Defaults follow Excel's own sheet size; each can be changed with an environment variable.

export interface ImportLimits {
  /** Bytes of the uploaded file. */
  maxFileBytes: number;
  /** Bytes of all zip entries once inflated. */
  maxUncompressedBytes: number;
  /** Compression ratio allowed for a zip entry larger than `ratioAppliesAbove` bytes. */
  maxRatio: number;
  ratioAppliesAbove: number;
  maxRows: number;
  maxColumns: number;
  maxCells: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxRatio: 100,
  ratioAppliesAbove: 1024 * 1024,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCells: 20_000_000,
};

const num = (v: string | undefined, fallback: number) => {
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** SCIMON_IMPORT_MAX_FILE_MB, _MAX_UNCOMPRESSED_MB, _MAX_RATIO, _MAX_ROWS, _MAX_COLUMNS, _MAX_CELLS. */
export function importLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  const d = DEFAULT_IMPORT_LIMITS;
  const mb = 1024 * 1024;
  return {
    maxFileBytes: num(env.SCIMON_IMPORT_MAX_FILE_MB, d.maxFileBytes / mb) * mb,
    maxUncompressedBytes: num(env.SCIMON_IMPORT_MAX_UNCOMPRESSED_MB, d.maxUncompressedBytes / mb) * mb,
    maxRatio: num(env.SCIMON_IMPORT_MAX_RATIO, d.maxRatio),
    ratioAppliesAbove: d.ratioAppliesAbove,
    maxRows: num(env.SCIMON_IMPORT_MAX_ROWS, d.maxRows),
    maxColumns: num(env.SCIMON_IMPORT_MAX_COLUMNS, d.maxColumns),
    maxCells: num(env.SCIMON_IMPORT_MAX_CELLS, d.maxCells),
  };
}
