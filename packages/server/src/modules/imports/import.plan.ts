// Every check of an import, in order: codes and layout per row (while streaming), then against the
// stored data (unchanged rows, stale versions, locks), then warnings and cross-indicator rules on the
// rows that change something. The result is either problems or a plan of inserts and updates.
import {
  formatPeriod,
  parseCellNumber,
  parsePeriod,
  type CompiledRule,
  type Period,
  valueChecker,
  type ValueProblem,
} from '@scimon/core';
import { SOURCE_CODES, type ImportProblem, type ImportSummary, type SourceCode } from '@scimon/contracts';
import { isAllowed, type PrincipalGrants } from '../auth/policy.ts';
import type { CsvRecord, CsvRows } from './import.csv.ts';
import { longEntryCsv, type CsvLongHeader, type Entry, type LayoutOut } from './import.layout.ts';
import { notice, problem, type Location } from './import.problems.ts';
import type { IndicatorRef, OrgUnitRef, StoredValue } from './import.repository.ts';
import { ruleWarningText, WARNING_TEXT } from './import.rules.ts';
import { computeVerdicts, WARNING_KINDS, type CheckInput, type Verdicts } from './import.checks.ts';

/** Earlier periods (of the same kind) a value is compared with. */
export const HISTORY_WINDOW = 10;

/** Problems and notices listed at most (the count is still exact in the refusal). */
export const MAX_LISTED = 1000;

export interface PlanContext {
  indicators: ReadonlyMap<string, IndicatorRef>;
  orgUnits: ReadonlyMap<string, OrgUnitRef>;
  orgUnitsById: ReadonlyMap<number, OrgUnitRef>;
  principal: PrincipalGrants;
  defaultSource: SourceCode;
  acceptWarnings: boolean;
  rules: readonly CompiledRule[];
}

export interface Candidate {
  row: number;
  /** The value cell; its `loc` is built on demand (only problems and notices need it). */
  valueCell: { readonly loc: Location };
  valueText: string;
  indicator: IndicatorRef;
  orgUnit: OrgUnitRef;
  period: Period;
  periodCode: string;
  source: SourceCode;
  value: number | null;
  comment: string | null;
  version?: number;
  /** 口径 when given; undefined keeps a stored basis (import.basis.ts writes it). */
  basis?: string;
}

export interface Change {
  kind: 'insert' | 'update';
  c: Candidate;
  expectedVersion: number;
}

export class ProblemList {
  items: ImportProblem[] = [];
  count = 0;
  add(p: ImportProblem) {
    this.count++;
    if (this.items.length < MAX_LISTED) this.items.push(p);
  }
}

const PERIOD_KIND: Record<string, string> = {
  year: 'year',
  annual: 'year',
  quarter: 'quarter',
  month: 'month',
};
const SOURCE_SET: ReadonlySet<string> = new Set(SOURCE_CODES);
/** Plain unsigned decimals short enough to be finite: parseCellNumber reads them as Number(text). */
const PLAIN_DIGITS = /^\d{1,15}(?:\.\d{1,15})?$/;
export const valueKey = (ind: string, ouId: number, period: string, source: string) =>
  `${ind}|${ouId}|${period}|${source}`;

/** Phase 1, per row while streaming: resolves codes, parses the value, checks type, scope and duplicates. */
export class RowChecker {
  readonly candidates: Candidate[] = [];
  /** Row of the first entry per value key; the key is a number (see `seenKey`), no string per row. */
  private readonly seen = new Map<number | string, number>();
  /** indicator → period → source → a small index, for `seenKey`. */
  private readonly prefixes = new Map<string, Map<string, Map<string, number>>>();
  private prefixCount = 0;
  private readonly scope = new Map<number, boolean>();
  private readonly periods = new Map<string, Period | null>();
  private readonly sources = new Map<SourceCode, boolean>();

  /** Org unit ids are below this: keys stay small integers (no heap number per key) for small trees. */
  private readonly stride: number;

