// Pure helpers of the collection pages: which parks a user reports for, periods, previous values,
// the typed-number check of the entry form and the mapping of a batch's problems onto its rows.
import type { ImportProblem, OrgUnitNode } from '@scimon/contracts';
import { parseCellNumber } from '@scimon/core/numbers/cell-number';
import { formatPeriod, parsePeriod, shiftPeriod } from '@scimon/core/period/period';
import type { SessionUser } from '../../api/types.ts';

export const WRITER_ROLES = ['reporter', 'reviewer', 'coordinator', 'admin'] as const;
export const REVIEWER_ROLES = ['reviewer', 'coordinator', 'admin'] as const;
export const COORDINATOR_ROLES = ['coordinator', 'admin'] as const;

export function hasRole(user: SessionUser | null, roles: readonly string[]): boolean {
  return !!user && user.roles.some((g) => roles.includes(g.role));
}

/** The parks (roll-up units at park level) inside any of the user's writing scopes, in tree order. */
export function reportingParks(roots: readonly OrgUnitNode[], user: SessionUser | null): OrgUnitNode[] {
  const scopes = new Set(
    (user?.roles ?? []).filter((g) => WRITER_ROLES.includes(g.role as never)).map((g) => g.scope),
  );
  const out: OrgUnitNode[] = [];
  const walk = (n: OrgUnitNode, inside: boolean) => {
    const inScope = inside || scopes.has(n.code);
    if (inScope && n.level === 'park' && n.kind === 'area') out.push(n);
    for (const c of n.children) walk(c, inScope);
  };
  for (const r of roots) walk(r, false);
  return out;
}

/** Annual periods, newest first: the year before `today`'s back `count` years, and the current year. */
export function recentYears(today: Date, count = 6): string[] {
  const y = today.getFullYear();
  return Array.from({ length: count + 1 }, (_, i) => String(y - i));
}

/** The period reporters fill in by default: last year. */
export function defaultPeriod(today: Date): string {
  return String(today.getFullYear() - 1);
}

export function previousPeriod(period: string): string | null {
  const p = parsePeriod(period);
  return p.ok ? formatPeriod(shiftPeriod(p.value, 1)) : null;
}

const PRECEDENCE = ['national', 'provincial', 'published', 'report', 'sample'];

/** The value shown as "previous period" for an indicator: the first source in precedence order. */
export function pickBySource<T extends { source: string; value: number | null }>(
  values: readonly T[],
): T | null {
  return (
    [...values]
      .filter((v) => v.value !== null)
      .sort((a, b) => PRECEDENCE.indexOf(a.source) - PRECEDENCE.indexOf(b.source))[0] ?? null
  );
}

export type ValueCheck =
  { kind: 'number'; value: number } | { kind: 'missing' } | { kind: 'invalid'; reason: string };

/** The entry form's check of a typed value (`1,234.5`, full-width digits, 无 / — for not reported). */
export function checkTyped(text: string, valueType: string): ValueCheck {
  const r = parseCellNumber(text, valueType === 'percent');
  if (r.kind === 'number') {
    if (valueType === 'integer' && !Number.isInteger(r.value))
      return { kind: 'invalid', reason: 'not_integer' };
    return r;
  }
  return r;
}

/** A batch's problems by the indicator of the item they name (row = item number, 1-based). */
export function problemsByIndicator(
  problems: readonly ImportProblem[],
  sent: readonly { indicator: string }[],
): { byIndicator: Map<string, ImportProblem[]>; general: ImportProblem[] } {
  const byIndicator = new Map<string, ImportProblem[]>();
  const general: ImportProblem[] = [];
  for (const p of problems) {
    const item = p.row !== null ? sent[p.row - 1] : undefined;
    if (!item) {
      general.push(p);
      continue;
    }
    const list = byIndicator.get(item.indicator) ?? [];
    list.push(p);
    byIndicator.set(item.indicator, list);
  }
  return { byIndicator, general };
}

/** A located message without its "row 3, column value:" prefix (the entry form shows it on the row). */
export function stripLocation(message: string): string {
  const zh = message.match(/^(?:工作表“[^”]*” ?)?(?:第\d+行 ?)?(?:\S+ 列(?:（[A-Z]+）)? ?)?：(.*)$/su);
  if (zh?.[1]) return zh[1];
  const en = message.match(/^(?:sheet "[^"]*",? ?)?(?:row \d+,? ?)?(?:column [^:]+)?: (.*)$/su);
  if (en?.[1]) return en[1];
  return message;
}

export function formatShare(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${(x * 100).toFixed(digits)}%`;
}

export function formatNumber(x: number | null | undefined, lang: string): string {
  if (x === null || x === undefined) return '—';
  return x.toLocaleString(lang, { maximumFractionDigits: 6 });
}
