// Queries and mutations of the evaluation page (docs/methodology/evaluation.md §11): runs listed and read
// with polling while a Monte Carlo runs, created, published and cancelled; the live AHP check.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EvaluationRunCreate,
  EvaluationRunDetail,
  EvaluationRunSummary,
  Framework,
  FrameworkDetail,
} from '@scimon/contracts';
import { apiRequest } from '../../api/http.ts';

const RUNS = '/api/evaluation/runs';

export interface RunList {
  total: number;
  items: EvaluationRunSummary[];
}

export interface AhpCheck {
  n: number;
  weights: number[];
  lambdaMax: number;
  ci: number;
  ri: number;
  cr: number;
  threshold: number;
  consistent: boolean;
}

const active = (s: EvaluationRunSummary['status']) => s === 'queued' || s === 'running';

export const useRuns = () =>
  useQuery({
    queryKey: ['evaluation', 'runs', 'all'],
    queryFn: ({ signal }) => apiRequest<RunList>(RUNS, { query: { limit: 200 }, signal }),
    // Poll while any run is queued or running, so status and progress move on their own.
    refetchInterval: (q) => (q.state.data?.items.some((r) => active(r.status)) ? 1000 : false),
  });

export const useRun = (id: number) =>
  useQuery({
    queryKey: ['evaluation', 'run', id],
    queryFn: ({ signal }) => apiRequest<EvaluationRunDetail>(`${RUNS}/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
    refetchInterval: (q) => (q.state.data && active(q.state.data.status) ? 1000 : false),
  });

export const useFrameworks = () =>
  useQuery({
    queryKey: ['frameworks'],
    queryFn: ({ signal }) => apiRequest<Framework[] | { items: Framework[] }>('/api/frameworks', { signal }),
    select: (d) => (Array.isArray(d) ? d : d.items),
    staleTime: 10 * 60_000,
  });

export const useFrameworkDetail = (code: string | undefined) =>
  useQuery({
    queryKey: ['framework', code],
    queryFn: ({ signal }) => apiRequest<FrameworkDetail>(`/api/frameworks/${code}`, { signal }),
    enabled: !!code,
    staleTime: 10 * 60_000,
  });

function invalidateRuns(qc: ReturnType<typeof useQueryClient>) {
  void qc.invalidateQueries({ queryKey: ['evaluation'] });
  void qc.invalidateQueries({ queryKey: ['nav-visible'] });
}

export function useCreateRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationRunCreate) =>
      apiRequest<EvaluationRunDetail>(RUNS, { method: 'POST', body }),
    onSuccess: (run) => {
      qc.setQueryData(['evaluation', 'run', run.id], run);
      invalidateRuns(qc);
    },
  });
}

export function useRunAction(action: 'publish' | 'cancel') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      apiRequest<EvaluationRunSummary>(`${RUNS}/${id}/${action}`, { method: 'POST' }),
    onSuccess: () => invalidateRuns(qc),
  });
}

export const checkAhp = (matrix: number[][], signal?: AbortSignal) =>
  apiRequest<AhpCheck>('/api/evaluation/ahp', { method: 'POST', body: { matrix }, signal });
