import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sampleConfigSchema, type SampleConfig } from '@scimon/contracts/catalog/index';
import { CATALOGUE_FILES } from './catalog.files.ts';

/** Reads and checks `sample/sample.yaml` under a data directory. Throws with the schema's message if it is invalid. */
export async function readSampleConfig(dataDir: string): Promise<SampleConfig> {
  const text = await readFile(join(dataDir, CATALOGUE_FILES.sampleConfig), 'utf8');
  return sampleConfigSchema.parse(parse(text));
}
