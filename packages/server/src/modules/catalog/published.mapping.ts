import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  entityMapRowSchema,
  indicatorMapRowSchema,
  rowExclusionSchema,
} from '@scimon/contracts/catalog/index';
import type { z } from 'zod';
import { readCsv, type CellType } from './catalog.csv.ts';
import { formatProblem } from './catalog.problem.ts';
import type { PublishedMapping } from './published.import.ts';

/** The reviewed mapping files of published figures, relative to the data directory. */
export const PUBLISHED_MAPPING_FILES = {
  indicators: 'published/indicator-map.csv',
  entities: 'published/entity-map.csv',
  exclusions: 'published/row-exclusions.csv',
} as const;

/** Reads the three mapping files under a data directory; throws listing every problem (file:line: field: message). */
export async function readPublishedMapping(dataDir: string): Promise<PublishedMapping> {
  return {
    indicators: await readRows(
      dataDir,
      PUBLISHED_MAPPING_FILES.indicators,
      { figuresIndicator: 'text', figuresUnit: 'text', indicatorCode: 'text', scale: 'number', note: 'text' },
      indicatorMapRowSchema,
    ),
    entities: await readRows(
      dataDir,
      PUBLISHED_MAPPING_FILES.entities,
      { figuresEntity: 'text', orgUnitCode: 'text', note: 'text' },
      entityMapRowSchema,
    ),
    exclusions: await readRows(
      dataDir,
      PUBLISHED_MAPPING_FILES.exclusions,
      { figuresEntity: 'text', figuresIndicator: 'text', figuresYear: 'text', reason: 'text' },
      rowExclusionSchema,
    ),
  };
}

async function readRows<S extends z.ZodType>(
  dataDir: string,
  file: string,
  columns: Record<string, CellType>,
  schema: S,
): Promise<z.infer<S>[]> {
  const { records, problems } = readCsv(await readFile(join(dataDir, file), 'utf8'), file, columns);
  const messages = problems.map((p) => formatProblem(p, 'en-US'));
  const rows: z.infer<S>[] = [];
  for (const r of records) {
    const parsed = schema.safeParse(r.values);
    if (parsed.success) rows.push(parsed.data);
    else messages.push(`${file}:${r.at.line}: ${parsed.error.message}`);
  }
  if (messages.length > 0) throw new Error(messages.join('\n'));
  return rows;
}
