// Early warnings (预警), pure: off-track and regressing indicators, data missing past its deadline,
// low-completeness aggregates, withheld partial targets, unresolved coordination of sources and stored
// values that disagree with the recomputed ones.
import { LOW_COMPLETENESS, PLAN_BANDS } from '@scimon/core';
import type { MonitoringWarning } from '@scimon/contracts';
import { cellKey, reportingUnitsBelow, type Panel, type PanelUnit } from './monitoring.panel.ts';
import type { Evaluation } from './monitoring.evaluate.ts';

/** Display names of the value sources, for messages. */
const SOURCE_NAMES: Record<string, { zh: string; en: string }> = {
  report: { zh: '园区填报', en: 'park report' },
  provincial: { zh: '省统计局', en: 'provincial statistics' },
  national: { zh: '国家统计', en: 'national statistics' },
  published: { zh: '公开数据', en: 'published figure' },
  sample: { zh: '示例数据', en: 'sample data' },
  coordinated: { zh: '协调值', en: 'coordinated value' },
};

/** A year's values are due by 30 June of the next year (annual statistics are compiled by then). */
export const DEADLINE = { month: 6, day: 30 };
/**
 * Relative difference above which a stored value disagrees with the value recomputed or rolled up from
 * components (rounded published figures stay quiet). Sources of one cell are compared with each other by
 * the coordination's configurable tolerance instead.
 */
export const DISCREPANCY_TOLERANCE = 0.01;

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

type Warning = MonitoringWarning;
const fmt = (x: number) => String(Number(x.toPrecision(6)));
const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;

/** True when the values of `year` are overdue on `asOf` (ISO date). */
export const isOverdue = (year: number, asOf: string): boolean =>
  asOf > `${year + 1}-${String(DEADLINE.month).padStart(2, '0')}-${String(DEADLINE.day).padStart(2, '0')}`;

export interface TargetOutcome {
  unit: PanelUnit;
  indicator: string;
  nameZh: string;
  nameEn: string;
  targetYear: number;
  evaluation: Evaluation;
  sample: boolean;
}

/** Warnings from evaluated targets: off track (red or yellow band), regressing, or withheld as partial. */
export function targetWarnings(outcomes: readonly TargetOutcome[]): Warning[] {
  const out: Warning[] = [];
  for (const o of outcomes) {
    const e = o.evaluation;
    const base = {
      orgUnit: o.unit.code,
      indicator: o.indicator,
      indicators: [o.indicator],
      period: String(e.currentYear),
      sample: o.sample,
    };
    const band = PLAN_BANDS[e.band];
    if (e.colour === 'red' || e.colour === 'yellow') {
      out.push({
        ...base,
        kind: 'off_track',
        severity: e.colour === 'red' ? 'high' : 'medium',
        messageZh: `${o.unit.nameZh}「${o.nameZh}」${o.targetYear}年目标：${band.zh}${e.progressShare !== null ? `（完成进度 ${pct(e.progressShare)}）` : ''}`,
        messageEn: `${o.unit.nameEn} "${o.nameEn}" ${o.targetYear} target: ${band.en}${e.progressShare !== null ? ` (${pct(e.progressShare)} of the way)` : ''}`,
        params: {
          band: e.band,
          progressShare: e.progressShare,
          timeShare: e.timeShare,
          targetYear: o.targetYear,
        },
      });
    }
    if (e.openSdg === 'deterioration') {
      out.push({
        ...base,
        kind: 'regressing',
        severity: 'high',
        messageZh: `${o.unit.nameZh}「${o.nameZh}」较基期倒退`,
        messageEn: `${o.unit.nameEn} "${o.nameEn}" has moved away from its target since the base year`,
        params: { score: e.score, baseYear: e.base?.year ?? null },
      });
    }
    if (e.withheld === 'partial' || e.withheld === 'low_completeness') {
      out.push({
        ...base,
        kind: 'partial_target',
        severity: 'low',
        messageZh: `${o.unit.nameZh}「${o.nameZh}」${e.currentYear}年数据不完整（${pct(e.completeness ?? 0)} 的园区已报送），暂不评价`,
        messageEn: `${o.unit.nameEn} "${o.nameEn}" ${e.currentYear}: incomplete (${pct(e.completeness ?? 0)} of parks reported), not evaluated`,
        params: { completeness: e.completeness, reason: e.withheld },
      });
    }
  }
  return out;
}

