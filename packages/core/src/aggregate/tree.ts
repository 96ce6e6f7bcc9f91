import { dayNumber, parseIsoDate, type DateParts } from '../period/date.ts';
import { err, ok, type Result } from '../shared/result.ts';

/** Kinds of org unit that never roll up into their parent (they keep their own values only). */
export const NON_ROLLING_KINDS: ReadonlySet<string> = new Set(['site', 'planning_area']);

/** An org unit as plain data (from the database or a file). Dates are ISO `YYYY-MM-DD`, inclusive; null = open. */
export interface OrgUnitNode {
  readonly id: string;
  readonly parentId: string | null;
  /** city, part, zone, park, site, planning_area, … */
  readonly kind: string;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
}

/**
 * The roll-up structure at one date, over the plan's fixed rows. Arrays are indexed by row.
 * A "reporting unit" is an active row without contributing children: it carries its own data.
 */
export interface TreeAtDate {
  /** 1 when the unit is valid at the date. */
  readonly active: Uint8Array;
  /** Contributing parent row, or −1 (root, inactive, or a site / planning area). */
  readonly parent: Int32Array;
  /** Contributing children of row r: `childRows[childStart[r] .. childStart[r + 1])`. */
  readonly childStart: Int32Array;
  readonly childRows: Int32Array;
  /** Active rows with contributing children, children before parents (post-order). */
  readonly aggregateRows: Int32Array;
  /** Number of reporting units at or below each row (0 for inactive rows). */
  readonly reportingUnits: Int32Array;
}

/** Rows (org units in input order) and the tree valid at each period's end date. */
export interface RollupPlan {
  readonly ids: readonly string[];
  readonly rowOf: ReadonlyMap<string, number>;
  /** Number of periods; `trees[p]` is the structure at period p's end (identical trees are shared). */
  readonly periods: number;
  readonly trees: readonly TreeAtDate[];
}

function activeAt(u: OrgUnitNode, day: number): Result<boolean> {
  for (const [s, lo] of [
    [u.validFrom, true],
    [u.validTo, false],
  ] as const) {
    if (s === undefined || s === null || s === '') continue;
    const d = parseIsoDate(s);
    if (!d.ok) return err({ ...d.error, params: { ...d.error.params, orgUnit: u.id }, where: u.id });
    const n = dayNumber(d.value);
    if (lo ? day < n : day > n) return ok(false);
  }
  return ok(true);
}

/**
 * Builds the roll-up plan: one row per org unit (input order) and, per period end date, the tree valid
 * then (valid-from ≤ date ≤ valid-to). Sites and planning areas ({@link NON_ROLLING_KINDS}) never
 * contribute to their parent.
 *
 * Errors: `E_AGGREGATE_DUPLICATE_UNIT`; `E_AGGREGATE_UNKNOWN_PARENT` (a parent id not in the list);
 * `E_AGGREGATE_INACTIVE_PARENT` (an active unit whose parent is not valid at that date; params unit,
 * parent, date); `E_AGGREGATE_CYCLE`; `E_PERIOD_DATE_INVALID` for a bad validity date.
 */
export function buildRollupPlan(
  units: readonly OrgUnitNode[],
  periodEnds: readonly DateParts[],
): Result<RollupPlan> {
  const rowOf = new Map<string, number>();
  units.forEach((u, i) => rowOf.set(u.id, i));
  if (rowOf.size !== units.length) {
    const seen = new Set<string>();
    const dup = units.find((u) => (seen.has(u.id) ? true : (seen.add(u.id), false)))!;
    return err({
      code: 'E_AGGREGATE_DUPLICATE_UNIT',
      params: { unit: dup.id },
      message: `org unit ${dup.id} listed twice`,
    });
  }
  for (const u of units) {
    if (u.parentId !== null && !rowOf.has(u.parentId)) {
      return err({
        code: 'E_AGGREGATE_UNKNOWN_PARENT',
        params: { unit: u.id, parent: u.parentId },
        message: `unknown parent ${u.parentId} of ${u.id}`,
      });
    }
  }
  const trees: TreeAtDate[] = [];
  let prevKey = '';
  for (const end of periodEnds) {
    const day = dayNumber(end);
    const active = new Uint8Array(units.length);
    for (let i = 0; i < units.length; i++) {
      const a = activeAt(units[i]!, day);
      if (!a.ok) return a;
      active[i] = a.value ? 1 : 0;
    }
    const key = active.join('');
    if (trees.length > 0 && key === prevKey) {
      trees.push(trees[trees.length - 1]!);
      continue;
    }
    prevKey = key;
    const t = buildTree(units, rowOf, active, end);
    if (!t.ok) return t;
    trees.push(t.value);
  }
  return ok({ ids: units.map((u) => u.id), rowOf, periods: periodEnds.length, trees });
}

function buildTree(
  units: readonly OrgUnitNode[],
  rowOf: ReadonlyMap<string, number>,
  active: Uint8Array,
  date: DateParts,
): Result<TreeAtDate> {
  const n = units.length;
  const parent = new Int32Array(n).fill(-1);
  const counts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    if (!active[i] || u.parentId === null) continue;
    const p = rowOf.get(u.parentId)!;
    if (!active[p]) {
      return err({
        code: 'E_AGGREGATE_INACTIVE_PARENT',
        params: { unit: u.id, parent: u.parentId, date: `${date.year}-${date.month}-${date.day}` },
        message: `${u.id} is valid but its parent ${u.parentId} is not`,
      });
    }
    if (NON_ROLLING_KINDS.has(u.kind) || NON_ROLLING_KINDS.has(units[p]!.kind)) continue;
    parent[i] = p;
    counts[p + 1]!++;
  }
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) childStart[i + 1] = childStart[i]! + counts[i + 1]!;
  const fill = childStart.slice(0, n);
  const childRows = new Int32Array(childStart[n]!);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) childRows[fill[parent[i]!]!++] = i;
  // Post-order by iterative DFS from the roots; a row never reached lies on a cycle.
  const aggregateRows: number[] = [];
  const reportingUnits = new Int32Array(n);
  const done = new Uint8Array(n);
  for (let root = 0; root < n; root++) {
    if (!active[root] || parent[root] !== -1) continue;
    const stack: number[] = [root];
    const iter: number[] = [childStart[root]!];
    while (stack.length > 0) {
      const r = stack[stack.length - 1]!;
      const k = iter[iter.length - 1]!;
      if (k < childStart[r + 1]!) {
        iter[iter.length - 1] = k + 1;
        const c = childRows[k]!;
        stack.push(c);
        iter.push(childStart[c]!);
        continue;
      }
      stack.pop();
      iter.pop();
      done[r] = 1;
      if (childStart[r + 1]! > childStart[r]!) {
        let s = 0;
        for (let j = childStart[r]!; j < childStart[r + 1]!; j++) s += reportingUnits[childRows[j]!]!;
        reportingUnits[r] = s;
        aggregateRows.push(r);
      } else reportingUnits[r] = 1;
    }
  }
  for (let i = 0; i < n; i++) {
    if (active[i] && !done[i]) {
      return err({
        code: 'E_AGGREGATE_CYCLE',
        params: { unit: units[i]!.id },
        message: `org unit ${units[i]!.id} is on a parent cycle`,
      });
    }
  }
  return ok({
    active,
    parent,
    childStart,
    childRows,
    aggregateRows: Int32Array.from(aggregateRows),
    reportingUnits,
  });
}
