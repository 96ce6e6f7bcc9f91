// Changing a target (coordinator): a new framework version with the change, the old one superseded.
import type { Kysely, Selectable } from 'kysely';
import type { Database, TargetTable } from '@scimon/db';
import type { TargetChange, TargetChangeResult } from '@scimon/contracts';
import { err, ok, type Result } from '@scimon/core';
import * as repo from './targets.repository.ts';
import { bumpDataVersion } from './data-version.ts';

export interface TargetChangeOutcome extends TargetChangeResult {
  before: TargetChangeResult['target'];
}

const present = (t: Selectable<TargetTable>): TargetChangeResult['target'] => ({
  indicator: t.indicator_code,
  orgUnit: t.org_unit_code,
  year: t.year,
  comparator: t.comparator,
  value: t.value,
  kind: t.kind,
  baseYear: t.base_year,
  baseYearAssumption: t.base_year_assumption === 1,
  note: t.note,
});

/**
 * Applies `change` to the target of `indicator` (selected by org unit and year when several exist) in the
 * active version of framework `code`. Setting the base year confirms it (the assumption flag is cleared).
 * A request that changes nothing creates no version. Bumps the data version with the write.
 */
export async function changeTarget(
  db: Kysely<Database>,
  code: string,
  indicator: string,
  select: { orgUnit?: string; year?: number },
  change: TargetChange,
  nowIso: string,
): Promise<Result<TargetChangeOutcome>> {
  if (Object.values(change).every((v) => v === undefined))
    return err({ code: 'E_TARGET_INVALID', params: { reason: 'no_change' } });
  return db.transaction().execute(async (tx): Promise<Result<TargetChangeOutcome>> => {
    const fw = await repo.findActiveVersion(tx, code);
    if (!fw) return err({ code: 'E_FRAMEWORK_NOT_FOUND', params: { code } });
    const found = (await repo.listTargetsOf(tx, fw.id, indicator)).filter(
      (t) =>
        (!select.orgUnit || t.org_unit_code === select.orgUnit) && (!select.year || t.year === select.year),
    );
    const where = [select.orgUnit, select.year].filter((x) => x !== undefined).join(' ');
    if (found.length === 0)
      return err({
        code: 'E_TARGET_NOT_FOUND',
        params: { framework: code, indicator, where: where ? ` (${where})` : '' },
      });
    if (found.length > 1) return err({ code: 'E_TARGET_AMBIGUOUS', params: { indicator } });
    const old = found[0]!;
    const next: Selectable<TargetTable> = {
      ...old,
      comparator: change.comparator ?? old.comparator,
      value: change.value ?? old.value,
      base_year: change.baseYear ?? old.base_year,
      year: change.year ?? old.year,
      base_year_assumption: change.baseYear !== undefined ? 0 : old.base_year_assumption,
    };
    if (next.base_year >= next.year)
      return err({ code: 'E_TARGET_INVALID', params: { reason: 'base_after_target' } });
    const unchanged = (['comparator', 'value', 'base_year', 'year', 'base_year_assumption'] as const).every(
      (k) => next[k] === old[k],
    );
    const result = (version: number, created: boolean): TargetChangeOutcome => ({
      framework: { code, version, previousVersion: fw.version },
      created,
      target: present(next),
      before: present(old),
    });
    if (unchanged) return ok(result(fw.version, false));
    await repo.copyVersion(tx, fw, next, nowIso);
    await bumpDataVersion(tx);
    return ok(result(fw.version + 1, true));
  });
}