  constructor(
    private readonly ctx: PlanContext,
    private readonly problems: ProblemList,
  ) {
    this.stride = orgUnitStride(ctx);
  }

  private allowed(ou: OrgUnitRef): boolean {
    let a = this.scope.get(ou.id);
    if (a === undefined) {
      const path: string[] = [];
      for (
        let u: OrgUnitRef | undefined = ou;
        u && path.length < 64;
        u = u.parentId === null ? undefined : this.ctx.orgUnitsById.get(u.parentId)
      )
        path.push(u.code);
      a = isAllowed(this.ctx.principal, 'data.write', { orgUnitPath: path });
      this.scope.set(ou.id, a);
    }
    return a;
  }

  /** A number unique per (indicator, org unit, period, source): prefix index × 2³² + org unit id. */
  private seenKey(ind: string, ouId: number, period: string, source: string): number | string {
    let byPeriod = this.prefixes.get(ind);
    if (!byPeriod) this.prefixes.set(ind, (byPeriod = new Map()));
    let bySource = byPeriod.get(period);
    if (!bySource) byPeriod.set(period, (bySource = new Map()));
    let i = bySource.get(source);
    if (i === undefined) bySource.set(source, (i = this.prefixCount++));
    // Exact while below 2⁵³; beyond (never in practice) the string key, which no number equals.
    const k = i * this.stride + ouId;
    return ouId >= 0 && ouId < this.stride && k <= Number.MAX_SAFE_INTEGER
      ? k
      : valueKey(ind, ouId, period, source);
  }

  private readonly checkers = new Map<IndicatorRef, (value: number) => ValueProblem | null>();

  /** The indicator's value-type and range problem of a value, or null. */
  private checkValue(value: number, ind: IndicatorRef): ValueProblem | null {
    let check = this.checkers.get(ind);
    if (!check) this.checkers.set(ind, (check = valueChecker(ind)));
    return check(value);
  }

  private sourceOk(source: SourceCode): boolean {
    let ok = this.sources.get(source);
    if (ok === undefined) this.sources.set(source, (ok = sourceAllowed(this.ctx.principal, source)));
    return ok;
  }

  private period(code: string): Period | null {
    let p = this.periods.get(code);
    if (p === undefined) {
      const r = parsePeriod(code);
      p = r.ok && formatPeriod(r.value) === code ? r.value : null;
      this.periods.set(code, p);
    }
    return p;
  }

