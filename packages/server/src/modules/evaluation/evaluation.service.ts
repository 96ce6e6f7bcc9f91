// Evaluation runs: create (deterministic pipeline inline, Monte Carlo queued on a worker thread), list,
// read, publish (only when every input is published), cancel; and the live AHP consistency check.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import { ahpWeights, err, ok, prepareUncertainty, type NormaliseSpec, type Result } from '@scimon/core';
import {
  evaluationSettings,
  type EvaluationRunCreate,
  type EvaluationRunDetail,
  type EvaluationRunSummary,
  type EvaluationSettings,
} from '@scimon/contracts';
import * as monitoringRepo from '../monitoring/monitoring.repository.ts';
import { buildPanel, type Panel } from '../monitoring/monitoring.panel.ts';
import { readDataVersion } from '../monitoring/data-version.ts';
import { MonitoringCache } from '../monitoring/monitoring.cache.ts';
import { loadPanelCoordination } from '../coordination/coordination.repository.ts';
import type { Clock } from '../../clock.ts';
import * as repo from './evaluation.repository.ts';
import { buildInputs, sliceYear, type EvaluationInputs } from './evaluation.inputs.ts';
import { computeRun, pipelineProblem, type Computed } from './evaluation.compute.ts';
import { normaliseSpec, pipelineSpec } from './evaluation.spec.ts';
import { inputHash } from './evaluation.hash.ts';
import { EvaluationJobs, type UncertaintyTask } from './evaluation.jobs.ts';
import { presentDetail, presentSummary } from './evaluation.presenter.ts';

export type DataStatus = 'published' | 'reviewed';
const STATUSES: Record<DataStatus, readonly string[]> = {
  published: ['published'],
  reviewed: ['approved', 'published'],
};

export interface EvaluationContext {
  db: Kysely<Database>;
  clock: Clock;
  cache: MonitoringCache;
  jobs: EvaluationJobs;
}

export const createEvaluationContext = (db: Kysely<Database>, clock: Clock): EvaluationContext => ({
  db,
  clock,
  cache: new MonitoringCache(50),
  jobs: new EvaluationJobs(db, clock),
});

type FrameworkRow = NonNullable<Awaited<ReturnType<typeof repo.findFramework>>>;

/** The monitoring panel of one framework version (cached per data version). */
function panelOf(ctx: EvaluationContext, version: number, fw: FrameworkRow, status: DataStatus) {
  return ctx.cache.get(version, `${fw.id}|${status}`, async (): Promise<Result<Panel>> => {
    const [indicators, dimensions, links, targets, units, values, coordination] = await Promise.all([
      monitoringRepo.listFrameworkIndicators(ctx.db, fw.id),
      monitoringRepo.listFrameworkDimensions(ctx.db, fw.id),
      monitoringRepo.listDimensionLinks(ctx.db, fw.id),
      monitoringRepo.listFrameworkTargets(ctx.db, fw.id),
      monitoringRepo.listUnits(ctx.db),
      monitoringRepo.listValues(ctx.db, STATUSES[status]),
      loadPanelCoordination(ctx.db),
    ]);
    return buildPanel({ framework: fw, indicators, dimensions, links, targets, units, values, coordination });
  });
}

interface Prepared {
  inputs: EvaluationInputs;
  hash: string;
}

/** Builds a run's inputs from the stored values of the given status, and their hash. */
async function prepareInputs(
  ctx: EvaluationContext,
  fw: FrameworkRow,
  years: readonly number[],
  level: 'park' | 'zone',
  settings: EvaluationSettings,
  status: DataStatus,
): Promise<Result<Prepared>> {
  const panel = await panelOf(ctx, await readDataVersion(ctx.db), fw, status);
  if (!panel.ok) return panel;
  const inputs = buildInputs(panel.value, {
    years,
    level,
    settings,
    indicatorWeights: await repo.indicatorWeights(ctx.db, fw.id),
    frameworkName: { zh: fw.name_zh, en: fw.name_en },
  });
  if (!inputs.ok) return inputs;
  const id = { code: fw.code, version: Number(fw.version), contentHash: fw.content_hash };
  return ok({ inputs: inputs.value, hash: inputHash(id, level, inputs.value, settings) });
}

