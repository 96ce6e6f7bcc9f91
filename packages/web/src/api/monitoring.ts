// Queries of the monitoring and open-data API: overview, series, warnings, the active framework.
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { FrameworkDetail, MonitoringOverview, MonitoringSeries } from '@scimon/contracts';
import { apiRequest } from './http.ts';
import { overviewQuery, type OverviewParams } from '../pages/overview/overview-params.ts';

export const FRAMEWORK_CODE = 'wsc-2023';

export type { OverviewParams };

/** The overview's query (also run by the app's start, before the first render, on the landing page). */
export const overviewQueryOptions = (p: OverviewParams) =>
  queryOptions({
    queryKey: ['monitoring', 'overview', p.orgUnit ?? '', p.year ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<MonitoringOverview>('/api/monitoring/overview', {
        query: overviewQuery(p),
        signal,
      }),
    staleTime: 60_000,
  });

export const useOverview = (p: OverviewParams) =>
  useQuery({ ...overviewQueryOptions(p), placeholderData: (prev) => prev });

export const fetchSeries = (indicator: string, orgUnit: string, signal?: AbortSignal) =>
  apiRequest<MonitoringSeries>('/api/monitoring/series', { query: { indicator, orgUnit }, signal });

export const useSeries = (indicator: string | undefined, orgUnit: string | undefined) =>
  useQuery({
    queryKey: ['monitoring', 'series', indicator, orgUnit],
    queryFn: ({ signal }) => fetchSeries(indicator!, orgUnit!, signal),
    enabled: !!indicator && !!orgUnit,
    staleTime: 60_000,
  });

/** The series of one indicator at several org units (trend lines, comparisons, the map). */
export function useSeriesMany(indicator: string | undefined, orgUnits: readonly string[]) {
  const results = useQueries({
    queries: orgUnits.map((orgUnit) => ({
      queryKey: ['monitoring', 'series', indicator, orgUnit],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchSeries(indicator!, orgUnit, signal),
      enabled: !!indicator,
      staleTime: 60_000,
    })),
  });
  return {
    data: results.map((r) => r.data).filter((d): d is MonitoringSeries => !!d),
    isPending: results.some((r) => r.isPending && r.fetchStatus !== 'idle'),
    error: results.find((r) => r.error)?.error ?? null,
    refetch: () => results.forEach((r) => void r.refetch()),
  };
}

export const useFramework = () =>
  useQuery({
    queryKey: ['framework', FRAMEWORK_CODE],
    queryFn: ({ signal }) => apiRequest<FrameworkDetail>(`/api/frameworks/${FRAMEWORK_CODE}`, { signal }),
    staleTime: 10 * 60_000,
  });

/** URL of the human-facing download of an indicator (server-generated CSV / xlsx). */
export function downloadUrl(
  indicator: string,
  ext: 'csv' | 'xlsx',
  q: { orgUnit?: string; lang: string },
): string {
  const params = new URLSearchParams();
  if (q.orgUnit) params.set('orgUnit', q.orgUnit);
  params.set('lang', q.lang);
  return `/api/downloads/indicator/${encodeURIComponent(indicator)}.${ext}?${params.toString()}`;
}
