import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  dimensionSchema,
  frameworkHeaderSchema,
  indicatorSchema,
  leadUnitSchema,
  orgUnitSchema,
  policyArticleSchema,
  policyDocumentSchema,
  policyPartSchema,
  publishedValueSchema,
  referenceRegionSchema,
  sampleValueSchema,
  stageSchema,
  targetSchema,
  taskSchema,
  type Catalogue,
  type CatalogueProblem,
} from '@scimon/contracts/catalog/index';
import type { z } from 'zod';
import { readCsv, type CellType } from './catalog.csv.ts';
import { CATALOGUE_FILES } from './catalog.files.ts';
import type { LocatedCatalogue } from './catalog.located.ts';
import { problemAt, sortProblems, type Located, type SourceLocation } from './catalog.problem.ts';
import { validateCatalogue } from './catalog.validate.ts';
import { readYaml, yamlList, yamlObject, type YamlFile } from './catalog.yaml.ts';
import { problemsFromZodIssues } from './catalog.zod-issues.ts';

export { formatProblem } from './catalog.problem.ts';
export type { Catalogue, CatalogueProblem } from '@scimon/contracts/catalog/index';
export { CATALOGUE_FILES } from './catalog.files.ts';

/** Result of loading a catalogue: the catalogue, or every problem found in every file. */
export type CatalogueLoadResult = { ok: true; value: Catalogue } | { ok: false; error: CatalogueProblem[] };

/**
 * Reads the catalogue under `dir` (the repository's `data/`), checks every file against its schema and the
 * cross-file rules of `validateCatalogue`, and returns the catalogue or all problems (file, line, field).
 */
export async function loadCatalogue(dir: string): Promise<CatalogueLoadResult> {
  const reader = new CatalogueReader(dir);
  const located = await reader.readAll();
  const problems = [...reader.problems, ...validateCatalogue(located)];
  if (problems.length > 0) return { ok: false, error: sortProblems(problems) };
  return { ok: true, value: toCatalogue(located) };
}

const COLUMNS = {
  leadUnits: {
    code: 'text',
    seq: 'number',
    shortName: 'text',
    fullName: 'text',
    nameEn: 'text',
    kind: 'text',
  },
  stages: { code: 'text', seq: 'number', nameZh: 'text', nameEn: 'text' },
  orgUnits: {
    code: 'text',
    parentCode: 'text',
    level: 'text',
    kind: 'text',
    nameZh: 'text',
    nameEn: 'text',
    shortNameZh: 'text',
    shortNameEn: 'text',
    lat: 'number',
    lon: 'number',
    coordApproximate: 'boolean',
    areaKm2: 'number',
    within: 'text',
    overlaps: 'list',
    validFrom: 'text',
    validTo: 'text',
    assumption: 'text',
    source: 'text',
    seq: 'number',
  },
  referenceRegions: { code: 'text', nameZh: 'text', nameEn: 'text', kind: 'text' },
  targets: {
    indicatorCode: 'text',
    orgUnitCode: 'text',
    year: 'number',
    comparator: 'text',
    value: 'number',
    kind: 'text',
    baseYear: 'number',
    baseYearAssumption: 'boolean',
    note: 'text',
  },
  sampleValues: { indicatorCode: 'text', orgUnitCode: 'text', period: 'text', value: 'number' },
  publishedValues: {
    indicatorCode: 'text',
    orgUnitCode: 'text',
    period: 'text',
    value: 'number',
    sourceRef: 'text',
    figuresEntity: 'text',
    figuresIndicator: 'text',
    figuresUnit: 'text',
  },
} satisfies Record<string, Record<string, CellType>>;

/** Reads files one by one, collecting problems instead of stopping at the first. */
class CatalogueReader {
  readonly problems: CatalogueProblem[] = [];
  private readonly rejectedCodes = new Set<string>();

  constructor(private readonly dir: string) {}