  accept(out: LayoutOut | CsvRows, version?: number): void {
    if ('csvRows' in out) return this.acceptCsvRows(out.csvRows.header, out.csvRows.records);
    if ('problem' in out) return this.problems.add(out.problem);
    const e: Entry = out.entry;
    const before = this.problems.count;
    if (e.indicator.text === '') this.problems.add(problem(e.indicator.loc, 'E_IMPORT_REQUIRED'));
    if (e.orgUnit.text === '') this.problems.add(problem(e.orgUnit.loc, 'E_IMPORT_REQUIRED'));
    if (e.period.text === '') this.problems.add(problem(e.period.loc, 'E_IMPORT_REQUIRED'));
    if (this.problems.count > before) return;
    const ind = this.ctx.indicators.get(e.indicator.text);
    if (!ind) this.problems.add(problem(e.indicator.loc, 'E_IMPORT_UNKNOWN_INDICATOR', e.indicator.text));
    const ou = this.ctx.orgUnits.get(e.orgUnit.text);
    if (!ou) this.problems.add(problem(e.orgUnit.loc, 'E_IMPORT_UNKNOWN_ORG_UNIT', e.orgUnit.text));
    const period = this.period(e.period.text);
    if (!period) this.problems.add(problem(e.period.loc, 'E_IMPORT_UNKNOWN_PERIOD', e.period.text));
    const sourceText = e.source?.text ?? this.ctx.defaultSource;
    const source = SOURCE_SET.has(sourceText) ? (sourceText as SourceCode) : null;
    // Locations are built only when a problem needs one (they are getters on CSV rows).
    const sourceLoc = () => e.source?.loc ?? e.value.loc;
    if (!source) this.problems.add(problem(sourceLoc(), 'E_IMPORT_UNKNOWN_SOURCE', sourceText));
    if (
      ind &&
      period &&
      PERIOD_KIND[ind.periodType] !== undefined &&
      PERIOD_KIND[ind.periodType] !== period.kind
    )
      this.problems.add(
        problem(e.period.loc, 'E_IMPORT_PERIOD_TYPE', e.period.text, { expected: ind.periodType }),
      );
    // Reporters report raw components; figures others publish (e.g. a province's R&D intensity) may be derived.
    if (ind && !ind.raw && source === 'report')
      this.problems.add(problem(e.indicator.loc, 'E_IMPORT_DERIVED_INDICATOR', ind.code));
    if (ou && !this.allowed(ou)) this.problems.add(problem(e.orgUnit.loc, 'E_IMPORT_OUT_OF_SCOPE', ou.code));
    if (source && !this.sourceOk(source))
      this.problems.add(problem(sourceLoc(), 'E_IMPORT_SOURCE_FORBIDDEN', source));
    const parsed = ind ? this.value(e, ind) : null;
    if (this.problems.count > before || !ind || !ou || !period || !source || !parsed) return;
    const key = this.seenKey(ind.code, ou.id, e.period.text, source);
    const first = this.seen.get(key);
    if (first !== undefined)
      return this.problems.add(
        problem({ ...e.value.loc, column: null, letter: null }, 'E_IMPORT_DUPLICATE', null, {
          firstRow: first,
        }),
      );
    this.seen.set(key, e.row);
    this.candidates.push({
      row: e.row,
      valueCell: e.value,
      valueText: parsed.text,
      indicator: ind,
      orgUnit: ou,
      period,
      periodCode: e.period.text,
      source,
      value: parsed.value,
      comment: e.comment,
      version,
      ...(e.basis === undefined ? {} : { basis: e.basis }),
    });
  }

  /**
   * CSV rows of the long layout. A row that passes every check of `accept` the common way (codes known,
   * period canonical, source allowed, plain ASCII digits in range, not a duplicate) becomes a candidate
   * straight from its strings; any other row goes through `accept` with its entry, which records exactly
   * the problems it always did. Keep the two in step: a check added to `accept` must make this path
   * decline the row.
   */
  private acceptCsvRows(h: CsvLongHeader, records: readonly CsvRecord[]): void {
    // The optional basis column takes the entry path (kept simple: the basis is written by import.basis.ts).
    const fast = h.basis < 0;
    for (const rec of records)
      if (!fast || !this.acceptCsvRow(rec.cells, rec.row, h))
        this.accept(longEntryCsv(rec.cells, rec.row, h));
  }

  /** True when the row became a candidate without any problem; false leaves everything untouched. */
  private acceptCsvRow(cells: readonly string[], row: number, h: CsvLongHeader): boolean {
    if (cells.length > h.width) return false;
    const indText = h.ind < 0 ? '' : (cells[h.ind] ?? '').trim();
    const ouText = h.ou < 0 ? '' : (cells[h.ou] ?? '').trim();
    const periodText = h.period < 0 ? '' : (cells[h.period] ?? '').trim();
    if (indText === '' || ouText === '' || periodText === '') return false;
    const ind = this.ctx.indicators.get(indText);
    if (!ind) return false;
    const ou = this.ctx.orgUnits.get(ouText);
    if (!ou) return false;
    const period = this.period(periodText);
    if (!period) return false;
    const sourceField = h.source < 0 ? '' : (cells[h.source] ?? '').trim();
    const source = SOURCE_CANONICAL.get(sourceField === '' ? this.ctx.defaultSource : sourceField);
    if (source === undefined) return false;
    const kind = PERIOD_KIND[ind.periodType];
    if (kind !== undefined && kind !== period.kind) return false;
    if (!ind.raw && source === 'report') return false;
    if (!this.allowed(ou) || !this.sourceOk(source)) return false;
    const text = cells[h.value];
    if (text === undefined || !PLAIN_DIGITS.test(text)) return false;
    const value = Number(text);
    if (this.checkValue(value, ind)) return false;
    const key = this.seenKey(ind.code, ou.id, periodText, source);
    if (this.seen.has(key)) return false;
    this.seen.set(key, row);
    const comment = h.comment < 0 ? '' : (cells[h.comment] ?? '').trim();
    this.candidates.push(
      new CsvCandidate(
        row,
        text,
        ind,
        ou,
        period,
        periodText,
        source,
        value,
        comment === '' ? null : comment,
        h.names.value,
      ),
    );
    return true;
  }

