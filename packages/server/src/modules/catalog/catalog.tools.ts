/**
 * Maintenance commands for the catalogue's generated files (run from the repository root):
 *   tsx packages/server/src/modules/catalog/catalog.tools.ts sample [dataDir]
 *       regenerates data/sample/sample-values.csv from data/sample/sample.yaml
 *   tsx packages/server/src/modules/catalog/catalog.tools.ts published <figures.csv> [dataDir] [report.md]
 *       rebuilds data/published/published-values.csv from the research figures and the reviewed mapping files,
 *       and writes the row-by-row report (for docs/catalogue.md)
 * The platform itself never reads the research folder: only these committed outputs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CATALOGUE_FILES } from './catalog.files.ts';
import { formatImportReport, formatPublishedCsv, importFigures, parseFigures } from './published.import.ts';
import { readPublishedMapping } from './published.mapping.ts';
import { readSampleConfig } from './sample.config.ts';
import { formatSampleCsv, generateSampleValues } from './sample.generate.ts';

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === 'sample') {
    const dataDir = rest[0] ?? 'data';
    const values = generateSampleValues(await readSampleConfig(dataDir));
    await writeFile(join(dataDir, CATALOGUE_FILES.sampleValues), formatSampleCsv(values));
    process.stderr.write(`wrote ${values.length} sample values\n`);
  } else if (command === 'published' && rest[0]) {
    const dataDir = rest[1] ?? 'data';
    const outcomes = importFigures(
      parseFigures(await readFile(rest[0], 'utf8')),
      await readPublishedMapping(dataDir),
    );
    await writeFile(join(dataDir, CATALOGUE_FILES.publishedValues), formatPublishedCsv(outcomes));
    if (rest[2]) await writeFile(rest[2], formatImportReport(outcomes));
    const count = (s: string): number => outcomes.filter((o) => o.status === s).length;
    process.stderr.write(
      `loaded ${count('loaded')}, skipped ${count('skipped')}, unmapped ${count('unmapped')}\n`,
    );
  } else {
    process.stderr.write(
      'usage: catalog.tools.ts sample [dataDir] | published <figures.csv> [dataDir] [report.md]\n',
    );
    process.exitCode = 2;
  }
}

await main(process.argv.slice(2));