/** Indicators without a target whose Open SDG method-1 status is deterioration (low: no target at stake). */
export function trendWarnings(
  items: readonly {
    unit: PanelUnit;
    indicator: string;
    nameZh: string;
    nameEn: string;
    year: number;
    score: number | null;
    sample: boolean;
  }[],
): Warning[] {
  return items.map((i) => ({
    kind: 'regressing',
    severity: 'low',
    orgUnit: i.unit.code,
    indicator: i.indicator,
    indicators: [i.indicator],
    period: String(i.year),
    messageZh: `${i.unit.nameZh}「${i.nameZh}」较基期倒退`,
    messageEn: `${i.unit.nameEn} "${i.nameEn}" is regressing since the base year`,
    params: { score: i.score },
    sample: i.sample,
  }));
}

/**
 * Reporting parks (area units without contributing children) with stored indicators missing for a year
 * whose deadline has passed, from the first year of the panel's data up to `year`. One warning per park
 * and year, listing the indicators.
 */
export function missingDataWarnings(
  panel: Panel,
  rows: readonly number[],
  year: number,
  asOf: string,
): Warning[] {
  const P = panel.years.length;
  const storedCodes = panel.indicators.filter((i) => i.formula === null).map((i) => i.code);
  let first = -1;
  for (let p = 0; p < P && first < 0; p++)
    for (let r = 0; r < panel.units.length; r++) if (panel.hasData[r * P + p]) first = p;
  if (first < 0) return [];
  const out: Warning[] = [];
  for (const r of rows) {
    const u = panel.units[r]!;
    if (u.kind !== 'area') continue;
    for (let p = first; p < P && panel.years[p]! <= year; p++) {
      const y = panel.years[p]!;
      const t = panel.plan.trees[p]!;
      if (!isOverdue(y, asOf) || !t.active[r] || t.childStart[r] !== t.childStart[r + 1]) continue;
      const missing = storedCodes.filter((c) => !panel.chosen.get(c)?.has(r * P + p));
      if (!missing.length) continue;
      out.push({
        kind: 'missing_data',
        severity: missing.length === storedCodes.length ? 'high' : 'medium',
        orgUnit: u.code,
        indicator: missing.length === 1 ? missing[0]! : null,
        indicators: missing,
        period: String(y),
        messageZh: `${u.nameZh} ${y} 年有 ${missing.length} 项指标逾期未报（截止 ${y + 1}-06-30）`,
        messageEn: `${u.nameEn}: ${missing.length} indicator(s) for ${y} overdue (due ${y + 1}-06-30)`,
        params: { missing: missing.length, expected: storedCodes.length, deadline: `${y + 1}-06-30` },
        sample: false,
      });
    }
  }
  return out;
}

/** Aggregates whose completeness is below 60 % in `year` for some stored indicator; one per unit. */
export function lowCompletenessWarnings(panel: Panel, rows: readonly number[], year: number): Warning[] {
  const p = year - (panel.years[0] ?? year);
  const P = panel.years.length;
  const t = panel.plan.trees[p];
  if (!t) return [];
  const out: Warning[] = [];
  for (const r of rows) {
    if (!t.active[r] || t.childStart[r] === t.childStart[r + 1]) continue;
    const u = panel.units[r]!;
    const low: string[] = [];
    let least = 1;
    for (const i of panel.indicators) {
      if (i.formula !== null) continue;
      const c = panel.computed.get(i.code)?.completeness[r * P + p];
      if (c !== undefined && c < LOW_COMPLETENESS) {
        low.push(i.code);
        least = Math.min(least, c);
      }
    }
    if (!low.length) continue;
    const below = reportingUnitsBelow(panel.plan, r, p).length;
    out.push({
      kind: 'low_completeness',
      severity: 'medium',
      orgUnit: u.code,
      indicator: low.length === 1 ? low[0]! : null,
      indicators: low,
      period: String(year),
      messageZh: `${u.nameZh} ${year} 年汇总完整率低于 60%（最低 ${pct(least)}，下属 ${below} 个园区）`,
      messageEn: `${u.nameEn} ${year}: aggregate completeness below 60% (lowest ${pct(least)}, ${below} parks below)`,
      params: { completeness: least, reportingUnits: below },
      sample: false,
    });
  }
  return out;
}

/**
 * Source discrepancies (kind `source_discrepancy`), up to `year`, one per cell:
 * - `reason: unresolved` — an open statistics-coordination item: stored sources of the cell differ beyond
 *   the coordination tolerance and no current resolution settles them; the value used is the precedence
 *   source's;
 * - `reason: computed` — the cell's value is recomputed or rolled up (not a stored value) and a stored
 *   value differs from it by more than 1 % (`DISCREPANCY_TOLERANCE`).
 * Resolved cells and stored values used as they are raise nothing.
 */