  /** The cell's number (null = not reported), or null after recording the problem. */
  private value(e: Entry, ind: IndicatorRef): { value: number | null; text: string } | null {
    const cell = e.value.cell;
    const percent = ind.valueType === 'percent';
    let value: number | null;
    let text: string;
    if (cell === undefined) {
      value = null;
      text = '';
    } else if (cell.kind === 'formula') {
      this.problems.add(problem(e.value.loc, 'E_IMPORT_FORMULA_CELL', cell.text));
      return null;
    } else if (cell.kind === 'date') {
      this.problems.add(problem(e.value.loc, 'E_IMPORT_NOT_A_NUMBER', cell.text));
      return null;
    } else if (cell.kind === 'number') {
      text = String(cell.value);
      if (cell.percentFormat && !percent) {
        this.problems.add(problem(e.value.loc, 'E_IMPORT_PERCENT_SIGN', `${cell.value * 100}%`));
        return null;
      }
      // A cell formatted as % holds the fraction (0.025 shows as 2.5 %): store percentage points.
      value = cell.percentFormat ? Number((cell.value * 100).toPrecision(15)) : cell.value;
    } else if (PLAIN_DIGITS.test(cell.text)) {
      // The common case, plain ASCII digits: exactly what parseCellNumber would return, without folding.
      text = cell.text;
      value = Number(text);
    } else {
      text = cell.text;
      const n = parseCellNumber(cell.text, percent);
      if (n.kind === 'invalid') {
        this.problems.add(
          problem(
            e.value.loc,
            n.reason === 'percent_sign' ? 'E_IMPORT_PERCENT_SIGN' : 'E_IMPORT_NOT_A_NUMBER',
            cell.text,
          ),
        );
        return null;
      }
      value = n.kind === 'number' ? n.value : null;
    }
    if (value !== null) {
      const bad = this.checkValue(value, ind);
      if (bad) {
        const params: Record<string, number> =
          bad.code === 'E_IMPORT_OUT_OF_RANGE' ? { min: bad.min, max: bad.max } : {};
        this.problems.add(problem(e.value.loc, bad.code, text, params));
        return null;
      }
    }
    return { value, text };
  }
}

/** Source codes by text, each the one shared string (rows carry no copy of their own). */
const SOURCE_CANONICAL: ReadonlyMap<string, SourceCode> = new Map(SOURCE_CODES.map((c) => [c, c]));

/**
 * A candidate read from a CSV row by the fast path: the same fields as `accept` sets, with the value
 * cell's location built only when a problem or notice asks for it.
 */
class CsvCandidate implements Candidate {
  constructor(
    public row: number,
    public valueText: string,
    public indicator: IndicatorRef,
    public orgUnit: OrgUnitRef,
    public period: Period,
    public periodCode: string,
    public source: SourceCode,
    public value: number | null,
    public comment: string | null,
    private readonly valueColumn: string,
  ) {}
  get valueCell(): { readonly loc: Location } {
    return { loc: { sheet: null, row: this.row, column: this.valueColumn, letter: null } };
  }
}

