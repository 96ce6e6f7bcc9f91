// Queries and mutations of data collection, the submission workflow and statistics coordination:
// frameworks and raw indicators, submissions (list, detail, actions, bulk), deadlines, reporting rates,
// releases, the coordination queue, JSON batch writes, file imports (multipart) and template downloads.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CoordinationItem,
  CoordinationSettings,
  CoordinationSettingsView,
  DataValueHistory,
  DeadlineRule,
  ImportResult,
  Release,
  ReportingRates,
  SourceCode,
  SubmissionDetail,
  SubmissionStatus,
  SubmissionSummary,
} from '@scimon/contracts';
import { ApiError, apiRequest } from './http.ts';
import { currentLanguage } from '../i18n/i18n.ts';

interface List<T> {
  items: T[];
}

/** Accepts both a bare array and `{items}` (list endpoints differ between features). */
function items<T>(body: T[] | List<T>): T[] {
  return Array.isArray(body) ? body : body.items;
}

export interface FrameworkSummary {
  code: string;
  version: number;
  status: string;
  nameZh: string;
  nameEn: string;
}

export interface RawIndicator {
  code: string;
  seq: number;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  valueType: string;
  periodType: string;
  raw: boolean;
}

export interface PublishedValue {
  indicator: string;
  orgUnit: string;
  period: string;
  source: string;
  value: number | null;
}

const COLLECTION = 'collection';
const STATIC = { staleTime: 10 * 60_000 };

/** The active framework (the one reporters fill in). */
export const useActiveFramework = () =>
  useQuery({
    queryKey: [COLLECTION, 'frameworks'],
    queryFn: async ({ signal }) => {
      const all = items(await apiRequest<List<FrameworkSummary>>('/api/frameworks', { signal }));
      return all.find((f) => f.status === 'active') ?? all[all.length - 1] ?? null;
    },
    ...STATIC,
  });

export const useRawIndicators = (framework: string | undefined) =>
  useQuery({
    queryKey: [COLLECTION, 'indicators', framework],
    queryFn: async ({ signal }) =>
      items(
        await apiRequest<List<RawIndicator>>(`/api/frameworks/${encodeURIComponent(framework!)}/indicators`, {
          signal,
        }),
      ).filter((i) => i.raw),
    enabled: !!framework,
    ...STATIC,
  });

/** Published values of one unit and period (the "previous period" column of the entry form). */
export const usePublishedValues = (orgUnit: string | undefined, period: string | undefined) =>
  useQuery({
    queryKey: [COLLECTION, 'published', orgUnit, period],
    queryFn: async ({ signal }) =>
      items(
        await apiRequest<List<PublishedValue>>('/api/data-values', {
          signal,
          query: { orgUnit, period },
        }),
      ),
    enabled: !!orgUnit && !!period,
    staleTime: 60_000,
  });

export interface SubmissionFilter {
  framework?: string;
  period?: string;
  orgUnit?: string;
  status?: SubmissionStatus;
}