  async readAll(): Promise<LocatedCatalogue> {
    const documentYaml = await this.yaml(CATALOGUE_FILES.document);
    const frameworkYaml = await this.yaml(CATALOGUE_FILES.framework);
    const publishedRows = await this.csv(CATALOGUE_FILES.publishedValues, COLUMNS.publishedValues);
    return {
      policy: documentYaml ? this.yamlObjectItem(documentYaml, 'document', policyDocumentSchema) : null,
      parts: documentYaml ? this.yamlItems(documentYaml, 'parts', policyPartSchema) : [],
      articles: await this.yamlFileItems(CATALOGUE_FILES.articles, 'articles', policyArticleSchema),
      leadUnits: this.items(await this.csv(CATALOGUE_FILES.leadUnits, COLUMNS.leadUnits), leadUnitSchema),
      stages: this.items(await this.csv(CATALOGUE_FILES.stages, COLUMNS.stages), stageSchema),
      tasks: await this.yamlFileItems(CATALOGUE_FILES.tasks, 'tasks', taskSchema),
      orgUnits: this.items(await this.csv(CATALOGUE_FILES.orgUnits, COLUMNS.orgUnits), orgUnitSchema),
      referenceRegions: this.items(
        await this.csv(CATALOGUE_FILES.referenceRegions, COLUMNS.referenceRegions),
        referenceRegionSchema,
      ),
      frameworkHeader: frameworkYaml
        ? this.yamlObjectItem(frameworkYaml, 'framework', frameworkHeaderSchema)
        : null,
      dimensions: frameworkYaml ? this.yamlItems(frameworkYaml, 'dimensions', dimensionSchema) : [],
      indicators: await this.yamlFileItems(CATALOGUE_FILES.indicators, 'indicators', indicatorSchema),
      targets: this.items(await this.csv(CATALOGUE_FILES.targets, COLUMNS.targets), targetSchema),
      sampleValues: this.items(
        await this.csv(CATALOGUE_FILES.sampleValues, COLUMNS.sampleValues),
        sampleValueSchema,
      ),
      publishedValues: this.items(
        publishedRows.map(({ value, at }) => ({ value: withoutReviewColumns(value), at })),
        publishedValueSchema,
      ),
      rejectedCodes: this.rejectedCodes,
    };
  }

  private async text(file: string): Promise<string | null> {
    try {
      return await readFile(join(this.dir, file), 'utf8');
    } catch {
      const at: SourceLocation = { file, line: 0, lineOf: () => 0 };
      this.problems.push(
        problemAt(at, '', 'E_CATALOG_FILE_MISSING', `file not found: ${file}`, `文件不存在: ${file}`),
      );
      return null;
    }
  }

  private async yaml(file: string): Promise<YamlFile | null> {
    const text = await this.text(file);
    if (text === null) return null;
    const { yaml, problems } = readYaml(text, file);
    this.problems.push(...problems);
    return yaml;
  }

  private async csv(
    file: string,
    columns: Record<string, CellType>,
  ): Promise<{ value: unknown; at: SourceLocation }[]> {
    const text = await this.text(file);
    if (text === null) return [];
    const { records, problems } = readCsv(text, file, columns);
    this.problems.push(...problems);
    return records.map((r) => ({ value: r.values, at: r.at }));
  }

  private async yamlFileItems<S extends z.ZodType>(
    file: string,
    key: string,
    schema: S,
  ): Promise<Located<z.infer<S>>[]> {
    const yaml = await this.yaml(file);
    return yaml ? this.yamlItems(yaml, key, schema) : [];
  }

  private yamlItems<S extends z.ZodType>(yaml: YamlFile, key: string, schema: S): Located<z.infer<S>>[] {
    const { items, problems } = yamlList(yaml, key);
    this.problems.push(...problems);
    return this.items(items, schema);
  }

  private yamlObjectItem<S extends z.ZodType>(
    yaml: YamlFile,
    key: string,
    schema: S,
  ): Located<z.infer<S>> | null {
    const { value, at, problems } = yamlObject(yaml, key);
    this.problems.push(...problems);
    if (problems.length > 0) return null;
    return this.items([{ value, at }], schema)[0] ?? null;
  }

  private items<S extends z.ZodType>(
    raw: { value: unknown; at: SourceLocation }[],
    schema: S,
  ): Located<z.infer<S>>[] {
    const out: Located<z.infer<S>>[] = [];
    for (const { value, at } of raw) {
      const parsed = schema.safeParse(value);
      if (parsed.success) {
        out.push({ value: parsed.data, at });
      } else {
        this.problems.push(...problemsFromZodIssues(parsed.error.issues, value, at));
        const code = (value as { code?: unknown } | null)?.code;
        if (typeof code === 'string') this.rejectedCodes.add(code);
      }
    }
    return out;
  }
}

/** published-values.csv keeps the figures.csv entity, indicator and unit for review; the catalogue does not. */
function withoutReviewColumns(value: unknown): unknown {
  const {
    figuresEntity: _e,
    figuresIndicator: _i,
    figuresUnit: _u,
    ...rest
  } = value as Record<string, unknown>;
  return rest;
}

function toCatalogue(c: LocatedCatalogue): Catalogue {
  const values = <T>(items: Located<T>[]): T[] => items.map((i) => i.value);
  if (!c.policy || !c.frameworkHeader) throw new Error('unreachable: a missing header is a problem');
  return {
    policy: c.policy.value,
    parts: values(c.parts),
    articles: values(c.articles),
    leadUnits: values(c.leadUnits),
    stages: values(c.stages),
    tasks: values(c.tasks),
    orgUnits: values(c.orgUnits),
    referenceRegions: values(c.referenceRegions),
    framework: {
      ...c.frameworkHeader.value,
      dimensions: values(c.dimensions),
      indicators: values(c.indicators),
      targets: values(c.targets),
    },
    sampleValues: values(c.sampleValues),
    publishedValues: values(c.publishedValues),
  };
}
