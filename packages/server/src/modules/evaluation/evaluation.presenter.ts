// Maps evaluation_run rows to API responses (pure).
import {
  evaluationSettings,
  type EvaluationResults,
  type EvaluationRunDetail,
  type EvaluationRunSummary,
  type EvaluationUncertaintyResult,
} from '@scimon/contracts';
import type { RunRow } from './evaluation.repository.ts';

type SummaryRow = Omit<RunRow, 'settings_json' | 'results_json' | 'uncertainty_json'>;

const parse = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));

export function presentSummary(r: SummaryRow): EvaluationRunSummary {
  return {
    id: Number(r.id),
    name: r.name,
    framework: { code: r.framework_code, version: Number(r.framework_version) },
    years: JSON.parse(r.years) as number[],
    level: r.level as EvaluationRunSummary['level'],
    dataStatus: r.data_status as EvaluationRunSummary['dataStatus'],
    inputHash: r.input_hash,
    status: r.status as EvaluationRunSummary['status'],
    progress: Number(r.progress),
    published: Number(r.published) === 1,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    createdBy: r.created_by,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    error: parse<EvaluationRunSummary['error']>(r.error_json),
  };
}

export function presentDetail(r: RunRow): EvaluationRunDetail {
  return {
    ...presentSummary(r),
    settings: evaluationSettings.parse(JSON.parse(r.settings_json)),
    results: parse<EvaluationResults>(r.results_json),
    uncertainty: parse<EvaluationUncertaintyResult>(r.uncertainty_json),
  };
}