export function discrepancyWarnings(panel: Panel, rows: readonly number[], year: number): Warning[] {
  const P = panel.years.length;
  const out: Warning[] = [];
  for (const r of rows) {
    const u = panel.units[r]!;
    for (let p = 0; p < P && panel.years[p]! <= year; p++) {
      const t = panel.plan.trees[p]!;
      const reporting = t.active[r] === 1 && t.childStart[r] === t.childStart[r + 1];
      for (const ind of panel.indicators) {
        const key = cellKey(ind.code, r, p);
        const stored = panel.stored.get(key);
        if (!stored) continue;
        const i = r * P + p;
        const y = panel.years[p]!;
        const sampleInput = panel.indicatorByCode
          .get(ind.code)!
          .rawInputs.some((c) => panel.chosen.get(c)?.get(i)?.source === 'sample');
        const coordination = panel.coordination.get(key);
        if (coordination?.status === 'open') {
          const present = stored.filter((s) => s.value !== null);
          const used = present.find((s) => s.source === coordination.precedenceSource)!;
          const others = present.filter((s) => s !== used);
          const name = (s: { source: string }, lang: 'zh' | 'en') =>
            SOURCE_NAMES[s.source]?.[lang] ?? s.source;
          const list = (lang: 'zh' | 'en') =>
            others.map((s) => `${name(s, lang)} ${fmt(s.value!)}`).join(lang === 'zh' ? '、' : ', ');
          const diff = pct(coordination.relativeDifference);
          out.push({
            kind: 'source_discrepancy',
            severity: 'medium',
            orgUnit: u.code,
            indicator: ind.code,
            indicators: [ind.code],
            period: String(y),
            messageZh: `${u.nameZh}「${ind.nameZh}」${y} 年来源数值不一致（相差 ${diff}），待统计协调：暂用${name(used, 'zh')} ${fmt(used.value!)}，另有 ${list('zh')}`,
            messageEn: `${u.nameEn} "${ind.nameEn}" ${y}: sources differ by ${diff}, awaiting coordination (unresolved): using ${name(used, 'en')} ${fmt(used.value!)}, also ${list('en')}`,
            params: {
              reason: 'unresolved',
              used: used.value,
              usedSource: used.source,
              relativeDifference: coordination.relativeDifference,
              sources: others.map((s) => s.source).join(','),
              values: others.map((s) => s.value).join(','),
            },
            sample: present.some((s) => s.source === 'sample'),
          });
          continue;
        }
        // Values used as stored (a reporting unit's own raw value, or a derived fallback) are the
        // coordination's business; only recomputed and rolled-up values are compared here.
        if ((reporting && ind.formula === null) || panel.fallback.get(ind.code)?.has(i)) continue;
        const col = panel.computed.get(ind.code);
        const used = col?.values[i];
        const complete = (col?.completeness[i] ?? 0) >= 1;
        if (used === undefined || used !== used || !complete) continue;
        const off = stored.filter(
          (s) =>
            s.value !== null &&
            Math.abs(s.value - used) > DISCREPANCY_TOLERANCE * Math.max(Math.abs(s.value), Math.abs(used)),
        );
        if (!off.length) continue;
        const list = (lang: 'zh' | 'en') =>
          off
            .map((s) => `${SOURCE_NAMES[s.source]?.[lang] ?? s.source} ${fmt(s.value!)}`)
            .join(lang === 'zh' ? '、' : ', ');
        out.push({
          kind: 'source_discrepancy',
          severity: 'medium',
          orgUnit: u.code,
          indicator: ind.code,
          indicators: [ind.code],
          period: String(y),
          messageZh: `${u.nameZh}「${ind.nameZh}」${y} 年口径不一致：计算值 ${fmt(used)}，另有 ${list('zh')}`,
          messageEn: `${u.nameEn} "${ind.nameEn}" ${y}: stored figures disagree with the computed ${fmt(used)}: ${list('en')}`,
          params: {
            reason: 'computed',
            used,
            sources: off.map((s) => s.source).join(','),
            values: off.map((s) => s.value).join(','),
          },
          sample: sampleInput || off.some((s) => s.source === 'sample'),
        });
      }
    }
  }
  return out;
}

/** Most severe first, then by kind, org unit order and period. */
export function sortWarnings(list: Warning[], order: ReadonlyMap<string, number>): Warning[] {
  return list.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.kind.localeCompare(b.kind) ||
      (order.get(a.orgUnit) ?? 0) - (order.get(b.orgUnit) ?? 0) ||
      (a.period ?? '').localeCompare(b.period ?? '') ||
      (a.indicator ?? '').localeCompare(b.indicator ?? ''),
  );
}