/** The Monte Carlo task of a run: one year's units, the nominal settings with the resolved weights. */
function uncertaintyTask(
  inputs: EvaluationInputs,
  s: EvaluationSettings,
  computed: Computed,
): Result<Omit<UncertaintyTask, 'runId'> | null> {
  const u = s.uncertainty;
  if (!u) return ok(null);
  const year = u.year ?? (inputs.years.at(-1) as number);
  if (!inputs.years.includes(year))
    return err({
      code: 'E_EVALUATION_SETTINGS',
      params: { detail: `uncertainty.year ${year} is not a year of the run` },
    });
  const one = sliceYear(inputs, year);
  const spec = pipelineSpec(s, one, computed.weights);
  if (!spec.ok) return spec;
  const normalisations: NormaliseSpec[] = [];
  for (const n of u.normalisations) {
    const r = normaliseSpec(n, one);
    if (!r.ok) return r;
    normalisations.push(r.value);
  }
  const prepared = prepareUncertainty(
    {
      framework: one.framework,
      data: one.data,
      ...(one.denominators ? { denominators: one.denominators } : {}),
    },
    spec.value,
    { weightNoise: u.weightNoise, normalisations, aggregations: u.aggregations, winmax: u.winmax },
  );
  if (!prepared.ok) return err(pipelineProblem(prepared.error));
  if (u.sensitivity && prepared.value.factors.length < 2)
    return err({
      code: 'E_EVALUATION_SETTINGS',
      params: {
        detail:
          'sensitivity analysis needs at least two uncertain inputs (weights, normalisations, aggregations, winmax)',
      },
    });
  return ok({
    year,
    unitCodes: one.rows.map((r) => r.unit.code),
    job: {
      prepared: prepared.value,
      seed: u.seed,
      runs: u.runs,
      ...(u.sensitivity ? { sensitivity: { n: u.sensitivity.n, bootstrap: u.sensitivity.bootstrap } } : {}),
    },
  });
}

/** Creates a run: the nominal results at once; the Monte Carlo part queued (status queued → running → done). */
export async function createRun(
  ctx: EvaluationContext,
  body: EvaluationRunCreate,
  actor: string,
): Promise<Result<EvaluationRunDetail>> {
  const fw = await repo.findFramework(ctx.db, body.framework, body.frameworkVersion);
  if (!fw)
    return body.frameworkVersion === undefined
      ? err({ code: 'E_FRAMEWORK_NOT_FOUND', params: { code: body.framework ?? '—' } })
      : err({
          code: 'E_EVALUATION_FRAMEWORK_VERSION',
          params: { code: body.framework ?? '—', version: body.frameworkVersion },
        });
  const s = body.settings;
  const prepared = await prepareInputs(ctx, fw, body.years, body.level, s, body.dataStatus);
  if (!prepared.ok) return prepared;
  const { inputs, hash } = prepared.value;
  const computed = computeRun(inputs, s);
  if (!computed.ok) return computed;
  const task = uncertaintyTask(inputs, s, computed.value);
  if (!task.ok) return task;
  const now = ctx.clock.now();
  const id = await repo.insertRun(ctx.db, {
    name: body.name ?? null,
    framework_id: fw.id,
    framework_code: fw.code,
    framework_version: Number(fw.version),
    years: JSON.stringify(inputs.years),
    level: body.level,
    data_status: body.dataStatus,
    settings_json: JSON.stringify(s),
    input_hash: hash,
    status: task.value ? 'queued' : 'done',
    progress: task.value ? 0 : 1,
    results_json: JSON.stringify(computed.value.results),
    uncertainty_json: null,
    error_json: null,
    published: 0,
    published_at: null,
    published_by: null,
    created_by: actor,
    created_at: now,
    finished_at: task.value ? null : now,
  });
  if (task.value) ctx.jobs.enqueue({ runId: id, ...task.value });
  return ok(presentDetail((await repo.findRun(ctx.db, id))!));
}

