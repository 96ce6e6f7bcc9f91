// Statistics coordination (指标统计协调): the queue of cells whose sources disagree beyond the tolerance,
// a reviewer's resolution (chosen source or entered value, with a reason; audited, bumps the data version
// so monitoring follows), and the settings (tolerance, source precedence).
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import { err, ok, type Result } from '@scimon/core';
import {
  SOURCE_CODES,
  type CoordinationItem,
  type CoordinationQuery,
  type CoordinationSettings,
  type CoordinationSettingsView,
  type ResolveBody,
  type SourceCode,
} from '@scimon/contracts';
import { isAllowed, type PrincipalGrants } from '../auth/policy.ts';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import { bumpDataVersion } from '../monitoring/data-version.ts';
import { assessCell, cellIdKey, precedenceRank, type CoordinationRules } from './coordination.compare.ts';
import * as repo from './coordination.repository.ts';

type OrgUnitRow = Awaited<ReturnType<typeof repo.listOrgUnits>>[number];
type Names = Awaited<ReturnType<typeof repo.indicatorNames>>;

/** Codes from the unit up to the root. */
function pathOf(unit: OrgUnitRow, byId: ReadonlyMap<number, OrgUnitRow>): string[] {
  const path: string[] = [];
  for (
    let u: OrgUnitRow | undefined = unit;
    u && path.length < 64;
    u = u.parent_id === null ? undefined : byId.get(u.parent_id)
  )
    path.push(u.code);
  return path;
}

const isSource = (s: string): s is SourceCode => (SOURCE_CODES as readonly string[]).includes(s);

/** One cell's item, or null when there is nothing to coordinate (or it does not match the status). */
function presentItem(
  cell: { indicator: string; unit: OrgUnitRow; period: string },
  values: readonly repo.CellValueRow[],
  rules: CoordinationRules,
  resolution: repo.ResolutionRow | null | undefined,
  names: Names,
): CoordinationItem | null {
  const a = assessCell(values, rules, resolution);
  if (a.status === null || a.precedenceSource === null || !isSource(a.precedenceSource)) return null;
  const n = names.get(cell.indicator);
  const rank = (s: string) => precedenceRank(rules.precedence, s);
  const r = a.current ? resolution! : null;
  return {
    key: `${cell.indicator}|${cell.unit.code}|${cell.period}`,
    indicator: {
      code: cell.indicator,
      nameZh: n?.name_zh ?? cell.indicator,
      nameEn: n?.name_en ?? cell.indicator,
      unitZh: n?.unit_zh ?? '',
      unitEn: n?.unit_en ?? '',
    },
    orgUnit: { code: cell.unit.code, nameZh: cell.unit.name_zh, nameEn: cell.unit.name_en },
    period: cell.period,
    values: [...values]
      .filter((v) => isSource(v.source))
      .sort((x, y) => rank(x.source) - rank(y.source))
      .map((v) => ({
        source: v.source as SourceCode,
        value: v.value,
        basis: v.basis,
        status: v.status,
        comment: v.comment,
        updatedAt: v.updated_at,
      })),
    relativeDifference: a.relativeDifference,
    precedenceSource: a.precedenceSource,
    status: a.status,
    fingerprint: a.fingerprint,
    resolution: r
      ? {
          acceptedValue: r.acceptedValue,
          source: r.source !== null && isSource(r.source) ? r.source : null,
          reason: r.reason,
          resolvedBy: r.resolvedBy,
          resolvedAt: r.resolvedAt,
        }
      : null,
  };
}

/**
 * GET /api/coordination: the items within the caller's scope (`data.read_unpublished` on the unit), by
 * status (open by default), indicator, org unit (and every unit below) and period. Sorted by indicator,
 * org unit and period codes.
 */