export const useSubmissions = (filter: SubmissionFilter, enabled = true) =>
  useQuery({
    queryKey: [COLLECTION, 'submissions', filter],
    queryFn: async ({ signal }) =>
      items(
        await apiRequest<SubmissionSummary[] | List<SubmissionSummary>>('/api/submissions', {
          signal,
          query: { ...filter },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useSubmission = (id: number | null | undefined) =>
  useQuery({
    queryKey: [COLLECTION, 'submission', id],
    queryFn: ({ signal }) => apiRequest<SubmissionDetail>(`/api/submissions/${id}`, { signal }),
    enabled: id !== null && id !== undefined,
  });

/** Every write refreshes everything under ['collection'] (lists, details, rates, the queue). */
export function useCollectionAction<V, R = unknown>(run: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => qc.invalidateQueries({ queryKey: [COLLECTION] }),
  });
}

export type SingleAction = 'submit' | 'return' | 'approve' | 'unapprove';

export const submissionAction = (
  id: number,
  action: SingleAction,
  body: { version: number; reason?: string },
) => apiRequest<SubmissionSummary>(`/api/submissions/${id}/${action}`, { method: 'POST', body });

export const bulkAction = (body: {
  action: 'approve' | 'return';
  items: { id: number; version: number }[];
  reason?: string;
}) => apiRequest<unknown>('/api/submissions/bulk', { method: 'POST', body });

// ---- deadlines, reporting rates, releases ----------------------------------------------------------

export const useDeadlines = (enabled = true) =>
  useQuery({
    queryKey: [COLLECTION, 'deadlines'],
    queryFn: async ({ signal }) =>
      items(await apiRequest<DeadlineRule[] | List<DeadlineRule>>('/api/workflow/deadlines', { signal })),
    enabled,
  });

export const putDeadline = ({ periodType, ...rule }: DeadlineRule) =>
  apiRequest<DeadlineRule>(`/api/workflow/deadlines/${periodType}`, { method: 'PUT', body: rule });

export const useReportingRates = (framework: string | undefined, period: string | undefined) =>
  useQuery({
    queryKey: [COLLECTION, 'rates', framework, period],
    queryFn: ({ signal }) =>
      apiRequest<ReportingRates>('/api/workflow/reporting-rates', { signal, query: { framework, period } }),
    enabled: !!framework && !!period,
    placeholderData: keepPreviousData,
  });

export const useReleases = (enabled = true) =>
  useQuery({
    queryKey: [COLLECTION, 'releases'],
    queryFn: async ({ signal }) =>
      items(await apiRequest<Release[] | List<Release>>('/api/releases', { signal })),
    enabled,
  });

export const publishRelease = (body: { framework: string; period: string; note: string }) =>
  apiRequest<Release>('/api/releases', { method: 'POST', body });

// ---- coordination ------------------------------------------------------------------------------------

export interface CoordinationFilter {
  status: 'open' | 'resolved' | 'all';
  period?: string;
  orgUnit?: string;
  indicator?: string;
}

export const useCoordination = (filter: CoordinationFilter, enabled = true) =>
  useQuery({
    queryKey: [COLLECTION, 'coordination', filter],
    queryFn: async ({ signal }) =>
      items(
        await apiRequest<CoordinationItem[] | List<CoordinationItem>>('/api/coordination', {
          signal,
          query: { ...filter },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });

export const resolveCoordination = (body: {
  indicator: string;
  orgUnit: string;
  period: string;
  source?: SourceCode;
  value?: number;
  reason: string;
}) => apiRequest<unknown>('/api/coordination/resolve', { method: 'POST', body });

/** The tolerance and source precedence in force (defaults until a coordinator changes them). */
export const useCoordinationSettings = (enabled = true) =>
  useQuery({
    queryKey: [COLLECTION, 'coordination-settings'],
    queryFn: ({ signal }) => apiRequest<CoordinationSettingsView>('/api/coordination/settings', { signal }),
    enabled,
  });

export const putCoordinationSettings = (body: CoordinationSettings) =>
  apiRequest<CoordinationSettingsView>('/api/coordination/settings', { method: 'PUT', body });

// ---- one value's history ---------------------------------------------------------------------------------

export interface ValueRef {
  indicator: string;
  orgUnit: string;
  period: string;
  source: string;
}

/** `indicator:org_unit:period:source`, the key of GET /api/data-values/{key}/history. */
export const valueKey = (v: ValueRef) => `${v.indicator}:${v.orgUnit}:${v.period}:${v.source}`;

export const useValueHistory = (ref: ValueRef | null) =>
  useQuery({
    queryKey: [COLLECTION, 'history', ref ? valueKey(ref) : null],
    queryFn: ({ signal }) =>
      apiRequest<DataValueHistory>(`/api/data-values/${encodeURIComponent(valueKey(ref!))}/history`, {
        signal,
      }),
    enabled: ref !== null,
  });

// ---- writing values: JSON batch and file imports -------------------------------------------------------

export interface BatchItemInput {
  indicator: string;
  orgUnit: string;
  period: string;
  value: number | string | null;
  comment?: string | null;
  version?: number;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function writeHeaders(json: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (json) headers['Content-Type'] = 'application/json';
  const csrf = readCookie('scimon_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  return headers;
}

/**
 * Reads an import answer: 200 (accepted or a clean dry run), 409/422 (refused, the same body with the
 * located problems); anything else is an error.
 */
async function readImportResult(res: Response): Promise<ImportResult> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON
  }
  const b = body as Partial<ImportResult> & { error?: { code: string; message: string } };
  if (b && Array.isArray(b.problems) && b.summary) return b as ImportResult;
  throw new ApiError(res.status, b?.error?.code ?? 'E_HTTP', b?.error?.message ?? `HTTP ${res.status}`);
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'E_NETWORK', '');
  }
}

export async function saveBatch(items: BatchItemInput[], dryRun = false): Promise<ImportResult> {
  const res = await send('/api/data-values/batch', {
    method: 'POST',
    headers: writeHeaders(true),
    body: JSON.stringify({ items, dryRun }),
  });
  return readImportResult(res);
}

export async function uploadImport(
  file: File,
  options: { dryRun: boolean; acceptWarnings?: boolean },
): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  const qs = new URLSearchParams({ dryRun: String(options.dryRun) });
  if (options.acceptWarnings) qs.set('acceptWarnings', 'true');
  const res = await send(`/api/imports?${qs.toString()}`, {
    method: 'POST',
    headers: writeHeaders(false),
    body: form,
  });
  return readImportResult(res);
}

/** Fetches the .xlsx template and hands it to the browser as a download. */
export async function downloadTemplate(orgUnit: string, period: string, framework?: string): Promise<void> {
  const qs = new URLSearchParams({ orgUnit, period });
  if (framework) qs.set('framework', framework);
  const res = await send(`/api/templates?${qs.toString()}`, {
    method: 'GET',
    headers: { 'Accept-Language': currentLanguage() },
  });
  if (!res.ok) {
    let e: { error?: { code: string; message: string } } = {};
    try {
      e = (await res.json()) as typeof e;
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, e.error?.code ?? 'E_HTTP', e.error?.message ?? `HTTP ${res.status}`);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `template-${orgUnit}-${period}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
