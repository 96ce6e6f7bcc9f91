// Pure view models of the indicator explorer: the units to compare, trend lines and comparison bars.
import type { FrameworkDetail, MonitoringSeries, OrgUnitNode } from '@scimon/contracts';
import type { TrendLine } from '../../charts/trend-option.ts';
import type { CompareItem } from '../../charts/compare-option.ts';

type Target = FrameworkDetail['targets'][number];

/** The unit itself plus the units to compare: its rolled-up children, or for a leaf its siblings. */
export function unitsToCompare(path: readonly OrgUnitNode[]): {
  focus: OrgUnitNode | null;
  others: OrgUnitNode[];
} {
  const focus = path[path.length - 1] ?? null;
  if (!focus) return { focus: null, others: [] };
  const kids = focus.children.filter((c) => c.kind === 'area');
  if (kids.length > 0) return { focus, others: kids };
  const parent = path[path.length - 2];
  return { focus, others: (parent?.children ?? []).filter((c) => c.kind === 'area') };
}

export function yearsOf(series: readonly MonitoringSeries[]): string[] {
  return [...new Set(series.flatMap((s) => s.items.map((i) => i.period)))].sort();
}

/** Chart labels: the unit's short name when known (code → name), else its full name. */
const labelOf = (s: MonitoringSeries, en: boolean, names?: ReadonlyMap<string, string>) =>
  names?.get(s.orgUnit.code) ?? (en ? s.orgUnit.nameEn : s.orgUnit.nameZh);

export function trendLines(
  series: readonly MonitoringSeries[],
  en: boolean,
  names?: ReadonlyMap<string, string>,
): TrendLine[] {
  return series.map((s) => ({
    name: labelOf(s, en, names),
    values: Object.fromEntries(s.items.map((i) => [i.period, i.value])),
  }));
}

export function compareItems(
  series: readonly MonitoringSeries[],
  year: string,
  en: boolean,
  names?: ReadonlyMap<string, string>,
): CompareItem[] {
  return series.map((s) => ({
    name: labelOf(s, en, names),
    value: s.items.find((i) => i.period === year)?.value ?? null,
  }));
}

/** A level target of the indicator at the unit, to draw as a line (growth targets are rates, not levels). */
export function levelTarget(targets: readonly Target[], indicator: string, orgUnit: string): Target | null {
  return (
    targets.find((t) => t.indicator === indicator && t.orgUnit === orgUnit && t.kind === 'level') ?? null
  );
}
