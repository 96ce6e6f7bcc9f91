// Published evaluation runs (issue 6): the 排名 page reads them through the evaluation contract
// (packages/contracts/src/evaluation.ts): GET /api/evaluation/runs?published=true and /api/evaluation/runs/{id}.
import { useQuery } from '@tanstack/react-query';
import type { EvaluationRunDetail, EvaluationRunSummary } from '@scimon/contracts';
import { ApiError, apiRequest } from './http.ts';

export const EVALUATION_RUNS_PATH = '/api/evaluation/runs';

interface RunList {
  total: number;
  items: EvaluationRunSummary[];
}

/** Published, finished runs; an absent evaluation API (404) means none. */
export async function fetchPublishedRuns(signal?: AbortSignal): Promise<EvaluationRunSummary[]> {
  try {
    const list = await apiRequest<RunList>(EVALUATION_RUNS_PATH, {
      query: { published: 'true', status: 'done', limit: 50 },
      signal,
    });
    return list.items.filter((r) => r.published && r.status === 'done');
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 401 || e.status === 403)) return [];
    throw e;
  }
}

/** Whether the 排名 link shows: any published run. */
export async function hasPublishedRuns(): Promise<boolean> {
  return (await fetchPublishedRuns()).length > 0;
}

export const usePublishedRuns = () =>
  useQuery({
    queryKey: ['evaluation', 'runs', 'published'],
    queryFn: ({ signal }) => fetchPublishedRuns(signal),
    staleTime: 5 * 60_000,
  });

export const useEvaluationRun = (id: number | undefined) =>
  useQuery({
    queryKey: ['evaluation', 'run', id],
    queryFn: ({ signal }) => apiRequest<EvaluationRunDetail>(`${EVALUATION_RUNS_PATH}/${id}`, { signal }),
    enabled: id !== undefined,
    staleTime: 5 * 60_000,
  });
