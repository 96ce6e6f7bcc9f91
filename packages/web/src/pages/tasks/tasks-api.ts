// Queries and mutations of the task supervision API (/api/tasks…): board, detail, scoreboard, reminders,
// the owners' filings (reports, evidence, extensions) and the coordinator's decisions and changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ReminderItem,
  Scoreboard,
  TaskBoard,
  TaskColour,
  TaskDetail,
  EvidenceFile,
} from '@scimon/contracts';
import { ApiError, apiRequest } from '../../api/http.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

export interface ReminderList {
  asOf: string;
  username: string;
  items: ReminderItem[];
}

export type BoardBy = TaskBoard['by'];

export interface BoardFilter {
  by: BoardBy;
  colour?: TaskColour;
  leadUnit?: string;
}

const TASKS = 'tasks';

export const useTaskBoard = (filter: BoardFilter) =>
  useQuery({
    queryKey: [TASKS, 'board', filter],
    queryFn: ({ signal }) =>
      apiRequest<TaskBoard>('/api/tasks/board', {
        signal,
        query: { by: filter.by, colour: filter.colour, leadUnit: filter.leadUnit },
      }),
    placeholderData: (prev) => prev,
  });

export const useTaskDetail = (code: string) =>
  useQuery({
    queryKey: [TASKS, 'detail', code],
    queryFn: ({ signal }) => apiRequest<TaskDetail>(`/api/tasks/${encodeURIComponent(code)}`, { signal }),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });

export const useScoreboard = (enabled: boolean) =>
  useQuery({
    queryKey: [TASKS, 'scoreboard'],
    queryFn: ({ signal }) => apiRequest<Scoreboard>('/api/tasks/scoreboard', { signal }),
    enabled,
  });

export const useReminders = (enabled: boolean) =>
  useQuery({
    queryKey: [TASKS, 'reminders'],
    queryFn: ({ signal }) => apiRequest<ReminderList>('/api/tasks/reminders', { signal }),
    enabled,
    staleTime: 60_000,
  });

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** Multipart upload of one evidence file for a lead unit (the JSON client does not send forms). */
export async function uploadEvidence(taskCode: string, leadUnit: string, file: File): Promise<EvidenceFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  const csrf = readCookie('scimon_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(
      `/api/tasks/${encodeURIComponent(taskCode)}/evidence?leadUnit=${encodeURIComponent(leadUnit)}`,
      { method: 'POST', headers, body: form, credentials: 'same-origin' },
    );
  } catch {
    throw new ApiError(0, 'E_NETWORK', '');
  }
  if (!res.ok) {
    let body: { error?: { code: string; message: string } } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, body.error?.code ?? 'E_HTTP', body.error?.message ?? `HTTP ${res.status}`);
  }
  const out = (await res.json()) as { items: EvidenceFile[] };
  const first = out.items[0];
  if (!first) throw new ApiError(res.status, 'E_HTTP', 'no evidence recorded');
  return first;
}

export interface ReportInput {
  leadUnit: string;
  period: string;
  text: string;
  percent: number;
  final: boolean;
  milestones: { milestoneId: number; doneOn: string | null }[];
  evidenceIds: number[];
}

/** Every write of the task pages: one mutation per action, refreshing everything under ['tasks']. */
export function useTaskAction<V>(run: (vars: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => qc.invalidateQueries({ queryKey: [TASKS] }),
  });
}

const enc = encodeURIComponent;
const post = (path: string, body: unknown) => apiRequest<unknown>(path, { method: 'POST', body });

export const taskWrites = {
  fileReport: (code: string, body: ReportInput) => post(`/api/tasks/${enc(code)}/reports`, body),
  accept: (id: number) => post(`/api/tasks/reports/${id}/accept`, {}),
  returnReport: (id: number, reason: string) => post(`/api/tasks/reports/${id}/return`, { reason }),
  requestExtension: (code: string, body: { leadUnit: string; newDueDate: string; reason: string }) =>
    post(`/api/tasks/${enc(code)}/extensions`, body),
  approveExtension: (id: number, reason?: string) =>
    post(`/api/tasks/extensions/${id}/approve`, reason ? { reason } : {}),
  refuseExtension: (id: number, reason: string) => post(`/api/tasks/extensions/${id}/refuse`, { reason }),
  close: (code: string, body: { summary: string; closedOn?: string }) =>
    post(`/api/tasks/${enc(code)}/close`, body),
  setDueDate: (code: string, dueDate: string | null) =>
    apiRequest<unknown>(`/api/tasks/${enc(code)}`, { method: 'PATCH', body: { dueDate } }),
  changeStage: (code: string, body: { stage: string; changedOn: string; evidence: string }) =>
    post(`/api/tasks/${enc(code)}/stage`, body),
  addMilestone: (code: string, body: { titleZh: string; titleEn: string; dueDate: string }) =>
    post(`/api/tasks/${enc(code)}/milestones`, body),
};
