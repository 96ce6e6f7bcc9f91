// Frameworks with their dimensions, indicators and targets.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import type { FrameworkDetail, Framework, Indicator } from '@scimon/contracts';
import { err, ok, type Result } from '@scimon/core';
import * as repo from './frameworks.repository.ts';
import {
  presentDimension,
  presentFramework,
  presentIndicator,
  presentTarget,
} from './frameworks.presenter.ts';

export async function getFrameworks(db: Kysely<Database>): Promise<Framework[]> {
  return (await repo.listFrameworks(db)).map(presentFramework);
}

async function indicatorsOf(db: Kysely<Database>, frameworkId: number): Promise<Indicator[]> {
  const [rows, links] = await Promise.all([
    repo.listIndicators(db, frameworkId),
    repo.listIndicatorDimensions(db, frameworkId),
  ]);
  const dims = new Map<string, string[]>();
  for (const l of links)
    dims.set(l.indicator_code, [...(dims.get(l.indicator_code) ?? []), l.dimension_code]);
  return rows.map((i) => presentIndicator(i, dims.get(i.code) ?? []));
}

export async function getFrameworkDetail(
  db: Kysely<Database>,
  code: string,
  version?: number,
): Promise<Result<FrameworkDetail>> {
  const f = await repo.findFramework(db, code, version);
  if (!f)
    return err({ code: 'E_FRAMEWORK_NOT_FOUND', params: { code: version ? `${code} v${version}` : code } });
  const [dimensions, indicators, targets] = await Promise.all([
    repo.listDimensions(db, f.id),
    indicatorsOf(db, f.id),
    repo.listTargets(db, f.id),
  ]);
  return ok({
    ...presentFramework(f),
    dimensions: dimensions.map(presentDimension),
    indicators,
    targets: targets.map(presentTarget),
  });
}

export async function getFrameworkIndicators(
  db: Kysely<Database>,
  code: string,
  version?: number,
): Promise<Result<Indicator[]>> {
  const f = await repo.findFramework(db, code, version);
  if (!f) return err({ code: 'E_FRAMEWORK_NOT_FOUND', params: { code } });
  return ok(await indicatorsOf(db, f.id));
}