export async function listRuns(
  ctx: EvaluationContext,
  q: { status?: string; published?: 'true' | 'false'; framework?: string; limit: number; offset: number },
  seesUnpublished: boolean,
): Promise<{ total: number; items: EvaluationRunSummary[] }> {
  const published = seesUnpublished ? (q.published === undefined ? undefined : q.published === 'true') : true;
  const r = await repo.listRuns(ctx.db, {
    ...(q.status ? { status: q.status } : {}),
    ...(published === undefined ? {} : { published }),
    ...(q.framework ? { framework: q.framework } : {}),
    limit: q.limit,
    offset: q.offset,
  });
  return { total: r.total, items: r.items.map(presentSummary) };
}

/** A run; unpublished runs exist only for analysts, coordinators and admin (404 for anyone else). */
export async function getRun(
  ctx: EvaluationContext,
  id: number,
  seesUnpublished: boolean,
): Promise<Result<EvaluationRunDetail>> {
  const row = await repo.findRun(ctx.db, id);
  if (!row || (!seesUnpublished && Number(row.published) !== 1))
    return err({ code: 'E_EVALUATION_RUN_NOT_FOUND', params: { id } });
  return ok(presentDetail(row));
}

/**
 * Publishes a finished run when its inputs rebuilt from published values alone hash the same as the
 * run's: every value it used is published and nothing changed since.
 */
export async function publishRun(
  ctx: EvaluationContext,
  id: number,
  actor: string,
): Promise<Result<EvaluationRunSummary>> {
  const row = await repo.findRun(ctx.db, id);
  if (!row) return err({ code: 'E_EVALUATION_RUN_NOT_FOUND', params: { id } });
  if (Number(row.published) === 1) return err({ code: 'E_EVALUATION_ALREADY_PUBLISHED', params: { id } });
  if (row.status !== 'done')
    return err({ code: 'E_EVALUATION_NOT_FINISHED', params: { id, status: row.status } });
  const fw = await repo.findFrameworkById(ctx.db, row.framework_id);
  const settings = evaluationSettings.parse(JSON.parse(row.settings_json));
  const years = JSON.parse(row.years) as number[];
  const again = fw
    ? await prepareInputs(ctx, fw, years, row.level as 'park' | 'zone', settings, 'published')
    : undefined;
  if (!again?.ok || again.value.hash !== row.input_hash)
    return err({ code: 'E_EVALUATION_INPUTS_UNPUBLISHED', params: { id } });
  if (!(await repo.markPublished(ctx.db, id, actor, ctx.clock.now())))
    return err({ code: 'E_EVALUATION_ALREADY_PUBLISHED', params: { id } });
  return ok(presentSummary((await repo.findRun(ctx.db, id))!));
}

/** Cancels a queued or running run (here or on another instance: its job sees the status and stops). */
export async function cancelRun(ctx: EvaluationContext, id: number): Promise<Result<EvaluationRunSummary>> {
  const row = await repo.findRun(ctx.db, id);
  if (!row) return err({ code: 'E_EVALUATION_RUN_NOT_FOUND', params: { id } });
  const changed = await repo.updateRunIf(ctx.db, id, ['queued', 'running'], {
    status: 'cancelled',
    finished_at: ctx.clock.now(),
  });
  if (!changed) return err({ code: 'E_EVALUATION_NOT_CANCELLABLE', params: { id, status: row.status } });
  ctx.jobs.stop(id);
  return ok(presentSummary((await repo.findRun(ctx.db, id))!));
}

/** Live AHP check: weights, λmax, CI, CR and whether CR < threshold (an inconsistent matrix is not an error). */
export function checkAhp(matrix: number[][], threshold: number) {
  const r = ahpWeights(matrix, { allowInconsistent: true, threshold });
  if (!r.ok)
    return err({
      code: 'E_EVALUATION_AHP_MATRIX',
      params: {
        row: r.error.params?.row ?? 1,
        col: r.error.params?.col ?? 1,
        detail: r.error.message ?? r.error.code,
      },
    });
  const v = r.value;
  return ok({
    n: matrix.length,
    weights: Array.from(v.weights),
    lambdaMax: v.lambdaMax,
    ci: v.ci,
    ri: v.ri,
    cr: v.cr,
    threshold,
    consistent: v.consistent,
  });
}