export async function listItems(
  db: Kysely<Database>,
  principal: PrincipalGrants,
  q: CoordinationQuery,
): Promise<Result<CoordinationItem[]>> {
  const units = await repo.listOrgUnits(db);
  const byId = new Map(units.map((u) => [u.id, u]));
  let within: ((u: OrgUnitRow) => boolean) | null = null;
  if (q.orgUnit) {
    const top = units.find((u) => u.code === q.orgUnit);
    if (!top) return err({ code: 'E_ORG_UNIT_NOT_FOUND', params: { code: q.orgUnit } });
    within = (u) => pathOf(u, byId).includes(top.code);
  }
  const [settings, resolutions, values, names] = await Promise.all([
    repo.readSettings(db),
    repo.latestResolutions(db),
    repo.listMultiSourceValues(db, { indicator: q.indicator, period: q.period }),
    repo.indicatorNames(db),
  ]);
  const cells = new Map<string, repo.CellValueRow[]>();
  for (const v of values) {
    const k = cellIdKey(v.indicator_code, v.org_unit_id, v.period_code);
    const list = cells.get(k);
    if (list) list.push(v);
    else cells.set(k, [v]);
  }
  const allowed = new Map<number, boolean>();
  const status = q.status ?? 'open';
  const out: CoordinationItem[] = [];
  for (const [k, list] of cells) {
    const first = list[0]!;
    const unit = byId.get(first.org_unit_id);
    if (!unit || (within && !within(unit))) continue;
    let may = allowed.get(unit.id);
    if (may === undefined) {
      may = isAllowed(principal, 'data.read_unpublished', { orgUnitPath: pathOf(unit, byId) });
      allowed.set(unit.id, may);
    }
    if (!may) continue;
    const item = presentItem(
      { indicator: first.indicator_code, unit, period: first.period_code },
      list,
      settings.rules,
      resolutions.get(k),
      names,
    );
    if (item && (status === 'all' || item.status === status)) out.push(item);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return ok(
    out.sort(
      (a, b) =>
        cmp(a.indicator.code, b.indicator.code) ||
        cmp(a.orgUnit.code, b.orgUnit.code) ||
        cmp(a.period, b.period),
    ),
  );
}

/**
 * POST /api/coordination/resolve: records the accepted value (a source's value or one entered) with the
 * reason, made on the cell's current values (their fingerprint); audited; bumps the data version.
 * Errors: E_ORG_UNIT_NOT_FOUND, E_COORDINATION_NOT_FOUND (fewer than two values), E_COORDINATION_STALE
 * (the fingerprint given differs), E_COORDINATION_SOURCE_NO_VALUE.
 */
export async function resolveItem(
  db: Kysely<Database>,
  body: ResolveBody,
  audit: AuditContext,
): Promise<Result<CoordinationItem>> {
  const cellParams = { indicator: body.indicator, orgUnit: body.orgUnit, period: body.period };
  return db.transaction().execute(async (tx): Promise<Result<CoordinationItem>> => {
    const units = await repo.listOrgUnits(tx);
    const unit = units.find((u) => u.code === body.orgUnit);
    if (!unit) return err({ code: 'E_ORG_UNIT_NOT_FOUND', params: { code: body.orgUnit } });
    const [settings, values, before, names] = await Promise.all([
      repo.readSettings(tx),
      repo.listCellValues(tx, body.indicator, unit.id, body.period),
      repo.latestResolution(tx, body.indicator, unit.id, body.period),
      repo.indicatorNames(tx),
    ]);
    const a = assessCell(values, settings.rules, null);
    if (a.present < 2) return err({ code: 'E_COORDINATION_NOT_FOUND', params: cellParams });
    if (body.fingerprint !== undefined && body.fingerprint !== a.fingerprint)
      return err({ code: 'E_COORDINATION_STALE', params: cellParams });
    let accepted: number;
    if (body.source !== undefined) {
      const v = values.find((x) => x.source === body.source)?.value ?? null;
      if (v === null)
        return err({
          code: 'E_COORDINATION_SOURCE_NO_VALUE',
          params: { ...cellParams, source: body.source },
        });
      accepted = v;
    } else accepted = body.value!;
    const resolution = {
      indicator: body.indicator,
      orgUnitId: unit.id,
      period: body.period,
      acceptedValue: accepted,
      source: body.source ?? null,
      reason: body.reason,
      resolvedBy: audit.actor,
      resolvedAt: audit.at,
      fingerprint: a.fingerprint,
    };
    await repo.insertResolution(tx, resolution);
    await recordAudit(tx, audit, {
      action: 'coordination.resolved',
      objectType: 'coordination_item',
      objectId: `${body.indicator}|${body.orgUnit}|${body.period}`,
      before: before
        ? {
            acceptedValue: before.acceptedValue,
            source: before.source,
            reason: before.reason,
            fingerprint: before.fingerprint,
            current: before.fingerprint === a.fingerprint,
          }
        : null,
      after: {
        acceptedValue: accepted,
        source: resolution.source,
        reason: body.reason,
        fingerprint: a.fingerprint,
        relativeDifference: a.relativeDifference,
        precedenceSource: a.precedenceSource,
      },
    });
    await bumpDataVersion(tx);
    const item = presentItem(
      { indicator: body.indicator, unit, period: body.period },
      values,
      settings.rules,
      { id: 0, ...resolution },
      names,
    );
    return ok(item!);
  });
}

const view = (s: repo.SettingsRow): CoordinationSettingsView => ({
  relativeTolerance: s.rules.relativeTolerance,
  precedence: s.rules.precedence.filter(isSource),
  updatedBy: s.updatedBy,
  updatedAt: s.updatedAt,
});

/**
 * The source precedence in force, first wins (the configured one, or the default national > provincial >
 * published > report > sample). Other modules choosing among a cell's sources (the template's previous
 * period value) read it here.
 */
export async function sourcePrecedence(db: Kysely<Database>): Promise<readonly string[]> {
  return (await repo.readSettings(db)).rules.precedence;
}

/** GET /api/coordination/settings. */
export async function getSettings(db: Kysely<Database>): Promise<CoordinationSettingsView> {
  return view(await repo.readSettings(db));
}

/**
 * PUT /api/coordination/settings: the precedence must name every source exactly once
 * (E_COORDINATION_PRECEDENCE). A change is audited and bumps the data version; the same settings again
 * change nothing.
 */
export async function putSettings(
  db: Kysely<Database>,
  next: CoordinationSettings,
  audit: AuditContext,
): Promise<Result<CoordinationSettingsView>> {
  const distinct = new Set(next.precedence);
  if (distinct.size !== SOURCE_CODES.length || !SOURCE_CODES.every((s) => distinct.has(s)))
    return err({
      code: 'E_COORDINATION_PRECEDENCE',
      params: { expected: SOURCE_CODES.join(', '), precedence: next.precedence.join(', ') },
    });
  return db.transaction().execute(async (tx) => {
    const before = await repo.readSettings(tx);
    const same =
      before.rules.relativeTolerance === next.relativeTolerance &&
      before.rules.precedence.join(',') === next.precedence.join(',');
    if (same) return ok(view(before));
    await repo.writeSettings(tx, next, audit.actor, audit.at);
    await recordAudit(tx, audit, {
      action: 'coordination.settings_changed',
      objectType: 'coordination_setting',
      objectId: '1',
      before: { relativeTolerance: before.rules.relativeTolerance, precedence: before.rules.precedence },
      after: { relativeTolerance: next.relativeTolerance, precedence: next.precedence },
    });
    await bumpDataVersion(tx);
    return ok(view(await repo.readSettings(tx)));
  });
}
