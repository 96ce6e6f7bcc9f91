import { LineCounter, parseDocument, type Document } from 'yaml';
import type { CatalogueProblem } from '@scimon/contracts/catalog/index';
import { problemAt, type SourceLocation } from './catalog.problem.ts';

/** A parsed YAML file: its plain value and a way to find the line of any path in it. */
export interface YamlFile {
  readonly file: string;
  readonly data: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  lineAt(path: readonly (string | number)[]): number;
}

/** Parses YAML text; syntax errors become problems with their line. */
export function readYaml(
  text: string,
  file: string,
): { yaml: YamlFile | null; problems: CatalogueProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const line = lineCounter.linePos(e.pos[0]).line;
      const at: SourceLocation = { file, line, lineOf: () => line };
      return problemAt(
        at,
        '',
        'E_CATALOG_PARSE',
        `YAML syntax error: ${e.message}`,
        `YAML 语法错误: ${e.message}`,
      );
    });
    return { yaml: null, problems };
  }
  const lineAt = (path: readonly (string | number)[]): number => lineOfPath(doc, lineCounter, path);
  return { yaml: { file, data: doc.toJS(), lineAt }, problems: [] };
}

function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return 1;
}

/** A location for the item at `basePath` of a YAML file; fields are looked up under it. */
export function yamlLocation(yaml: YamlFile, basePath: readonly (string | number)[]): SourceLocation {
  return {
    file: yaml.file,
    line: yaml.lineAt(basePath),
    lineOf: (field: string) =>
      yaml.lineAt([
        ...basePath,
        ...field
          .split('.')
          .filter((s) => s !== '')
          .map(pathKey),
      ]),
  };
}

function pathKey(s: string): string | number {
  return /^\d+$/.test(s) ? Number(s) : s;
}

/** Reads the list at top-level `key` of a YAML file, or reports that it is missing. */
export function yamlList(
  yaml: YamlFile,
  key: string,
): { items: { value: unknown; at: SourceLocation }[]; problems: CatalogueProblem[] } {
  const data = yaml.data as Record<string, unknown> | null;
  const list = data && typeof data === 'object' ? data[key] : undefined;
  if (!Array.isArray(list)) {
    const at = yamlLocation(yaml, []);
    return {
      items: [],
      problems: [
        problemAt(
          at,
          key,
          'E_CATALOG_INVALID_FIELD',
          `expected a list under "${key}"`,
          `"${key}" 下应为列表`,
        ),
      ],
    };
  }
  return { items: list.map((value, i) => ({ value, at: yamlLocation(yaml, [key, i]) })), problems: [] };
}

/** Reads the mapping at top-level `key` of a YAML file, or reports that it is missing. */
export function yamlObject(
  yaml: YamlFile,
  key: string,
): { value: unknown; at: SourceLocation; problems: CatalogueProblem[] } {
  const data = yaml.data as Record<string, unknown> | null;
  const value = data && typeof data === 'object' ? data[key] : undefined;
  const at = yamlLocation(yaml, [key]);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      value,
      at,
      problems: [
        problemAt(
          at,
          key,
          'E_CATALOG_INVALID_FIELD',
          `expected a mapping under "${key}"`,
          `"${key}" 下应为映射`,
        ),
      ],
    };
  }
  return { value, at, problems: [] };
}
