import { parse } from 'csv-parse/sync';
import {
  PERIOD_CODE_PATTERN,
  type EntityMapRow,
  type IndicatorMapRow,
  type PublishedValue,
  type RowExclusion,
} from '@scimon/contracts/catalog/index';

/** Words in a figures.csv `source` that mark a figure as not firm (matched case-insensitively). */
export const NOT_FIRM_MARKERS = ['derived', 'uncertain', 'low-quality', 'approx.'] as const;

/** One row of the research figures file (`entity,indicator,year,value,unit,source`) with its physical line. */
export interface FigureRow {
  line: number;
  entity: string;
  indicator: string;
  year: string;
  value: string;
  unit: string;
  source: string;
}

/** What happened to a figures row: loaded, skipped (not firm, period, entity, review) or unmapped (indicator). */
export type FigureOutcome =
  | { status: 'loaded'; row: FigureRow; value: PublishedValue }
  | { status: 'skipped' | 'unmapped'; row: FigureRow; reason: string };

/** The reviewed mapping files under `data/published/`. */
export interface PublishedMapping {
  indicators: readonly IndicatorMapRow[];
  entities: readonly EntityMapRow[];
  exclusions: readonly RowExclusion[];
}

/** Parses figures.csv text; each row keeps its line (header = line 1; the file has no multi-line cells). */
export function parseFigures(text: string): FigureRow[] {
  const records: { record: Record<string, string>; info: { lines: number } }[] = parse(text, {
    columns: true,
    info: true,
    skip_empty_lines: true,
  });
  return records.map(({ record, info }) => ({
    line: info.lines,
    entity: record.entity ?? '',
    indicator: record.indicator ?? '',
    year: record.year ?? '',
    value: record.value ?? '',
    unit: record.unit ?? '',
    source: record.source ?? '',
  }));
}

/**
 * Decides each figures row, in this order: a source marked not firm → skipped; a year that is not a period code
 * (`2013-2017`, `2025H1`) → skipped; an entity mapped to nothing → skipped; an indicator (name + unit) mapped to
 * nothing → unmapped; a reviewed row exclusion → skipped; otherwise loaded (value × scale, citation kept).
 * Throws when an entity or indicator is missing from the mapping files (the mapping must be reviewed first).
 */
export function importFigures(rows: readonly FigureRow[], mapping: PublishedMapping): FigureOutcome[] {
  const entities = new Map(mapping.entities.map((e) => [e.figuresEntity, e] as const));
  const indicators = new Map(
    mapping.indicators.map((i) => [`${i.figuresIndicator}|${i.figuresUnit}`, i] as const),
  );
  return rows.map((row): FigureOutcome => {
    const marker = NOT_FIRM_MARKERS.find((m) => row.source.toLowerCase().includes(m));
    if (marker) return { status: 'skipped', row, reason: `source marked "${marker}"` };
    if (!PERIOD_CODE_PATTERN.test(row.year))
      return { status: 'skipped', row, reason: `"${row.year}" is not a period code` };
    const entity = entities.get(row.entity);
    if (!entity) throw new Error(`figures.csv:${row.line}: entity "${row.entity}" is not in entity-map.csv`);
    if (entity.orgUnitCode === null) return { status: 'skipped', row, reason: `entity: ${entity.note}` };
    const indicator = indicators.get(`${row.indicator}|${row.unit}`);
    if (!indicator)
      throw new Error(
        `figures.csv:${row.line}: indicator "${row.indicator}" (${row.unit}) is not in indicator-map.csv`,
      );
    if (indicator.indicatorCode === null) return { status: 'unmapped', row, reason: indicator.note };
    const exclusion = mapping.exclusions.find(
      (x) =>
        x.figuresEntity === row.entity && x.figuresIndicator === row.indicator && x.figuresYear === row.year,
    );
    if (exclusion) return { status: 'skipped', row, reason: `review: ${exclusion.reason}` };
    const value = Number(row.value) * (indicator.scale ?? 1);
    if (!Number.isFinite(value))
      throw new Error(`figures.csv:${row.line}: value "${row.value}" is not a number`);
    return {
      status: 'loaded',
      row,
      value: {
        indicatorCode: indicator.indicatorCode,
        orgUnitCode: entity.orgUnitCode,
        period: row.year,
        value: Number(value.toPrecision(12)),
        sourceRef: row.source,
      },
    };
  });
}

const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** Writes `published-values.csv`: the loaded values plus the figures entity, indicator and unit for review. */
export function formatPublishedCsv(outcomes: readonly FigureOutcome[]): string {
  const header =
    'indicatorCode,orgUnitCode,period,value,sourceRef,figuresEntity,figuresIndicator,figuresUnit';
  const lines = outcomes.flatMap((o) =>
    o.status === 'loaded'
      ? [
          [
            o.value.indicatorCode,
            o.value.orgUnitCode,
            o.value.period,
            String(o.value.value),
            o.value.sourceRef,
            o.row.entity,
            o.row.indicator,
            o.row.unit,
          ]
            .map(csvCell)
            .join(','),
        ]
      : [],
  );
  return [header, ...lines].join('\n') + '\n';
}

/** A Markdown table of every figures row and what happened to it (for docs/catalogue.md). */
export function formatImportReport(outcomes: readonly FigureOutcome[]): string {
  const esc = (s: string): string => s.replaceAll('|', '\\|');
  const head =
    '| line | entity | indicator | year | value | outcome | code / reason |\n|---|---|---|---|---|---|---|';
  const body = outcomes.map((o) => {
    const detail =
      o.status === 'loaded'
        ? `${o.value.indicatorCode} @ ${o.value.orgUnitCode} = ${o.value.value}`
        : o.reason;
    return `| ${o.row.line} | ${esc(o.row.entity)} | ${esc(o.row.indicator)} | ${o.row.year} | ${o.row.value} | ${o.status} | ${esc(detail)} |`;
  });
  return [head, ...body].join('\n') + '\n';
}