/** Sample data are the administrator's; reporters file their parks' own reports only. */
function sourceAllowed(p: PrincipalGrants, source: SourceCode): boolean {
  const roles = p.roles.map((g) => g.role);
  if (source === 'sample') return roles.includes('admin');
  if (source === 'report') return true;
  return roles.some((r) => r === 'admin' || r === 'coordinator' || r === 'reviewer');
}

export interface Plan {
  changes: Change[];
  summary: ImportSummary;
  notices: ImportProblem[];
  notReported: number;
  /**
   * Phases 3–4, the warnings and the cross-indicator rules on the rows that change something: adds their
   * problems and notices and counts `summary.warned`. Separate so a writer can run them while the database
   * works (the plan's changes do not depend on them; any problem they add refuses the whole import).
   */
  checkWarningsAndRules(): void;
  /** The same in two steps, so the verdicts can be computed elsewhere (a worker thread). */
  checkInput(): CheckInput;
  applyVerdicts(v: Verdicts): void;
}

const periodCache = new Map<string, Period | null>();
function parsedPeriod(code: string): Period | null {
  let p = periodCache.get(code);
  if (p === undefined) {
    const r = parsePeriod(code);
    p = r.ok ? r.value : null;
    periodCache.set(code, p);
  }
  return p;
}

/** Consecutive periods of one kind have consecutive ordinals. */
const ordinal = (p: Period) => p.year * (p.kind === 'month' ? 12 : p.kind === 'quarter' ? 4 : 1) + p.index;

/** Submission states that lock report values (draft and returned are editable). */
const LOCKING: ReadonlySet<string> = new Set(['submitted', 'approved', 'published']);

const sameComment = (a: string | null, b: string | null) => (a ?? '') === (b ?? '');

/**
 * Numbers for (text, text, id) triples: a small index per text pair × `stride` + the id, where ids are
 * below `stride` (the largest org unit id + 1): small integers for any real tree, so maps keyed by them
 * hold no heap number per key. Outside that range (never in practice) a string, which no number equals.
 */
class PairKeys {
  private readonly pairs = new Map<string, Map<string, number>>();
  private count = 0;
  constructor(private readonly stride: number) {}
  private small(a: string, b: string, create: boolean): number | undefined {
    let byB = this.pairs.get(a);
    if (!byB) {
      if (!create) return undefined;
      this.pairs.set(a, (byB = new Map()));
    }
    let i = byB.get(b);
    if (i === undefined && create) byB.set(b, (i = this.count++));
    return i;
  }
  private compose(i: number, a: string, b: string, id: number): number | string {
    const k = i * this.stride + id;
    return Number.isInteger(id) && id >= 0 && id < this.stride && k <= Number.MAX_SAFE_INTEGER
      ? k
      : `${a}|${b}|${id}`;
  }
  /** The key, registering the pair when new. */
  key(a: string, b: string, id: number): number | string {
    return this.compose(this.small(a, b, true)!, a, b, id);
  }
  /** The key when the pair is known, else a key nothing was stored under. */
  find(a: string, b: string, id: number): number | string {
    const i = this.small(a, b, false);
    return i === undefined ? -1 : this.compose(i, a, b, id);
  }
}

/** One more than the largest org unit id (the `stride` of small integer keys). */
export function orgUnitStride(ctx: Pick<PlanContext, 'orgUnitsById'>): number {
  let max = 0;
  for (const id of ctx.orgUnitsById.keys()) if (id > max) max = id;
  return max + 1;
}

/** One series' periods in the order first seen (as a Map keyed by period code would keep them). */
class Series {
  size = 0;
  /** Its number among the plan's series (the order created). */
  constructor(readonly index: number) {}
  /** Slots 0 … storedCount − 1 hold stored values (unique per period code); the file's come after. */
  private storedCount = 0;
  readonly codes: string[] = [];
  readonly kinds: string[] = [];
  readonly ords: number[] = [];
  readonly values: (number | null)[] = [];
  private readonly stored: StoredValue[] = [];

  putStored(s: StoredValue, kind: string, ord: number): void {
    this.codes.push(s.period);
    this.kinds.push(kind);
    this.ords.push(ord);
    this.values.push(s.value);
    this.stored.push(s);
    this.size++;
    this.storedCount++;
  }

