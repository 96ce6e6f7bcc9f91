import { z } from 'zod';

/** Pattern of upper-case catalogue codes: org units, reference regions, lead units, parts, tasks, dimensions. */
export const UPPER_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]*$/;

/** Pattern of indicator codes; formulas name indicators by these codes. */
export const INDICATOR_CODE_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Pattern of article codes as the policy writes them: `(一)` … `(十七)` (ASCII parentheses, as in the seed text). */
export const ARTICLE_CODE_PATTERN = /^\([一二三四五六七八九十]{1,3}\)$/;

/** Pattern of period codes: a year `2024`, a quarter `2024Q1` or a month `2024-03`. */
export const PERIOD_CODE_PATTERN = /^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** Message of a code-pattern violation; the loader maps it to `E_CATALOG_BAD_CODE`. */
export const BAD_CODE_MESSAGE = 'E_CATALOG_BAD_CODE';

/** An upper-case code (`^[A-Z0-9][A-Z0-9_-]*$`), e.g. `WSC-SC`, `MOST`, `T04-01`. */
export const upperCodeSchema = z.string().regex(UPPER_CODE_PATTERN, BAD_CODE_MESSAGE);

/** An indicator code (`^[a-z][a-z0-9_]*$`), e.g. `rd_intensity`. */
export const indicatorCodeSchema = z.string().regex(INDICATOR_CODE_PATTERN, BAD_CODE_MESSAGE);

/** An article code `(一)` … `(十七)`. */
export const articleCodeSchema = z.string().regex(ARTICLE_CODE_PATTERN, BAD_CODE_MESSAGE);

/** A calendar date written `YYYY-MM-DD` (no time, no zone). */
export const isoDateSchema = z.iso.date();

/** A period code: `2024`, `2024Q1` or `2024-03`. Ranges (`2013-2017`) and halves (`2025H1`) are not period codes. */
export const periodCodeSchema = z
  .string()
  .regex(PERIOD_CODE_PATTERN, 'not a period code (2024, 2024Q1, 2024-03)');

/** A non-empty trimmed text. */
export const textSchema = z.string().trim().min(1);