  /** Puts a file's value (its period code is unique among the file's); returns its slot. */
  put(code: string, kind: string, ord: number, v: number | null): number {
    for (let j = 0; j < this.storedCount; j++)
      if (this.codes[j] === code) {
        this.kinds[j] = kind;
        this.ords[j] = ord;
        this.values[j] = v;
        return j;
      }
    this.codes.push(code);
    this.kinds.push(kind);
    this.ords.push(ord);
    this.values.push(v);
    return this.size++;
  }

  /** The stored value a slot holds the new value of, if any. */
  storedAt(slot: number): StoredValue | undefined {
    return slot < this.storedCount ? this.stored[slot] : undefined;
  }
}

/** Phase 2, against the stored data; phases 3–4 are `checkWarningsAndRules` of the plan returned. */
export function planChanges(
  ctx: PlanContext,
  candidates: readonly Candidate[],
  stored: readonly StoredValue[],
  problems: ProblemList,
): Plan {
  // Per series (indicator, org unit, source): its periods in the order first seen (stored values, then
  // the file's), each with kind, ordinal and value; a file's value replaces the stored one in place.
  // Series and groups are found by number (`PairKeys`), never by a string built per row.
  const stride = orgUnitStride(ctx);
  const seriesKeys = new PairKeys(stride);
  const series = new Map<number | string, Series>();
  const seriesList: Series[] = [];
  const locked = new Set<string>();
  const seriesOf = (ind: string, ou: number, source: string): Series => {
    const k = seriesKeys.key(ind, source, ou);
    let m = series.get(k);
    if (!m) {
      series.set(k, (m = new Series(seriesList.length)));
      seriesList.push(m);
    }
    return m;
  };
  for (const s of stored) {
    const p = parsedPeriod(s.period);
    seriesOf(s.indicator, s.orgUnitId, s.source).putStored(s, p?.kind ?? '', p ? ordinal(p) : 0);
    // The workflow locks a submission once submitted (report values mirror its status): its framework's
    // report values for that unit and period; sample and external sources lock nothing.
    if (s.source === 'report' && LOCKING.has(s.status))
      locked.add(`${ctx.indicators.get(s.indicator)?.framework ?? ''}|${s.orgUnitId}|${s.period}`);
  }
  // A candidate's period is already parsed (and canonical): no second parse. Its stored value, if any, is
  // the one its series holds for the same period code.
  const candidateSeries: Series[] = new Array(candidates.length);
  const candidateSlot = new Int32Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const m = seriesOf(c.indicator.code, c.orgUnit.id, c.source);
    candidateSeries[i] = m;
    candidateSlot[i] = m.put(c.periodCode, c.period.kind, ordinal(c.period), c.value);
  }

  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, warned: 0 };
  const notices: ImportProblem[] = [];
  const changes: Change[] = [];
  const changeSeries: Series[] = [];
  const changeSlots: number[] = [];
  /** Rows refused by this phase (stale, locked): their values still count for the rules. */
  const refusedHere: Candidate[] = [];
  let notReported = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const existing = candidateSeries[i]!.storedAt(candidateSlot[i]!);
    if (c.version !== undefined && c.version !== (existing?.version ?? 0)) {
      problems.add(
        problem(c.valueCell.loc, 'E_DATA_VALUE_STALE', c.valueText, {
          current: existing?.version ?? 0,
          expected: c.version,
        }),
      );
      refusedHere.push(c);
      continue;
    }
    if (c.value === null) {
      notReported++;
      if (notices.length < MAX_LISTED)
        notices.push(
          notice(
            c.valueCell.loc,
            'N_IMPORT_NOT_REPORTED',
            c.valueText,
            `“${c.valueText}” 记为未填报`,
            `"${c.valueText}" recorded as not reported`,
          ),
        );
    }
    if (
      existing &&
      existing.value === c.value &&
      sameComment(existing.comment, c.comment) &&
      (c.basis === undefined || c.basis === existing.basis)
    ) {
      summary.unchanged++;
      continue;
    }
    if (
      c.source === 'report' &&
      locked.size > 0 &&
      locked.has(`${c.indicator.framework}|${c.orgUnit.id}|${c.periodCode}`)
    ) {
      problems.add(problem(c.valueCell.loc, 'E_IMPORT_LOCKED', `${c.orgUnit.code} ${c.periodCode}`));
      refusedHere.push(c);
      continue;
    }
    changes.push({ kind: existing ? 'update' : 'insert', c, expectedVersion: existing?.version ?? 0 });
    changeSeries.push(candidateSeries[i]!);
    changeSlots.push(candidateSlot[i]!);
  }

  for (const ch of changes) {
    if (ch.kind === 'insert') summary.created++;
    else summary.updated++;
  }

  /** The plan packed for `computeVerdicts` (import.checks.ts): typed arrays and a few small tables. */
  function checkInput(): CheckInput {
    const seriesStart = new Int32Array(seriesList.length + 1);
    for (let k = 0; k < seriesList.length; k++) seriesStart[k + 1] = seriesStart[k]! + seriesList[k]!.size;
    const slots = seriesStart[seriesList.length]!;
    const slotKind = new Uint8Array(slots);
    const slotOrd = new Float64Array(slots);
    const slotValue = new Float64Array(slots);
    const kindCodes = new Map<string, number>();
    let lastKind = '';
    let lastCode = -1;
    for (let k = 0; k < seriesList.length; k++) {
      const m = seriesList[k]!;
      for (let j = 0, at = seriesStart[k]!; j < m.size; j++, at++) {
        const kind = m.kinds[j]!;
        if (kind !== lastKind || lastCode < 0) {
          let code = kindCodes.get(kind);
          if (code === undefined) kindCodes.set(kind, (code = kindCodes.size));
          lastKind = kind;
          lastCode = code;
        }
        slotKind[at] = lastCode;
        slotOrd[at] = m.ords[j]!;
        slotValue[at] = m.values[j] ?? NaN;
      }
    }
    // Rule groups (period, source, org unit) as numbers: a small index per (period, source) × stride + id.
    const pairs = new Map<string, Map<string, number>>();
    let pairCount = 0;
    let lastPeriod = '';
    let lastBySource: Map<string, number> | undefined;
    const groupKey = (period: string, source: string, ou: number) => {
      let bySource = period === lastPeriod ? lastBySource : pairs.get(period); // runs of one period
      if (!bySource) pairs.set(period, (bySource = new Map()));
      lastPeriod = period;
      lastBySource = bySource;
      let i = bySource.get(source);
      if (i === undefined) bySource.set(source, (i = pairCount++));
      return i * stride + ou;
    };
    const n = changes.length;
    const changeSeriesIdx = new Int32Array(n);
    const changeSlotAt = new Int32Array(n);
    const changePercent = new Uint8Array(n);
    const changeGroupKey = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = changes[i]!.c;
      const m = changeSeries[i]!;
      changeSeriesIdx[i] = m.index;
      changeSlotAt[i] = seriesStart[m.index]! + changeSlots[i]!;
      changePercent[i] = c.indicator.valueType === 'percent' ? 1 : 0;
      changeGroupKey[i] = groupKey(c.periodCode, c.source, c.orgUnit.id);
    }
    // What the rules read: stored values, then the file's. A file row is the only one of its group and
    // indicator among the file's, so their order does not matter; an unchanged row repeats its stored
    // value, so only the changes and the rows refused here (stale, locked) are added.
    const ruleIndicators = [...new Set(ctx.rules.flatMap((r) => r.refs))];
    const named = new Map(ruleIndicators.map((code, i) => [code, i]));
    const most = ruleIndicators.length ? stored.length + n + refusedHere.length : 0;
    const fillKeys = new Float64Array(most);
    const fillInds = new Int32Array(most);
    const fillValues = new Float64Array(most);
    let fills = 0;
    const fill = (key: number, ind: string, v: number | null) => {
      const i = named.get(ind);
      if (i === undefined) return;
      fillKeys[fills] = key;
      fillInds[fills] = i;
      fillValues[fills++] = v ?? NaN;
    };
    if (ruleIndicators.length) {
      for (const st of stored) fill(groupKey(st.period, st.source, st.orgUnitId), st.indicator, st.value);
      for (let i = 0; i < n; i++) fill(changeGroupKey[i]!, changes[i]!.c.indicator.code, changes[i]!.c.value);
      for (const c of refusedHere)
        fill(groupKey(c.periodCode, c.source, c.orgUnit.id), c.indicator.code, c.value);
    }
    return {
      historyWindow: HISTORY_WINDOW,
      seriesStart,
      slotKind,
      slotOrd,
      slotValue,
      changeSeries: changeSeriesIdx,
      changeSlot: changeSlotAt,
      changePercent,
      changeGroupKey,
      rules: ctx.rules.map(({ code, expression, missing, importance }) => ({
        code,
        expression,
        missing,
        importance,
      })),
      indicatorCodes: [...ctx.indicators.keys()],
      ruleIndicators,
      fillGroupKey: fillKeys.slice(0, fills),
      fillIndicator: fillInds.slice(0, fills),
      fillValue: fillValues.slice(0, fills),
    };
  }

  /** Turns the verdicts into problems and notices, and counts `summary.warned`. */
  function applyVerdicts(v: Verdicts): void {
    const warnings = new Map<Change, { zh: string; en: string }[]>();
    const warn = (ch: Change, w: { zh: string; en: string }) => {
      const list = warnings.get(ch) ?? [];
      list.push(w);
      warnings.set(ch, list);
    };
    for (let i = 0; i < changes.length; i++) {
      const bits = v.warnBits[i]!;
      if (bits === 0) continue;
      WARNING_KINDS.forEach((k, b) => {
        if (bits & (1 << b)) warn(changes[i]!, WARNING_TEXT[k]);
      });
    }
    if (v.failing.length) {
      const members = new Map<number, Change[]>(v.failing.map(([g]) => [g, []]));
      for (let i = 0; i < changes.length; i++) members.get(v.changeGroup[i]!)?.push(changes[i]!);
      for (const [g, ruleIndices] of v.failing) {
        for (const r of ruleIndices) {
          const rule = ctx.rules[r]!;
          for (const ch of members.get(g)!) {
            if (!rule.refs.includes(ch.c.indicator.code)) continue;
            if (rule.importance === 'error')
              problems.add(
                problem(ch.c.valueCell.loc, 'E_IMPORT_RULE_FAILED', ch.c.valueText, {
                  rule: rule.code,
                  expression: rule.expression,
                }),
              );
            else warn(ch, ruleWarningText(rule.code, rule.expression));
          }
        }
      }
    }
    for (const ch of changes) {
      const ws = warnings.get(ch);
      if (!ws) continue;
      summary.warned++;
      const zh = ws.map((w) => w.zh).join('；');
      const en = ws.map((w) => w.en).join('; ');
      if (!ch.c.comment && !ctx.acceptWarnings) {
        problems.add(
          problem(
            ch.c.valueCell.loc,
            'E_IMPORT_COMMENT_REQUIRED',
            ch.c.valueText,
            {},
            { zh: { warnings: zh }, en: { warnings: en } },
          ),
        );
      } else if (notices.length < MAX_LISTED) {
        notices.push(
          notice(ch.c.valueCell.loc, 'N_IMPORT_WARNING', ch.c.valueText, `预警：${zh}`, `warning: ${en}`),
        );
      }
    }
  }

  const checkWarningsAndRules = () => applyVerdicts(computeVerdicts(checkInput(), ctx.rules));
  return { changes, summary, notices, notReported, checkWarningsAndRules, checkInput, applyVerdicts };
}
